// A block's label paths: for each data column its header texts, for each data row its labels, with
// the years, `%` and `+/-` lines they name and the block's context words (what recognition matches).
import { labelKey } from '../grid/labels';
import { LINE, percentLabelColumn, rowIndentOf, textsAbove, type BlockLayout } from '../layout/blocks';
import type { SheetView } from '../grid/sheet-view';
import { cornerYear, yearAbove } from '../layout/table-year';
import { isPercentLabel } from './match';
import { cellYear, parseYearText } from '../grid/numbers';
import { LONGEST, shownText } from './words';

export type Source = 'col' | 'row';

export const lineOf = (section: number, col: number): number => section * LINE + col;

export interface Paths {
  colRaw: Map<number, string[]>;
  colKeys: Map<number, string[]>;
  rowRaw: Map<number, string[]>;
  rowKeys: Map<number, string[]>;
  rowYear: Map<number, number>;
  colYear: Map<number, number>;
  corner: string[];
  percentRows: Set<number>;
  percentCols: Set<number>;
  deltaRows: Set<number>;
  deltaCols: Set<number>;
  /** Column lines of the data columns, section by section. */
  colLines: number[];
  /** Raw row labels with their leading spaces, for nesting. */
  rowIndent: Map<number, number>;
  /** Data cells that are really row labels (`%` written in the first data column). */
  labelCells: Set<number>;
  yearAbove?: number;
  /** The year the corner states (`Показатели (2023)`, a year number), if one does. */
  cornerYear?: number;
  /** Keys of every text about the table: headers, row labels, corner, the lines above it. */
  context: string[];
  /** Keys of the corner's texts and the lines above the table (its title). */
  title: string[];
}

const DELTA_KEYS = new Set(['±', 'отклонение', 'изменение', 'разница', 'динамика', '± к предыдущему году', 'отклонение ±']);

/** A `+/-` / `отклонение` header. */
export function isDeltaLabel(key: string): boolean {
  return DELTA_KEYS.has(key);
}

export function buildPaths(view: SheetView, L: BlockLayout): Paths {
  const p: Paths = {
    colRaw: new Map(),
    colKeys: new Map(),
    rowRaw: new Map(),
    rowKeys: new Map(),
    rowYear: new Map(),
    colYear: new Map(),
    corner: [],
    context: [],
    title: [],
    percentRows: new Set(),
    percentCols: new Set(),
    deltaRows: new Set(),
    deltaCols: new Set(),
    colLines: [],
    rowIndent: new Map(),
    labelCells: new Set(),
  };
  L.sections.forEach((_, si) => readColumnPaths(view, L, si, p));
  for (const r of L.dataRows) readRowPath(view, L, r, p);
  readCorner(view, L, p);
  return p;
}

/** Each data column's header texts in section `si`, their keys, its year and whether it is `%` or `+/-`. */
function readColumnPaths(view: SheetView, L: BlockLayout, si: number, p: Paths): void {
  const headerRows = headerRowsOf(L, si);
  for (const c of L.dataCols) {
    const line = lineOf(si, c);
    const raw: string[] = [];
    let year: number | undefined;
    for (const r of headerRows) {
      const t = shownText(view, r, c);
      if (t === undefined) continue;
      if (raw[raw.length - 1] !== t) raw.push(t);
      const y = cellYear(view.shown(r, c));
      if (y !== undefined) year = y;
    }
    p.colLines.push(line);
    p.colRaw.set(line, raw);
    const keys = raw.map(labelKey);
    p.colKeys.set(line, keys);
    if (year !== undefined) p.colYear.set(line, year);
    const last = keys[keys.length - 1];
    if (last !== undefined && isPercentLabel(last)) p.percentCols.add(line);
    if (last !== undefined && isDeltaLabel(last)) p.deltaCols.add(line);
  }
}

