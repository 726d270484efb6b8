// Pairs last year's tables with this year's: by kind, then by the figures they share, never by position.
import { captionOf, labelToken, sameValue, type TableFigures } from './figures';

export interface Pair {
  last: TableFigures;
  /** This year's counterpart, if any. */
  cur?: TableFigures;
}

// `Таблица 7.` before a caption and the years in it change from one report to the next.
const TABLE_NUMBER = /^\s*(?:таблица|табл\.?)\s*№?\s*\d+(?:\.\d+)*\.?\s*[-–—:.]?\s*/i;
const YEARS = /(?:^| )(?:19|20)\d\d(?: (?:г|гг|год[а-я]*))?(?= |$)/g;

function titleOf(t: TableFigures): string | undefined {
  const c = captionOf(t.table);
  if (c === undefined) return undefined;
  const k = labelToken(c.replace(TABLE_NUMBER, '')).replace(YEARS, ' ').replace(/\s+/g, ' ').trim();
  return k || undefined;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * Tables that can stand for each other: one kind; a table known only by its own words (a list of
 * indicators, a table of no known kind) also shares at least half of its labels, or its title.
 */
function compatible(a: TableFigures, b: TableFigures, byValues: boolean): boolean {
  if (a.table.def.kind !== b.table.def.kind) return false;
  if (!a.byWords && !b.byWords) return true;
  const ta = titleOf(a);
  if (ta !== undefined && ta === titleOf(b)) return true;
  if (halfShared(a.ids, b.ids)) return true;
  // Two systems' lists of libraries share their columns, not their libraries.
  return !byValues && halfShared(a.across, b.across);
}

function halfShared(a: Set<string>, b: Set<string>): boolean {
  const small = Math.min(a.size, b.size);
  return small > 0 && overlap(a, b) * 2 >= small;
}

export interface PairOptions {
  /**
   * Whether agreeing values tell the counterpart (true: one system's two reports). Tables of two
   * libraries (merge) share labels and years, never their values.
   */
  byValues?: boolean;
}

/** Figures of a year both tables give, and how many of them agree (all of them when values tell nothing). */
function agreement(a: TableFigures, b: TableFigures, byValues: boolean): { shared: number; equal: number } {
  let shared = 0;
  let equal = 0;
  for (const [k, f] of a.byKey) {
    const g = b.byKey.get(k);
    if (!g) continue;
    shared++;
    if (!byValues || sameValue(f.cell.num, g.cell.num)) equal++;
  }
  return { shared, equal };
}

/** How well two tables agree: figures of a year both give and agree on, then figures both give, then labels. */
function score(a: TableFigures, b: TableFigures, byValues: boolean): number {
  const { shared, equal } = agreement(a, b, byValues);
  const sameSheet = a.table.sheet.name === b.table.sheet.name ? 0.5 : 0;
  return equal * 4 + shared + overlap(a.ids, b.ids) * 0.01 + sameSheet;
}

function yearsOf(list: TableFigures[], at: number[]): Set<number> {
  const out = new Set<number>();
  for (const i of at) for (const y of list[i].years) out.add(y);
  return out;
}

function meets(a: Set<number>, b: Set<number>): boolean {
  for (const y of a) if (b.has(y)) return true;
  return false;
}

/** Tables by kind, in workbook order. */
function byKind(list: TableFigures[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  list.forEach((t, i) => {
    const k = t.table.def.kind;
    const at = out.get(k);
    if (at) at.push(i);
    else out.set(k, [i]);
  });
  return out;
}

/**
 * The k-th table of a kind last year with the k-th this year, where they agree on most figures both
 * give (a report keeps its order): a region's workbook of 2 000 tables is paired without trying each with each.
 */
function pairInOrder(last: TableFigures[], cur: TableFigures[], of: Map<number, number>, taken: Set<number>, byValues: boolean): void {
  const here = byKind(cur);
  for (const [kind, ls] of byKind(last)) {
    const cs = here.get(kind) ?? [];
    const lastYears = yearsOf(last, ls);
    const curYears = yearsOf(cur, cs);
    for (let k = 0; k < ls.length && k < cs.length; k++) {
      const [i, j] = [ls[k], cs[k]];
      if (!compatible(last[i], cur[j], byValues)) continue;
      const { shared, equal } = agreement(last[i], cur[j], byValues);
      // Tables of years the other report's tables of the kind never give (staff of 2022 and of 2023) go by order too.
      const apart = !shared && !meets(last[i].years, curYears) && !meets(cur[j].years, lastYears);
      if ((shared > 0 && equal >= 0.8 * shared) || apart) {
        of.set(i, j);
        taken.add(j);
      }
    }
  }
}

/** Each of last year's tables with at most one of this year's, best agreeing pairs first. */
export function pairTables(last: TableFigures[], cur: TableFigures[], opts: PairOptions = {}): Pair[] {
  const byValues = opts.byValues ?? true;
  const of = new Map<number, number>();
  const taken = new Set<number>();
  pairInOrder(last, cur, of, taken, byValues);
  const candidates: Array<{ i: number; j: number; s: number; d: number }> = [];
  const lastKinds = byKind(last);
  const curKinds = byKind(cur);
  for (const [kind, ls] of lastKinds) {
    const cs = (curKinds.get(kind) ?? []).filter((j) => !taken.has(j));
    ls.forEach((i, ri) => {
      if (of.has(i)) return;
      for (const j of cs) {
        if (!compatible(last[i], cur[j], byValues)) continue;
        // Ties (tables of years neither shares) go by their order among the tables of their kind.
        candidates.push({ i, j, s: score(last[i], cur[j], byValues), d: Math.abs(ri - (curKinds.get(kind) ?? []).indexOf(j)) });
      }
    });
  }
  candidates.sort((x, y) => y.s - x.s || x.d - y.d || x.i - y.i || x.j - y.j);
  for (const c of candidates) {
    if (of.has(c.i) || taken.has(c.j)) continue;
    of.set(c.i, c.j);
    taken.add(c.j);
  }
  return last.map((t, i) => {
    const j = of.get(i);
    return j === undefined ? { last: t } : { last: t, cur: cur[j] };
  });
}
