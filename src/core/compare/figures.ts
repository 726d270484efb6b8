// The figures of a workbook's tables, named by their labels and year (never by position), for comparing two reports.
import { labelKey, normalizeLabel } from '../grid/labels';
import { hasValue, matchesAtDecimals, naturalDecimals, type Num } from '../grid/numbers';
import { instances } from '../relations/relations';
import type { TableCell, TableModel } from '../tables/table';

/** One figure of a table: a value cell (no `+/-`, no `%`), named by its labels and its year. */
export interface Figure {
  table: TableModel;
  cell: TableCell;
  /** The figure's labels, dimension by dimension (year aside): see `token`. */
  id: string;
  /** The year the figure is for: its column's or row's, else the table's, else the report's. */
  year: number;
}

/** The caption a table of no known kind carries, where the recognizer gives one. */
export function captionOf(t: TableModel): string | undefined {
  const title = (t as { title?: unknown }).title;
  return typeof title === 'string' && title.trim() ? title.trim() : undefined;
}

// A row or column named as a stock at the start or at the end of the year (`Численность работников на конец года`).
export const START = /(?:^|[ ~])(?:на начало (?:отчетного )?года|на 1 января|на 01 01(?: \d{4})?)(?= |$|;| >)/;
export const END = /(?:^|[ ~])(?:на конец (?:отчетного )?года|на 31 декабря|на 31 12(?: \d{4})?)(?= |$|;| >)/;

/** The figure's labels with the start (or end) of year left out; undefined when none says it. */
export function stem(id: string, at: RegExp): string | undefined {
  return at.test(id) ? id.replace(at, ' §') : undefined;
}

/** Labels as a table's subject: a stock at the start of the year and the same at the end are one row of it. */
export function subjectOf(id: string): string {
  return stem(id, START) ?? stem(id, END) ?? id;
}

/** A table's figures, by `id|year`; ids given twice in one table (two rows of one label) are left out. */
export interface TableFigures {
  table: TableModel;
  list: Figure[];
  byKey: Map<string, Figure>;
  years: Set<number>;
  /** Label ids without the year (a stock's start and end as one): what the table is about, whatever years it covers. */
  ids: Set<string>;
  /** No member of the definition names its figures: only its own words do (a list, a table of no known kind). */
  byWords: boolean;
  /** A list's (rows of entities: libraries) labels of its other dimensions: its columns, whichever libraries it lists. */
  across: Set<string>;
}

export function figureKey(id: string, year: number): string {
  return `${id}|${year}`;
}

// `1.`, `1.1.`, `а)` and bullets before a label; `в том числе:` / `из них:` words before a part.
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]|[а-я]\))\s+/;
const BULLETS = /^[·•\-–—*]+\s*/;
const MARKS = /^(?:в том числе|в т ч|втч|из них|из общего числа)\s*:?\s*/;

/** A label as compared between reports: folded, without numbering, bullets or `в том числе`. */
export function labelToken(raw: string): string {
  let s = normalizeLabel(raw);
  for (let k = 0; k < 3; k++) s = s.replace(NUMBERING, '').replace(MARKS, '').replace(BULLETS, '');
  return labelKey(s);
}

/** A member the definition declares keeps its id across workbooks; a row read from a list (`r12`) is named by its words. */
function token(t: TableModel, dimId: string, member: string, declared: Set<string>, seen = 0): string {
  if (declared.has(member) || !/\d/.test(member)) return member;
  const plain = labelToken(t.words.get(`${dimId}:${member}`) ?? member);
  const own = `~${plain}`;
  // Parents the labels' sums state name a part only where its label alone is twice in the table:
  // the numbers decide whether a sum is read, and one report's reading would not be the other's.
  const parent = t.nesting.get(`${dimId}:${member}`)?.parent ?? (ambiguous(t, dimId).has(plain) ? statedParents(t).get(`${dimId}:${member}`) : undefined);
  if (parent === undefined || seen > 8) return own;
  return `${token(t, dimId, parent, declared, seen + 1)} > ${own}`;
}

