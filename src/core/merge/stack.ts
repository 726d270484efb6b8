// Lists of libraries (the Model Standard grid) are stacked, not summed: one row per library of every input.
import { address } from '../grid';
import type { TableCell, TableModel } from '../table';
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

/** An empty stack in the template's columns. */
export function newStack(t: TableModel): Stack {
  const { cols } = dimsOf(t);
  const members = cols ? t.found.get(cols) ?? [] : [];
  const colTotals = cols ? totalsIn(t, cols) : new Set<string>();
  const columns = members.map((m) => t.words.get(`${cols}:${m}`) ?? m);
  const sum = members.findIndex((m) => colTotals.has(m));
  return { table: t.id, sheet: t.sheet.name, columns, ...(sum >= 0 ? { sumColumn: sum } : {}), rows: [] };
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
