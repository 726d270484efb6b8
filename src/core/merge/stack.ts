// Lists of libraries (the Model Standard grid) are stacked, not summed: one row per library of every input.
import { address, type Sheet } from '../grid/grid';
import type { TableCell, TableModel } from '../tables/table';
import { labelToken } from '../compare/figures';
import type { Contribution, Unmerged } from './plan';

/** A table of one row per entity (a library) whose figures do not add up (scores): stacked. */
export function stacked(t: TableModel): boolean {
  return t.def.valueType === 'score' && t.def.dims.some((d) => d.type === 'entities');
}

export interface StackRow {
  file: string;
  /** The row's label in its own table (the library's name). */
  name: string;
  /** Per template column, the input's cell, if its column is found. */
  cells: Array<Contribution | undefined>;
}

export interface Stack {
  /** The template's table. */
  table: string;
  sheet: string;
  /** The template's table area, emptied in the summary: the stacked list stands for it. */
  area: { top: number; left: number; bottom: number; right: number };
  /** The template's header rows over the table's columns, as their cells show, and their merges (relative to the table's top-left). */
  header: Array<Array<string | number | null>>;
  merges: Array<[number, number, number, number]>;
  /** Columns relative to the table's left: of each of `columns`, and of the row label (the library's name). */
  at: number[];
  labelCol: number;
  /** The template's column headers, in its order (the row-sum column last, if it has one). */
  columns: string[];
  /** Index in `columns` of the row sum, if any. */
  sumColumn?: number;
  rows: StackRow[];
}

function dimsOf(t: TableModel): { rows?: string; cols?: string } {
  const rows = t.def.dims.find((d) => d.type === 'entities')?.id;
  const cols = t.def.dims.find((d) => d.type !== 'entities' && d.type !== 'year')?.id;
  return { rows, cols };
}

/** Members that are the list's own total (`Всего`) or a column's row sum: not a library, not a criterion. */
function totalsIn(t: TableModel, dim: string): Set<string> {
  const out = new Set<string>();
  for (const r of t.def.relations) if (r.type === 'sum' && r.dim === dim) out.add(r.total);
  return out;
}

/** A cell's value as the template's grid holds it (its origin counted). */
function valueAt(sheet: Sheet, row: number, col: number): string | number | null {
  const o = sheet.origin ?? { row: 0, col: 0 };
  const v = sheet.rows[row - o.row]?.[col - o.col]?.value;
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

/** An empty stack in the template's columns, under a copy of its header. */
export function newStack(t: TableModel): Stack {
  const { cols } = dimsOf(t);
  const members = cols ? t.found.get(cols) ?? [] : [];
  const colTotals = cols ? totalsIn(t, cols) : new Set<string>();
  const columns = members.map((m) => t.words.get(`${cols}:${m}`) ?? m);
  const sum = members.findIndex((m) => colTotals.has(m));
  const a = t.area;
  const firstRow = t.cells.reduce((r, c) => Math.min(r, c.row), a.bottom);
  const at = members.map((m) => (t.cells.find((c) => c.key[cols!] === m)?.col ?? a.left) - a.left);
  const header: Stack['header'] = [];
  for (let r = a.top; r < firstRow; r++) {
    const line: Array<string | number | null> = [];
    for (let c = a.left; c <= a.right; c++) line.push(valueAt(t.sheet, r, c));
    header.push(line);
  }
  const merges: Stack['merges'] = t.sheet.merges
    .filter((m) => m.top >= a.top && m.bottom < firstRow && m.left >= a.left && m.right <= a.right)
    .map((m) => [m.top - a.top, m.left - a.left, m.bottom - a.top, m.right - a.left]);
  const labelCol = Math.max(0, Math.min(...at.filter((x) => x > 0), a.right - a.left + 1) - 1);
  return { table: t.id, sheet: t.sheet.name, area: { ...a }, header, merges, at, labelCol, columns, ...(sum >= 0 ? { sumColumn: sum } : {}), rows: [] };
}

/** The table's value cells by row member and column member. */
function grid(t: TableModel, rowsDim: string, colsDim: string): Map<string, TableCell> {
  const out = new Map<string, TableCell>();
  for (const c of t.cells) if ((c.key.measure ?? 'value') === 'value') out.set(`${c.key[rowsDim]}|${c.key[colsDim]}`, c);
  return out;
}

/** Adds an input's list to the stack: its rows in order, its columns by their labels; a column of no label in the template is listed. */
export function stackInto(stack: Stack, template: TableModel, file: string, t: TableModel, unmerged: Unmerged[]): number {
  const T = dimsOf(template);
  const I = dimsOf(t);
  if (!T.cols || !I.rows || !I.cols) return 0;
  const tokenOf = (m: TableModel, dim: string, id: string) => labelToken(m.words.get(`${dim}:${id}`) ?? id);
  const templateCols = (template.found.get(T.cols) ?? []).map((m) => tokenOf(template, T.cols!, m));
  const mine = t.found.get(I.cols) ?? [];
  const at = new Map<number, string>();
  for (const m of mine) {
    const k = templateCols.indexOf(tokenOf(t, I.cols, m));
    if (k >= 0) at.set(k, m);
    else {
      const first = t.cells.find((c) => c.key[I.cols!] === m);
      const where = first ? address(t.sheet, first.row, first.col) : '';
      unmerged.push({ file, sheet: t.sheet.name, address: where, table: t.id, what: t.words.get(`${I.cols}:${m}`) ?? m, reason: 'no-label' });
    }
  }
  const rowTotals = totalsIn(t, I.rows);
  const cellsOf = grid(t, I.rows, I.cols);
  let n = 0;
  for (const r of t.found.get(I.rows) ?? []) {
    if (rowTotals.has(r)) continue;
    const cells = templateCols.map((_, k) => {
      const m = at.get(k);
      const c = m === undefined ? undefined : cellsOf.get(`${r}|${m}`);
      if (!c || c.num.value === undefined) return undefined;
      n++;
      return { file, sheet: t.sheet.name, address: address(t.sheet, c.row, c.col), value: c.num.value };
    });
    stack.rows.push({ file, name: t.words.get(`${I.rows}:${r}`) ?? r, cells });
  }
  return n;
}
