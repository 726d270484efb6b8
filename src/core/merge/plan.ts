// `merge`: the region's summary. Each input's tables matched with the template's by kind and labels,
// its counts summed into the template's cells, each contribution traced, whatever could not be matched listed.
import type { Analysis } from '../check';
import { address } from '../grid';
import { hasValue } from '../numbers';
import { what } from '../rules/rule';
import type { TableModel } from '../table';
import { figureKey, tableFigures, type TableFigures } from '../compare/figures';
import { pairTables } from '../compare/pair';

export interface MergeInput {
  /** The file, as the user named it. */
  file: string;
  analysis: Analysis;
}

/** One input cell's part in a summary cell. */
export interface Contribution {
  file: string;
  sheet: string;
  address: string;
  value: number;
}

/** A summary cell: the sum of its contributions. */
export interface MergeWrite {
  sheet: string;
  address: string;
  row: number;
  col: number;
  /** The template's table. */
  table: string;
  value: number;
  sources: Contribution[];
}

export type UnmergedReason = 'no-table' | 'no-label' | 'other-year' | 'not-a-number' | 'not-recomputed';

/** Something of an input that is in no summary cell, and why. */
export interface Unmerged {
  file: string;
  sheet: string;
  /** A cell, or a table's range. */
  address: string;
  /** The input's table. */
  table: string;
  /** The quantity in the input table's words (a table: its kind's title). */
  what: string;
  reason: UnmergedReason;
}

export interface MergePlan {
  writes: MergeWrite[];
  /** Template cells no input gives a figure for: emptied in the summary. */
  cleared: Array<{ sheet: string; address: string; row: number; col: number; table: string }>;
  unmerged: Unmerged[];
  /** Per input: tables matched with the template's, and cells summed. */
  inputs: Array<{ file: string; tables: number; matched: number; cells: number }>;
}

/** Counts (and money) are summed; indicators, scores and shares are recomputed or stacked, never summed. */
function summed(t: TableModel): boolean {
  return t.def.valueType === 'count';
}

function rangeOf(t: TableModel): string {
  const a = t.area;
  const tl = address(t.sheet, a.top, a.left);
  const br = address(t.sheet, a.bottom, a.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** The year the template's year-less tables stand for: its report's. */
function yearOf(a: Analysis): number {
  return a.reportingYear ?? 0;
}

/**
 * Plans the summary: every count of every input added into the template's cell of the same table,
 * labels and year. Pure; never throws on the inputs' data.
 */
export function planMerge(template: Analysis, inputs: MergeInput[]): MergePlan {
  const target = template.tables.map((t) => tableFigures(t, yearOf(template)));
  const sums = new Map<string, MergeWrite>();
  const unmerged: Unmerged[] = [];
  const stats: MergePlan['inputs'] = [];
  for (const input of inputs) {
    const own = input.analysis.tables.map((t) => tableFigures(t, input.analysis.reportingYear ?? yearOf(template)));
    const pairs = pairTables(own, target, { byValues: false });
    let matched = 0;
    let cells = 0;
    for (const p of pairs) {
      const t = p.last.table;
      if (!p.cur) {
        unmerged.push({ file: input.file, sheet: t.sheet.name, address: rangeOf(t), table: t.id, what: t.def.title.ru, reason: 'no-table' });
        continue;
      }
      matched++;
      if (!summed(p.cur.table)) continue;
      cells += addFigures(input.file, p.last, p.cur, sums, unmerged);
    }
    stats.push({ file: input.file, tables: own.length, matched, cells });
  }
  const cleared: MergePlan['cleared'] = [];
  for (const T of target) {
    if (!summed(T.table)) continue;
    for (const f of T.list)
      if (!sums.has(figureKey(`${T.table.id}/${f.id}`, f.year)) && f.cell.num.kind !== 'empty')
        cleared.push({ sheet: T.table.sheet.name, address: address(T.table.sheet, f.cell.row, f.cell.col), row: f.cell.row, col: f.cell.col, table: T.table.id });
  }
  return { writes: [...sums.values()], cleared, unmerged, inputs: stats };
}

/** An input table's counts into the template table's sums; returns how many cells were added. */
function addFigures(file: string, I: TableFigures, T: TableFigures, sums: Map<string, MergeWrite>, unmerged: Unmerged[]): number {
  let n = 0;
  const t = I.table;
  for (const f of I.list) {
    const num = f.cell.num;
    if (num.kind === 'empty') continue;
    const at = address(t.sheet, f.cell.row, f.cell.col);
    const miss = (reason: UnmergedReason) => unmerged.push({ file, sheet: t.sheet.name, address: at, table: t.id, what: what(t, f.cell), reason });
    const g = T.byKey.get(figureKey(f.id, f.year));
    if (!g) {
      miss(T.years.has(f.year) ? 'no-label' : 'other-year');
      continue;
    }
    if (!hasValue(num)) {
      miss('not-a-number');
      continue;
    }
    const k = figureKey(`${T.table.id}/${g.id}`, g.year);
    let w = sums.get(k);
    if (!w) {
      const tt = T.table;
      w = { sheet: tt.sheet.name, address: address(tt.sheet, g.cell.row, g.cell.col), row: g.cell.row, col: g.cell.col, table: tt.id, value: 0, sources: [] };
      sums.set(k, w);
    }
    w.value += num.value;
    w.sources.push({ file, sheet: t.sheet.name, address: at, value: num.value });
    n++;
  }
  return n;
}
