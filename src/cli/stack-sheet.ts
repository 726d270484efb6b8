// A list of libraries stacked under the template's header, as plain rows written with the summary's
// appended sheets (sheet-bytes.ts), and as the grid the summary's check reads. Through exceljs, 37
// such sheets of 60 workbooks took 11 of the 12 s exceljs spent writing the summary.
import type { Area, Cell, Lang, Sheet } from '../core';
import type { Stack } from '../core/merge/stack';
import { MERGE_TEXT } from './merge-messages';
import { colName, type PlainCell } from './sheet-bytes';

/** A sheet of plain cells: row after row from the first, a row of no cells an empty array. */
export interface BuiltSheet {
  name: string;
  rows: PlainCell[][];
  merges: Area[];
}

/** The stack's sheet: one row per library of every input, the `Всего:` row as sums, the share at the threshold; its cells' sources pushed to `sources`. */
export function stackedSheet(name: string, stack: Stack, sources: PlainCell[][], threshold: number, lang: Lang): BuiltSheet {
  const t = MERGE_TEXT[lang];
  const rows: PlainCell[][] = stack.header.map((line) => [...line]);
  const merges = stack.merges.filter(([top, left, bottom, right]) => top !== bottom || left !== right).map(([top, left, bottom, right]) => ({ top, left, bottom, right }));
  const first = stack.header.length + 1;
  const set = (row: number, col: number, v: PlainCell) => {
    while (rows.length < row) rows.push([]);
    const line = rows[row - 1];
    while (line.length < col) line.push(null);
    line[col - 1] = v;
  };
  const ref = (row: number, col: number) => `${colName(col - 1)}${row}`;
  stack.rows.forEach((r, i) => {
    if (stack.labelCol > 0) set(first + i, 1, `${i + 1}.`);
    set(first + i, stack.labelCol + 1, r.name);
    r.cells.forEach((c, k) => {
      if (!c) return;
      set(first + i, stack.at[k] + 1, c.value);
      sources.push([name, ref(first + i, stack.at[k] + 1), c.file, c.sheet, c.address, c.value, t.stackedHow]);
    });
  });
  const last = first + stack.rows.length - 1;
  set(last + 1, stack.labelCol + 1, t.total);
  stack.columns.forEach((_, k) => {
    // A column some library's report leaves empty (its row sums, still to be filled) has no total yet.
    if (stack.rows.some((r) => r.cells[k] === undefined)) return;
    const col = colName(stack.at[k]);
    const sum = stack.rows.reduce((a, r) => a + (r.cells[k]?.value ?? 0), 0);
    set(last + 1, stack.at[k] + 1, { formula: `SUM(${col}${first}:${col}${last})`, result: sum });
    sources.push([name, ref(last + 1, stack.at[k] + 1), null, null, null, sum, t.recomputed(`=SUM(${col}${first}:${col}${last})`)]);
  });
  if (stack.sumColumn !== undefined && stack.rows.length) {
    const k = stack.sumColumn;
    const at = stack.rows.filter((r) => (r.cells[k]?.value ?? 0) >= threshold - 1e-9).length;
    set(last + 3, stack.labelCol + 1, t.share(at, stack.rows.length, threshold));
  }
  return { name, rows, merges };
}

/** The sheet as the summary's check reads it: values, formulas with their results, merges. */
export function gridOf(s: BuiltSheet): Sheet {
  const rows = s.rows.map((line) => {
    const out: Array<Cell | undefined> = [];
    line.forEach((v, c) => {
      if (v === null || v === '') return;
      out[c] = typeof v === 'object' ? { value: v.result, formula: `=${v.formula}` } : { value: v };
    });
    return out;
  });
  return { name: s.name, rows, merges: s.merges.map((m) => ({ ...m })) };
}