const twiceMade = new WeakMap<TableModel, Map<string, Set<string>>>();

/** Labels a dimension of a table gives more than once (`из них книги` under the start and under the end of the year). */
function ambiguous(t: TableModel, dimId: string): Set<string> {
  let perDim = twiceMade.get(t);
  if (!perDim) twiceMade.set(t, (perDim = new Map()));
  let out = perDim.get(dimId);
  if (!out) {
    out = new Set();
    const seen = new Set<string>();
    for (const m of t.found.get(dimId) ?? membersOf(t, dimId)) {
      const k = labelToken(t.words.get(`${dimId}:${m}`) ?? m);
      if (seen.has(k)) out.add(k);
      seen.add(k);
    }
    perDim.set(dimId, out);
  }
  return out;
}

/** A dimension's members as its cells give them (a table of no known kind lists none in `found`). */
function membersOf(t: TableModel, dimId: string): string[] {
  const out = new Set<string>();
  for (const c of t.cells) if (c.key[dimId] !== undefined) out.add(c.key[dimId]);
  return [...out];
}

/** Parents read from the sums a table's labels state, for a table whose recognizer keeps no nesting (a table of no known kind). */
const parentsMade = new WeakMap<TableModel, Map<string, string>>();

/**
 * `из них книги` under `Фонд на начало года` and under `Фонд на конец года` are two figures: a part
 * is named with the total its table's labels make it a part of (the innermost, if several).
 */
function statedParents(t: TableModel): Map<string, string> {
  let out = parentsMade.get(t);
  if (out) return out;
  out = new Map();
  if (!t.nesting.size) {
    const size = new Map<string, number>();
    for (const inst of instances(t)) {
      if (inst.type !== 'sum' || inst.inferred) continue;
      const total = inst.target.key[inst.dim];
      for (const term of inst.terms) {
        const part = term.cell.key[inst.dim];
        const k = `${inst.dim}:${part}`;
        if (part === undefined || total === undefined || part === total || (size.get(k) ?? Infinity) <= inst.terms.length) continue;
        out.set(k, total);
        size.set(k, inst.terms.length);
      }
    }
  }
  parentsMade.set(t, out);
  return out;
}

function declaredMembers(t: TableModel): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const d of t.def.dims) out.set(d.id, new Set(d.type === 'members' ? d.members.map((m) => m.id) : []));
  return out;
}

// A year written in a label (`Выдано, 2022 г.`), where a table of no known kind keeps it with the words.
const LABEL_YEAR = /(?:^|(?<=[~ ]))((?:19|20)\d\d)(?: (?:г|гг|год|года|году))?(?= |$)/;

/** A member's token with the year its label states taken out; made once per member of a table. */
type Memo = Map<string, { tok: string; year?: number; declared: boolean }>;

function memberToken(t: TableModel, dimId: string, m: string, declared: Map<string, Set<string>>, memo: Memo): { tok: string; year?: number; declared: boolean } {
  const at = `${dimId}:${m}`;
  let out = memo.get(at);
  if (!out) {
    const own = declared.get(dimId) ?? new Set<string>();
    const tok = token(t, dimId, m, own);
    const y = LABEL_YEAR.exec(tok);
    out = y
      ? { tok: tok.replace(LABEL_YEAR, '').replace(/\s+/g, ' ').replace(/~ /, '~').trim(), year: Number(y[1]), declared: own.has(m) }
      : { tok, declared: own.has(m) };
    memo.set(at, out);
  }
  return out;
}

/** A cell's labels as an id, with the year a label states, and whether a definition's member named it. */
interface CellId {
  id: string;
  /** The id as the table's subject (a stock's start and end as one). */
  subject: string;
  year?: number;
  declared: boolean;
}

/** Ids made, per table words (one per layout) and key object. */
const madeIds = new WeakMap<Map<string, string>, WeakMap<object, CellId>>();

