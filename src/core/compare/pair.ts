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
function compatible(a: TableFigures, b: TableFigures): boolean {
  if (a.table.def.kind !== b.table.def.kind) return false;
  if (!a.byWords && !b.byWords) return true;
  const ta = titleOf(a);
  if (ta !== undefined && ta === titleOf(b)) return true;
  const small = Math.min(a.ids.size, b.ids.size);
  return small > 0 && overlap(a.ids, b.ids) * 2 >= small;
}

/** How well two tables agree: figures of a year both give and agree on, then figures both give, then labels. */
function score(a: TableFigures, b: TableFigures): number {
  let shared = 0;
  let equal = 0;
  for (const [k, f] of a.byKey) {
    const g = b.byKey.get(k);
    if (!g) continue;
    shared++;
    if (sameValue(f.cell.num, g.cell.num)) equal++;
  }
  const sameSheet = a.table.sheet.name === b.table.sheet.name ? 0.5 : 0;
  return equal * 4 + shared + overlap(a.ids, b.ids) * 0.01 + sameSheet;
}

/** Each table's place among the tables of its kind. */
function ranks(list: TableFigures[]): number[] {
  const seen = new Map<string, number>();
  return list.map((t) => {
    const n = seen.get(t.table.def.kind) ?? 0;
    seen.set(t.table.def.kind, n + 1);
    return n;
  });
}

/** Each of last year's tables with at most one of this year's, best agreeing pairs first. */
export function pairTables(last: TableFigures[], cur: TableFigures[]): Pair[] {
  const candidates: Array<{ i: number; j: number; s: number; d: number }> = [];
  const lastRank = ranks(last);
  const curRank = ranks(cur);
  for (let i = 0; i < last.length; i++)
    for (let j = 0; j < cur.length; j++) {
      if (!compatible(last[i], cur[j])) continue;
      // Ties (tables of years neither shares) go by their order among the tables of their kind.
      candidates.push({ i, j, s: score(last[i], cur[j]), d: Math.abs(lastRank[i] - curRank[j]) });
    }
  candidates.sort((x, y) => y.s - x.s || x.d - y.d || x.i - y.i || x.j - y.j);
  const of = new Map<number, number>();
  const taken = new Set<number>();
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
