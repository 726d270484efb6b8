// A relation of a table of no known kind, over its items (rows or columns), before it becomes cells.
import { hasValue, matchesAtDecimals, type Num } from '../grid/numbers';
import type { GenericTable, Item } from './read';

export type Axis = 'row' | 'col';

export interface Part {
  at: number;
  sign: 1 | -1;
}

/** `target = Σ sign × term` on every line across the axis (a total, a balance, a change). */
export interface LinearRel {
  type: 'linear';
  rule: 'sum-mismatch' | 'balance-mismatch' | 'delta-mismatch';
  axis: Axis;
  target: number;
  terms: Part[];
  /** `из них`: the parts may sum below the total. */
  exhaustive: boolean;
  /** No label states it; the numbers show it (exceptions are warnings, nothing is filled). */
  inferred: boolean;
  /** Indices of the items across the axis the relation holds on (the others are of another value type). */
  lines: number[];
  /** The target on another line than its terms: a year's line → the next year's (a start of year carried over). */
  next?: Map<number, number>;
}

/** `target = (Σ num) / (Σ den) × factor` on every line: a share, a growth, an indicator. */
export interface RatioRel {
  type: 'ratio';
  axis: Axis;
  target: number;
  /** Per line, the items of the relation's axis read: the numerator's (signed) and the denominator's. */
  num: Part[];
  den: Part[];
  /** Read the numerator and denominator on this line of the other axis instead of the target's (a share of a total row). */
  numLine?: number;
  denLine?: number;
  factor: number;
  inferred: boolean;
  lines: number[];
}

export type GenericRel = LinearRel | RatioRel;

/** Items of an axis, and the ones across it. */
export function itemsOf(t: GenericTable, axis: Axis): { items: Item[]; cross: Item[] } {
  return axis === 'row' ? { items: t.rows, cross: t.cols } : { items: t.cols, cross: t.rows };
}

/** The cell of item `i` of the axis on line `j` (an item of the other axis), as [row index, column index]. */
export function at(axis: Axis, i: number, j: number): [number, number] {
  return axis === 'row' ? [i, j] : [j, i];
}

export function numAt(t: GenericTable, rc: [number, number]): Num {
  return t.nums[rc[0]][rc[1]];
}

function valueAt(t: GenericTable, rc: [number, number]): number | undefined {
  const n = numAt(t, rc);
  return hasValue(n) ? n.value : undefined;
}

/** How a relation fares on the lines it covers: lines that hold, that fail, and whose target is empty. */
export interface Score {
  holds: number;
  fails: number;
  known: number;
  emptyTargets: number;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Σ sign × value of the parts on a line; undefined when one is not a number (an empty part is 0). */
function lineSum(t: GenericTable, axis: Axis, parts: readonly Part[], j: number): { sum: number; zero: boolean } | undefined {
  let sum = 0;
  let zero = true;
  for (const x of parts) {
    const n = numAt(t, at(axis, x.at, j));
    if (n.kind === 'empty') continue;
    if (!hasValue(n)) return undefined;
    if (n.value !== 0) zero = false;
    sum += x.sign * n.value;
  }
  return { sum, zero };
}

/** Counts lines where a linear relation holds; lines of zeros only prove nothing and are left out. */
export function scoreLinear(t: GenericTable, r: Pick<LinearRel, 'axis' | 'target' | 'terms' | 'lines' | 'exhaustive' | 'next'>): Score {
  const s: Score = { holds: 0, fails: 0, known: 0, emptyTargets: 0 };
  for (const j of r.lines) {
    const tj = r.next?.get(j) ?? j;
    const target = valueAt(t, at(r.axis, r.target, tj));
    const got = lineSum(t, r.axis, r.terms, j);
    if (target === undefined) {
      if (numAt(t, at(r.axis, r.target, tj)).kind === 'empty' && got && !got.zero) s.emptyTargets++;
      continue;
    }
    if (!got || (got.zero && target === 0)) continue;
    // Parts all empty: nothing to compare (a total of a breakdown not given).
    if (r.terms.every((x) => numAt(t, at(r.axis, x.at, j)).kind === 'empty')) continue;
    s.known++;
    if (near(got.sum, target) || (!r.exhaustive && got.sum <= target + 1e-9)) s.holds++;
    else s.fails++;
  }
  return s;
}

/** The value a ratio computes on line `j`, in the units the target cell shows (a percent format shows ×100). */
export function ratioOn(t: GenericTable, r: Pick<RatioRel, 'axis' | 'num' | 'den' | 'numLine' | 'denLine' | 'factor'>, j: number): number | undefined {
  const n = lineSum(t, r.axis, r.num, r.numLine ?? j);
  const d = lineSum(t, r.axis, r.den, r.denLine ?? j);
  if (!n || !d || d.sum === 0 || d.zero) return undefined;
  return (n.sum / d.sum) * r.factor;
}

/** Counts lines where a ratio holds at the decimals shown (rounded or truncated). */
export function scoreRatio(t: GenericTable, r: Pick<RatioRel, 'axis' | 'target' | 'lines' | 'num' | 'den' | 'numLine' | 'denLine' | 'factor'>): Score {
  const s: Score = { holds: 0, fails: 0, known: 0, emptyTargets: 0 };
  for (const j of r.lines) {
    const cell = numAt(t, at(r.axis, r.target, j));
    const x = ratioOn(t, r, j);
    if (x === undefined) continue;
    if (!hasValue(cell)) {
      if (cell.kind === 'empty') s.emptyTargets++;
      continue;
    }
    const shown = cell.percentFormat ? cell.value * 100 : cell.value;
    if (shown === 0 && x === 0) continue;
    s.known++;
    if (matchesAtDecimals(shown, x, cell.decimals ?? 0)) s.holds++;
    else s.fails++;
  }
  return s;
}

/**
 * Whether a relation is taken: a stated one when its numbers hold in at least a third of the lines
 * compared, or when its targets are still to be filled; an inferred one in three places and two
 * thirds of those it could.
 */
export function accepted(s: Score, stated: boolean): boolean {
  if (!stated) return s.holds >= 3 && s.holds * 3 >= s.known * 2;
  if (s.known === 0) return s.emptyTargets > 0;
  return s.holds > 0 && s.holds * 2 >= s.fails;
}
