// Stocks carried over: this year's start of year is last year's end of year (fund, any balance, staff).
import type { Link } from '../tables/definition';
import type { IssueData } from '../report/issue';
import { hasValue } from '../grid/numbers';
import { what } from '../rules/rule';
import { selectYear } from '../tables/select';
import type { TableCell, TableModel } from '../tables/table';
import { lastRef, otherCell, thisRef, type Sides } from './refs';
import { END, figureKey, sameValue, START, stem, type Figure, type TableFigures } from './figures';
import type { Pair } from './pair';

/** Tables by kind, per list (one list of a book's tables asked once per link and year). */
const kinds = new WeakMap<TableFigures[], Map<string, TableFigures[]>>();

function ofKind(list: TableFigures[], kind: string): TableFigures[] {
  let m = kinds.get(list);
  if (!m) {
    m = new Map();
    for (const t of list) {
      const at = m.get(t.table.def.kind);
      if (at) at.push(t);
      else m.set(t.table.def.kind, [t]);
    }
    kinds.set(list, m);
  }
  return m.get(kind) ?? [];
}

/** Cells of a table that a link's `there` selects for a year, when each holds a number. */
function thereCells(t: TableModel, link: Link, year: number, bookYear: number): TableCell[] | undefined {
  const out: TableCell[] = [];
  for (const sel of link.there) {
    const cells = selectYear(t, sel, year, bookYear);
    if (!cells || !cells.length || !cells.every((c) => hasValue(c.num))) return undefined;
    out.push(...cells);
  }
  return out;
}

const sumOf = (cells: TableCell[]): number => cells.reduce((a, c) => a + (c.num.value ?? 0), 0);

/**
 * The previous year's end in last year's workbook: its table paired with this one if that gives it,
 * else the one table of that kind that does (several that disagree, as one library after another: none).
 */
function fromLast(s: Sides, paired: TableModel | undefined, link: Link, year: number): { t: TableModel; cells: TableCell[] } | undefined {
  const found: Array<{ t: TableModel; cells: TableCell[] }> = [];
  for (const L of ofKind(s.last, link.other)) {
    const cells = thereCells(L.table, link, year, s.lastYear);
    if (!cells) continue;
    if (L.table === paired) return { t: L.table, cells };
    found.push({ t: L.table, cells });
  }
  if (!found.length) return undefined;
  const v = sumOf(found[0].cells);
  return found.every((f) => sumOf(f.cells) === v) ? found[0] : undefined;
}

/** This year's workbook gives that previous year's end itself: the check compares it there, and `compare` compares that figure. */
function givenThisYear(s: Sides, link: Link, year: number): boolean {
  return ofKind(s.cur, link.other).some((c) => thereCells(c.table, link, year, s.curYear) !== undefined);
}

function issue(s: Sides, t: TableModel, here: TableCell, from: { t: TableModel; cells: TableCell[] }, expected: number): IssueData {
  const others = from.cells.map((c) => lastRef(s, from.t, c.row, c.col));
  const actual = here.num.value as number;
  return {
    rule: 'carry-over-mismatch',
    severity: 'error',
    table: t.id,
    cells: [thisRef(t, here.row, here.col), ...others],
    expected,
    actual,
    messageId: 'carry-over-mismatch',
    params: { what: what(t, here), actual, expected, otherWhat: what(from.t, from.cells[0]), terms: from.cells.map((c) => c.num.value as number), otherCell: otherCell(others[0]) },
  };
}

/** Links of a kind to the year before (`start` = the previous year's `end`), its own kind first. */
function backLinks(t: TableModel): Link[] {
  return t.def.links.filter((l) => l.yearOffset < 0).sort((a, b) => Number(b.other === t.def.kind) - Number(a.other === t.def.kind));
}

function byLinks(s: Sides, pairs: Pair[], out: IssueData[], seen: Set<TableCell>): number {
  let checked = 0;
  const pairedWith = new Map(pairs.filter((p) => p.cur).map((p) => [p.cur!.table, p.last.table]));
  for (const T of s.cur) {
    const t = T.table;
    const paired = pairedWith.get(t);
    for (const link of backLinks(t))
      for (const year of T.years) {
        const here = selectYear(t, link.here, year, s.curYear);
        if (!here || here.length !== 1 || !hasValue(here[0].num) || seen.has(here[0])) continue;
        const before = year + link.yearOffset;
        if (givenThisYear(s, link, before)) continue;
        const from = fromLast(s, paired, link, before);
        if (!from) continue;
        const expected = sumOf(from.cells);
        // One comparison per cell, last year's own kind first: a second source that differs is last year's own disagreement.
        checked++;
        seen.add(here[0]);
        if (expected === here[0].num.value) continue;
        out.push(issue(s, t, here[0], from, expected));
      }
  }
  return checked;
}

/** Stocks named in a table's own words, in tables of no declared balance: start this year = end last year. */
function byLabels(s: Sides, pairs: Pair[], out: IssueData[], seen: Set<TableCell>, read: Set<TableCell>): number {
  let checked = 0;
  for (const p of pairs) {
    if (!p.cur) continue;
    const ends = endsOf(p.last);
    const endsHere = endsOf(p.cur);
    for (const g of p.cur.list) {
      const st = stem(g.id, START);
      if (st === undefined || !hasValue(g.cell.num) || seen.has(g.cell)) continue;
      const k = figureKey(st, g.year - 1);
      const f = ends.get(k);
      if (!f || endsHere.has(k) || !hasValue(f.cell.num)) continue;
      checked++;
      seen.add(g.cell);
      read.add(f.cell);
      if (sameValue(f.cell.num, g.cell.num)) continue;
      out.push(issue(s, g.table, g.cell, { t: f.table, cells: [f.cell] }, f.cell.num.value));
    }
  }
  return checked;
}

function endsOf(t: TableFigures): Map<string, Figure> {
  const m = new Map<string, Figure>();
  for (const f of t.list) {
    const st = stem(f.id, END);
    if (st !== undefined) m.set(figureKey(st, f.year), f);
  }
  return m;
}

/** Every stock of this year's start that differs from last year's end; `read`: last year's ends read from rows in words. */
export function carryOvers(s: Sides, pairs: Pair[]): { issues: IssueData[]; checked: number; read: Set<TableCell> } {
  const issues: IssueData[] = [];
  const seen = new Set<TableCell>();
  const read = new Set<TableCell>();
  const checked = byLinks(s, pairs, issues, seen) + byLabels(s, pairs, issues, seen, read);
  return { issues, checked, read };
}