/** Data row `r`'s labels, their keys, its indent and year, and whether it is a `%` or `+/-` row. */
function readRowPath(view: SheetView, L: BlockLayout, r: number, p: Paths): void {
  const cols = rowLabelCols(view, L, r);
  const raw = cols.map((c) => view.text(r, c)!);
  if (raw.length) p.rowIndent.set(r, rowIndentOf(view, L, r));
  for (const c of L.yearCols) {
    const y = cellYear(view.cell(r, c));
    if (y !== undefined) p.rowYear.set(r, y);
  }
  // A `%` row may carry its label in the first data column.
  if (cols.length === 1 && !L.labelCols.includes(cols[0])) p.labelCells.add(r * view.width + cols[0]);
  for (const t of raw) {
    const y = parseYearText(t);
    if (y !== undefined) p.rowYear.set(r, y);
  }
  const keys = raw.map(labelKey);
  p.rowRaw.set(r, raw);
  p.rowKeys.set(r, keys);
  if (keys.some(isPercentLabel)) p.percentRows.add(r);
  if (keys.some(isDeltaLabel)) p.deltaRows.add(r);
}

/** The corner's texts and year, the year above the block, and the block's context words. */
function readCorner(view: SheetView, L: BlockLayout, p: Paths): void {
  const { area, dataTop } = L;
  p.yearAbove = yearAbove(view, area);
  // The corner first: the context is read from it (`Посещения` over the row labels of a 4.4).
  for (let r = area.top; r < dataTop; r++)
    for (const c of [...L.labelCols, ...L.yearCols]) {
      const t = view.text(r, c);
      if (t !== undefined && !p.corner.includes(t)) p.corner.push(t);
      p.cornerYear ??= cornerYear(view.shown(r, c));
    }
  p.title = [...p.corner, ...textsAbove(view, area)].map(labelKey);
  p.context = [...p.title];
  for (const keys of p.colKeys.values()) for (const k of keys) p.context.push(k);
  for (const keys of p.rowKeys.values()) for (const k of keys) p.context.push(k);
}

/**
 * Where a word was read (`Resolution.from`: a line and indices of its labels), as the cells it
 * joins, in pairs (row, column), after LONGEST for the longest of them: a table moved to another
 * block of its layout reads its words there (block-cache.ts `wordOf`). The cells of a line's labels
 * are found as buildPaths found its labels.
 */
export function wordSource(view: SheetView, L: BlockLayout, source: Source, at: number[]): number[] {
  const line = at[0];
  const cells: number[] = [];
  if (source === 'col') {
    const si = Math.floor(line / LINE);
    const c = line % LINE;
    const rows: number[] = [];
    let prev: string | undefined;
    for (const r of headerRowsOf(L, si)) {
      const t = shownText(view, r, c);
      if (t !== undefined && t !== prev) rows.push(r);
      if (t !== undefined) prev = t;
    }
    for (const k of at.slice(1)) cells.push(rows[k], c);
    return cells;
  }
  const cols = rowLabelCols(view, L, line);
  if (at[1] === LONGEST) {
    cells.push(LONGEST);
    for (const c of cols) cells.push(line, c);
  } else for (const k of at.slice(1)) cells.push(line, cols[k]);
  return cells;
}

/**
 * The columns of data row `r`'s labels (`rowRaw`): its label columns with a text, one per run of
 * equal texts; without any, the data column that carries its `%` label, if one does.
 */
function rowLabelCols(view: SheetView, L: BlockLayout, r: number): number[] {
  const cols: number[] = [];
  let prev: string | undefined;
  for (const c of L.labelCols) {
    const t = view.text(r, c);
    if (t === undefined) continue;
    if (t !== prev) cols.push(c);
    prev = t;
  }
  if (!cols.length) {
    const c0 = percentLabelColumn(view, L, r);
    if (c0 !== undefined) cols.push(c0);
  }
  return cols;
}

/** The rows above a section's data whose texts head its columns (buildPaths). */
function headerRowsOf(L: BlockLayout, si: number): number[] {
  const rows: number[] = [];
  for (let r = L.area.top; r < L.dataTop; r++) rows.push(r);
  rows.push(...L.sections[si].headerRows);
  return rows;
}
