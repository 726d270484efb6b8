// `merge`: the region's summary. Each input's tables matched with the template's by kind and labels,
// its counts summed into the template's cells, each contribution traced, whatever could not be matched listed.
import type { Analysis } from '../check';
import { address } from '../grid/grid';
import { hasValue } from '../grid/numbers';
import { what } from '../rules/rule';
import { classify } from '../generic/classify';
import { labelKey } from '../grid/labels';
import type { TableCell, TableModel } from '../tables/table';
import { figureKey, tableFigures, type TableFigures } from '../compare/figures';
import { pairTables } from '../compare/pair';
import { newStack, stacked, stackInto, type Stack } from './stack';
import { absorbPart, sameTemplate, toPart, type MergePart, type PartState } from './combine';
import { TraceBuilder, type Trace } from './trace';

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
  /** Its contributions, in input order: indices into the plan's trace (`contribution(plan.trace, i)`). */
  sources: number[];
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

/** A cell of the template's tables. */
export interface TemplateCell {
  sheet: string;
  address: string;
  row: number;
  col: number;
  table: string;
  /** The quantity, in the template table's words. */
  what: string;
}

export interface MergePlan {
  writes: MergeWrite[];
  /** Template cells of counts no input gives a figure for: emptied in the summary. */
  cleared: TemplateCell[];
  /** Template cells that are no sums (shares, changes, indicators, scores): emptied, to be recomputed from the sums where they can be. */
  emptied: TemplateCell[];
  unmerged: Unmerged[];
  /** Lists of libraries, one row per library of every input (the template's own list is emptied). */
  stacks: Stack[];
  /** Per input: tables matched with the template's, and cells summed (or stacked). */
  inputs: Array<{ file: string; tables: number; matched: number; cells: number }>;
  /** Every contribution to the summed cells, in columns (the writes' `sources` index it). */
  trace: Trace;
}

/** Roles of a label whose figures add up across libraries (a count, a sum of money, a total, a stock). */
const ADDS = new Set(['value', 'total', 'balance']);

/** Whether a label's figures add up: not a share, an indicator, an average, a change, a year or a code. */
function adds(label: string | undefined): boolean {
  return label === undefined || ADDS.has(classify(label, labelKey(label), []).type);
}

/**
 * Counts (and money) are summed; indicators, scores and shares are recomputed or stacked, never
 * summed. A table of counts sums every figure; a table of amounts of no indicator definition (a
 * table of no known kind) sums those whose row and column labels both name something that adds up.
 */
export function summable(t: TableModel, c: TableCell): boolean {
  if (c.key.measure === 'percent' || c.key.measure === 'delta') return false;
  if (t.def.valueType === 'count') return true;
  if (t.def.valueType !== 'amount' || t.def.derived.length) return false;
  for (const d of t.def.dims) {
    const m = c.key[d.id];
    if (d.type !== 'year' && m !== undefined && !adds(t.words.get(`${d.id}:${m}`))) return false;
  }
  return true;
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

/** A summary being put together, one input at a time (an input's analysis is dropped once added). */
export interface MergeBuilder {
  add(input: MergeInput): void;
  plan(): MergePlan;
  /** What was added so far, as plain data another thread's builder on the same template can absorb. */
  part(): MergePart;
  /** Adds a part's inputs after those added so far; false (nothing added) when it was made on another template. */
  absorb(part: MergePart): boolean;
}

/** Starts the summary on the template's tables. Pure; never throws on the inputs' data. */
export function startMerge(template: Analysis): MergeBuilder {
  const target = template.tables.map((t) => tableFigures(t, yearOf(template)));
  const sums = new Map<string, MergeWrite>();
  const unmerged: Unmerged[] = [];
  const stats: MergePlan['inputs'] = [];
  const trace = new TraceBuilder();
  const stacks = new Map(template.tables.filter(stacked).map((t) => [t, newStack(t)]));
  const ids = template.tables.map((t) => `${t.id} ${rangeOf(t)}`);
  const state = (): PartState => ({ template: ids, sums, trace, unmerged, stacks: [...stacks.values()], stats });
  return {
    add(input: MergeInput): void {
      const own = input.analysis.tables.map((t) => tableFigures(t, input.analysis.reportingYear ?? yearOf(template)));
      let matched = 0;
      let cells = 0;
      for (const p of pairTables(own, target, { byValues: false })) {
        const t = p.last.table;
        if (!p.cur) {
          unmerged.push({ file: input.file, sheet: t.sheet.name, address: rangeOf(t), table: t.id, what: t.def.title.ru, reason: 'no-table' });
          continue;
        }
        matched++;
        const stack = stacks.get(p.cur.table);
        cells += stack ? stackInto(stack, p.cur.table, input.file, t, unmerged) : addFigures(input.file, p.last, p.cur, sums, unmerged, trace);
      }
      stats.push({ file: input.file, tables: own.length, matched, cells });
    },
    plan: () => finish(target, sums, unmerged, [...stacks.values()], stats, trace.trace()),
    part: () => toPart(state()),
    absorb(part: MergePart): boolean {
      const s = state();
      if (!sameTemplate(s, part)) return false;
      absorbPart(s, part);
      return true;
    },
  };
}

/**
 * Plans the summary: every count of every input added into the template's cell of the same table,
 * labels and year. Pure; never throws on the inputs' data.
 */
export function planMerge(template: Analysis, inputs: MergeInput[]): MergePlan {
  const m = startMerge(template);
  for (const input of inputs) m.add(input);
  return m.plan();
}

/** The template's cells that are no sum (emptied, to be recomputed), and its counts no input gave (cleared). */
function finish(target: TableFigures[], sums: Map<string, MergeWrite>, unmerged: Unmerged[], stacks: Stack[], stats: MergePlan['inputs'], trace: Trace): MergePlan {
  const summed = new Set([...sums.values()].map((w) => `${w.sheet}!${w.address}`));
  const cleared: TemplateCell[] = [];
  const emptied: TemplateCell[] = [];
  for (const T of target) {
    const t = T.table;
    for (const c of t.cells) {
      if (c.num.kind === 'empty') continue;
      const cell = { sheet: t.sheet.name, address: address(t.sheet, c.row, c.col), row: c.row, col: c.col, table: t.id, what: what(t, c) };
      if (!summable(t, c)) emptied.push(cell);
      else if (!summed.has(`${cell.sheet}!${cell.address}`)) cleared.push(cell);
    }
  }
  return { writes: [...sums.values()], cleared, emptied, unmerged, stacks, inputs: stats, trace };
}

/** An input table's counts into the template table's sums; returns how many cells were added. */
function addFigures(file: string, I: TableFigures, T: TableFigures, sums: Map<string, MergeWrite>, unmerged: Unmerged[], trace: TraceBuilder): number {
  let n = 0;
  const t = I.table;
  const fileId = trace.text(file);
  const sheetId = trace.text(t.sheet.name);
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
    // A share or an indicator is recomputed from the sums, never added.
    if (!summable(T.table, g.cell)) continue;
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
    w.sources.push(trace.add(fileId, sheetId, trace.text(at), num.value));
    n++;
  }
  return n;
}
