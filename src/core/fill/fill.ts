// Fill planning: what to write into empty computed cells (totals, balances, row sums, percentages).
import type { FillOptions, FillPlan, FillWrite } from '../api-types';
import { analyze, type Analysis } from '../check';
import { address, type Workbook } from '../grid/grid';
import { isPercentFormat, matchesAtDecimals } from '../grid/numbers';
import { inputsOf, instances, type Instance, type Term } from '../relations/relations';
import type { TableCell, TableModel } from '../tables/table';

function a1(t: TableModel, c: TableCell): string {
  return address(t.sheet, c.row, c.col);
}

/** A reference from the target's sheet: qualified with the sheet name when it is another sheet. */
function refFrom(home: TableModel, x: Term): string {
  const a = a1(x.table, x.cell);
  if (x.table.sheet === home.sheet) return a;
  return `'${x.table.sheet.name.replace(/'/g, "''")}'!${a}`;
}

/** `SUM(C5:AA5)` when the terms are one contiguous run of a row or column, else `C5+C6-C7`. */
function termsFormula(t: TableModel, terms: Term[]): string {
  // One pass, no copies: a column total's terms are every row of a list (36 000 in a regional grid).
  let run = terms.length > 2;
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (let i = 0; run && i < terms.length; i++) {
    const x = terms[i];
    if (x.sign <= 0 || x.table.sheet !== t.sheet) run = false;
    const { row, col } = x.cell;
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  if (run && ((top === bottom && right - left + 1 === terms.length) || (left === right && bottom - top + 1 === terms.length)))
    return `SUM(${address(t.sheet, top, left)}:${address(t.sheet, bottom, right)})`;
  return terms.map((x, i) => (i === 0 ? (x.sign > 0 ? '' : '-') : x.sign > 0 ? '+' : '-') + refFrom(t, x)).join('');
}

function formulaOf(inst: Instance): string | undefined {
  const t = inst.table;
  if (inst.type === 'sum' || inst.type === 'linear') return '=' + termsFormula(t, inst.terms);
  if (inst.type === 'ratio') {
    const part = (terms: Term[]) => (terms.length === 1 && terms[0].sign > 0 ? termsFormula(t, terms) : `(${termsFormula(t, terms)})`);
    return `=${part(inst.num)}/${part(inst.den)}${inst.factor === 1 ? '' : `*${inst.factor}`}`;
  }
  return undefined;
}

/** Precision of a ratio: the decimals of its neighbours (same measure on the same row or table), one when there are none. */
function ratioFormat(inst: Extract<Instance, { type: 'ratio' }>): string | undefined {
  const fmt = inst.target.numberFormat;
  if (fmt && !/^general$/i.test(fmt)) return undefined;
  const target = inst.target;
  let d = -1;
  const measure = target.key.measure ?? 'value';
  for (let ci = 0; ci < inst.table.cells.length; ci++) {
    const c = inst.table.cells[ci];
    if ((c.key.measure ?? 'value') !== measure || c === target || c.num.kind === 'empty' || c.num.decimals === undefined) continue;
    if (measure === 'value' && c.row !== target.row && c.col !== target.col) continue;
    d = Math.max(d, c.num.decimals);
  }
  if (d < 0) d = 1;
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
}

function before(t: TableModel, c: TableCell): FillWrite['before'] {
  const cell = t.sheet.rows[c.row]?.[c.col];
  return { value: cell?.value ?? null, ...(cell?.formula ? { formula: cell.formula } : {}), ...(cell?.text ? { text: cell.text } : {}) };
}

function write(inst: Instance & { target: TableCell }, value: number, mode: 'formulas' | 'values'): FillWrite {
  const t = inst.table;
  const w: FillWrite = { sheet: t.sheet.name, address: a1(t, inst.target), table: t.id, value, before: before(t, inst.target) };
  // Excel's SUM skips a number stored as text, `+` fails on `1 234` and on a dash: over such cells, the value.
  if (mode === 'formulas' && !inputsOf(inst).some((x) => x.cell.num.kind === 'text-number' || x.cell.num.kind === 'dash')) {
    const f = formulaOf(inst);
    if (f) w.formula = f;
  }
  if (inst.type === 'ratio') {
    const nf = ratioFormat(inst);
    if (nf) w.numberFormat = nf;
  }
  return w;
}

/** Plans the fill of a workbook. Never plans a write over a non-empty cell or a formula unless `overwrite`. */
export function planFill(wb: Workbook, opts: FillOptions = {}, analysis?: Analysis): FillPlan {
  const a = analysis ?? analyze(wb);
  const mode = opts.mode ?? 'formulas';
  const writes: FillWrite[] = [];
  const planned = new Set<TableCell>();
  for (const [id, d] of a.values.derived) {
    const inst = d.inst as Instance & { target: TableCell };
    writes.push(write(inst, d.value, mode));
    planned.add(id);
  }
  if (opts.overwrite) {
    // Computed cells holding another value (or a formula with another result) are recomputed on request.
    for (const t of a.tables)
      for (const inst of instances(t)) {
        if (!inst.computed) continue;
        const target = (inst as { target: TableCell }).target;
        const id = target;
        if (planned.has(id) || target.num.kind === 'empty') continue;
        const expected = a.values.compute(inst);
        if (expected === undefined) continue;
        const cur = a.values.get(t, target);
        if (inst.type === 'ratio') {
          const isFraction = isPercentFormat(target.numberFormat);
          const scale = isFraction ? 100 : 1;
          if (cur !== undefined && matchesAtDecimals(cur * scale, expected * scale, target.num.decimals ?? 1)) continue;
        } else if (cur !== undefined && Math.abs(cur - expected) < 1e-9) continue;
        planned.add(id);
        writes.push(write(inst as Instance & { target: TableCell }, expected, mode));
      }
  }
  return { writes };
}

