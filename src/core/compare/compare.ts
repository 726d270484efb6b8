// `compare`: this year's report against last year's. Figures both give for one year must agree; stocks carry over.
import type { Analysis } from '../check';
import { address } from '../grid/grid';
import type { IssueData } from '../report/issue';
import { hasValue } from '../grid/numbers';
import { what } from '../rules/rule';
import type { TableCell, TableModel } from '../tables/table';
import { carryOvers } from './carry-over';
import { captionOf, figureKey, sameValue, tableFigures, type Figure, type TableFigures } from './figures';
import { pairTables, type Pair } from './pair';
import { lastRef, otherCell, thisRef, type Sides } from './refs';

export interface CompareOptions {
  /** How last year's workbook is named in the issues (its file, as the user gave it). */
  lastFile: string;
}

export interface ComparedTable {
  /** Last year's table: instance id, sheet and range in its own workbook. */
  last: { id: string; sheet: string; range: string };
  /** This year's counterpart's instance id. */
  current?: string;
}

export interface CompareResult {
  issues: IssueData[];
  tables: ComparedTable[];
  /** Figures of a year both reports give, compared; stocks carried over, compared. */
  compared: { figures: number; carryOvers: number };
}

/**
 * The years the two reports are for: each the latest year its tables name. Last year's tables
 * that name no year are for the year before this one's, whatever a plan for next year says.
 */
function bookYears(last: Analysis, cur: Analysis): { lastYear: number; curYear: number } {
  // This year's report that names no year is the year after last year's.
  const curYear = cur.reportingYear ?? (last.reportingYear !== undefined ? last.reportingYear + 1 : 1);
  const l = last.reportingYear;
  return { curYear, lastYear: l === undefined || l >= curYear ? curYear - 1 : l };
}

/** Compares two analysed workbooks; never throws on their data. */
export function compareReports(last: Analysis, cur: Analysis, opts: CompareOptions): CompareResult {
  const { lastYear, curYear } = bookYears(last, cur);
  const s: Sides = {
    last: last.tables.map((t) => tableFigures(t, lastYear)),
    cur: cur.tables.map((t) => tableFigures(t, curYear)),
    lastYear,
    curYear,
    file: opts.lastFile,
  };
  const pairs = pairTables(s.last, s.cur);
  const issues: IssueData[] = [];
  // Stocks first: last year's end of year read as this year's start is no figure missing this year.
  const carried = carryOvers(s, pairs);
  const index = indexOf(s.cur);
  let figures = 0;
  for (const p of pairs) {
    if (p.cur) figures += compareFigures(s, p.last, p.cur, index, issues, carried.read);
    else if (!copyOfAnother(index, p)) issues.push(noCounterpart(s, p.last.table));
  }
  issues.push(...carried.issues);
  const tables = pairs.map((p) => ({
    last: { id: p.last.table.id, sheet: p.last.table.sheet.name, range: rangeOf(p.last.table) },
    ...(p.cur ? { current: p.cur.table.id } : {}),
  }));
  return { issues, tables, compared: { figures, carryOvers: carried.checked } };
}

function rangeOf(t: TableModel): string {
  const a = t.area;
  const tl = address(t.sheet, a.top, a.left);
  const br = address(t.sheet, a.bottom, a.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** An unpaired table of last year whose figures this year's tables of its kind give (a copy printed twice). */
function copyOfAnother(index: Index, p: Pair): boolean {
  const m = index.get(p.last.table.def.kind);
  if (!m) return false;
  for (const k of p.last.byKey.keys()) if (m.has(k)) return true;
  return false;
}

/** Each figure of last year's table against this year's counterpart, for every year the counterpart covers. */
function compareFigures(s: Sides, L: TableFigures, T: TableFigures, index: Index, issues: IssueData[], carried: Set<TableCell>): number {
  let compared = 0;
  for (const f of L.list) {
    if (!hasValue(f.cell.num)) continue;
    const g = T.years.has(f.year) ? T.byKey.get(figureKey(f.id, f.year)) : elsewhere(index, T, f);
    if (!g) {
      // Only a figure of a year this year's table covers is missing; a zero dropped loses nothing.
      if (T.years.has(f.year) && f.cell.num.value !== 0 && !carried.has(f.cell)) issues.push(missing(s, f, T.table));
      continue;
    }
    const n = g.cell.num;
    if (n.kind === 'empty') {
      if (f.cell.num.value !== 0) issues.push(missing(s, f, T.table, g));
      continue;
    }
    // A cell that is no one number is reported by the check; nothing to compare.
    if (!hasValue(n)) continue;
    compared++;
    if (!sameValue(n, f.cell.num)) issues.push(mismatch(s, f, g));
  }
  return compared;
}

/** This year's figures by kind and `id|year`; null where two tables give one (a library after another). */
type Index = Map<string, Map<string, Figure | null>>;

function indexOf(cur: TableFigures[]): Index {
  const out: Index = new Map();
  for (const c of cur) {
    let m = out.get(c.table.def.kind);
    if (!m) out.set(c.table.def.kind, (m = new Map()));
    for (const [k, f] of c.byKey) m.set(k, m.has(k) ? null : f);
  }
  return out;
}

/** The figure in another of this year's tables of its kind, when exactly one gives it. */
function elsewhere(index: Index, T: TableFigures, f: Figure): Figure | undefined {
  const g = index.get(T.table.def.kind)?.get(figureKey(f.id, f.year));
  return g && g.table !== T.table ? g : undefined;
}

function mismatch(s: Sides, f: Figure, g: Figure): IssueData {
  const other = lastRef(s, f.table, f.cell.row, f.cell.col);
  const expected = f.cell.num.value as number;
  const actual = g.cell.num.value as number;
  return {
    rule: 'previous-report-mismatch',
    severity: 'error',
    table: g.table.id,
    cells: [thisRef(g.table, g.cell.row, g.cell.col), other],
    expected,
    actual,
    messageId: 'previous-report-mismatch',
    params: { what: what(g.table, g.cell), actual, expected, otherCell: otherCell(other) },
  };
}

function missing(s: Sides, f: Figure, T: TableModel, empty?: Figure): IssueData {
  const other = lastRef(s, f.table, f.cell.row, f.cell.col);
  const expected = f.cell.num.value as number;
  const here = empty ? [thisRef(T, empty.cell.row, empty.cell.col)] : [];
  return {
    rule: 'previous-report-mismatch',
    severity: 'info',
    table: T.id,
    cells: [...here, other],
    expected,
    messageId: empty ? 'previous-report-mismatch/empty' : 'previous-report-mismatch/missing',
    params: { what: what(f.table, f.cell), expected, otherCell: otherCell(other), table: T.id },
  };
}

function noCounterpart(s: Sides, t: TableModel): IssueData {
  const other = lastRef(s, t, t.area.top, t.area.left);
  return {
    rule: 'previous-report-mismatch',
    severity: 'info',
    cells: [other],
    messageId: 'previous-report-mismatch/no-table',
    params: { titleRu: captionOf(t) ?? t.def.title.ru, titleEn: captionOf(t) ?? t.def.title.en, otherCell: `${s.file}: ${t.sheet.name}!${rangeOf(t)}` },
  };
}
