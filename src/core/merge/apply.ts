// The template's grid with the summary's sums in it, for recomputing shares and indicators and checking the summary.
import type { Cell, Sheet, Workbook } from '../grid/grid';
import type { MergePlan } from './plan';

function withCell(sheet: Sheet, row: number, col: number, cell: Cell | undefined): void {
  const o = sheet.origin ?? { row: 0, col: 0 };
  const r = row - o.row;
  const c = col - o.col;
  if (r < 0 || c < 0) return;
  while (sheet.rows.length <= r) sheet.rows.push(undefined);
  const line = (sheet.rows[r] = [...(sheet.rows[r] ?? [])]);
  line[c] = cell;
}

/**
 * A copy of the template's workbook with each summed cell holding its sum (a plain number, its
 * number format kept), each count no input gave and each cell that is no sum (a share, a change,
 * an indicator: the fill recomputes them from the sums) emptied; the template itself is left as it is.
 */
export function mergedWorkbook(template: Workbook, plan: MergePlan): Workbook {
  const sheets = new Map(template.sheets.map((s) => [s.name, { ...s, rows: [...s.rows] }]));
  for (const w of plan.writes) {
    const s = sheets.get(w.sheet);
    if (!s) continue;
    const o = s.origin ?? { row: 0, col: 0 };
    const old = s.rows[w.row - o.row]?.[w.col - o.col];
    withCell(s, w.row, w.col, { value: w.value, ...(old?.numberFormat ? { numberFormat: old.numberFormat } : {}), ...(old?.indent ? { indent: old.indent } : {}) });
  }
  for (const c of [...plan.cleared, ...plan.emptied]) {
    const s = sheets.get(c.sheet);
    if (s) withCell(s, c.row, c.col, undefined);
  }
  return { sheets: template.sheets.map((s) => sheets.get(s.name) ?? s) };
}