function cellId(t: TableModel, cell: TableCell, declared: Map<string, Set<string>>, memo: Memo): CellId {
  let id = '';
  let year: number | undefined;
  let twoYears = false;
  let named = false;
  for (const d of t.def.dims) {
    if (d.type === 'year') continue;
    const m = cell.key[d.id];
    if (m === undefined || m === '') continue;
    const tk = memberToken(t, d.id, m, declared, memo);
    if (tk.declared) named = true;
    // A cell keyed by its year keeps the year in a label as words (`на 01.01.2023` of a known kind).
    let tok = tk.tok;
    if (tk.year !== undefined && cell.key.year) tok = token(t, d.id, m, declared.get(d.id) ?? new Set());
    else if (tk.year !== undefined) {
      if (year !== undefined && year !== tk.year) twoYears = true;
      year = tk.year;
    }
    id += `${id ? ';' : ''}${d.id}=${tok}`;
  }
  return { id, subject: subjectOf(id), year: twoYears ? undefined : year, declared: named };
}

/** Every value figure of a table; `bookYear` stands for the year of a table that names none. */
export function tableFigures(t: TableModel, bookYear: number): TableFigures {
  const declared = declaredMembers(t);
  const byKey = new Map<string, Figure>();
  const twice = new Set<string>();
  const list: Figure[] = [];
  const years = new Set<number>();
  const ids = new Set<string>();
  let byWords = true;
  const listDim = t.def.dims.find((d) => d.type === 'entities')?.id;
  const across = new Set<string>();
  const memo: Memo = new Map();
  // Tables of one layout share their words and key objects: a key's id is made once for all of them.
  let byKeyObject = madeIds.get(t.words);
  if (!byKeyObject) madeIds.set(t.words, (byKeyObject = new WeakMap()));
  const cells: Array<{ cell: TableCell; c: CellId }> = [];
  for (const cell of t.cells) {
    if (cell.key.measure !== undefined && cell.key.measure !== 'value') continue;
    let c = byKeyObject.get(cell.key);
    if (!c) byKeyObject.set(cell.key, (c = cellId(t, cell, declared, memo)));
    cells.push({ cell, c });
  }
  // Beside columns of years, one that names none is a change or a share (`Динамика, +/-`): no figure of a year.
  const dated = cells.some(({ cell, c }) => cell.key.year || c.year !== undefined);
  for (const { cell, c } of cells) {
    if (c.declared) byWords = false;
    if (dated && !cell.key.year && c.year === undefined) continue;
    const y = cell.key.year ? Number(cell.key.year) : c.year ?? t.year ?? bookYear;
    const k = figureKey(c.id, y);
    if (byKey.has(k)) twice.add(k);
    const f: Figure = { table: t, cell, id: c.id, year: y };
    byKey.set(k, f);
    list.push(f);
    years.add(y);
    ids.add(c.subject);
    if (listDim) across.add(c.id.split(';').filter((p) => !p.startsWith(`${listDim}=`)).join(';'));
  }
  for (const k of twice) byKey.delete(k);
  return { table: t, list: twice.size ? list.filter((f) => !twice.has(figureKey(f.id, f.year))) : list, byKey, years, ids, byWords, across };
}

/** A value in the units it is shown in (a cell formatted as percent shows its fraction × 100). */
function shown(n: Num & { value: number }): { v: number; d: number } {
  const v = n.percentFormat ? n.value * 100 : n.value;
  return { v, d: n.decimals ?? naturalDecimals(v) };
}

/**
 * Whether two readings of one figure agree: counts exactly; a figure shown with decimals at the
 * fewer decimals of the two, rounded or truncated (one report may show 10,55 where the other shows 10,5).
 */
export function sameValue(a: Num, b: Num): boolean {
  if (!hasValue(a) || !hasValue(b)) return false;
  const x = shown(a);
  const y = shown(b);
  if (Number.isInteger(x.v) && Number.isInteger(y.v)) return x.v === y.v;
  const [fewer, more] = x.d <= y.d ? [x, y] : [y, x];
  return matchesAtDecimals(fewer.v, more.v, fewer.d);
}
