// Recognition: which definition, if any, a block of cells is, and the key of every data cell.
import type { Definition, Dim } from './definition';
import type { Area, Workbook } from './grid';
import { labelKey } from './labels';
import { BULLET, findBlocks, LINE, layoutBlock, percentLabelColumn, rowHoldsNumber, rowIndentOf, textsAbove, type BlockLayout } from './layout';
import { SheetView } from './sheet-view';
import { cornerYear, yearAbove } from './table-year';
import { tableAreas, templateChain } from './table-areas';
import { templateLayout, withPercentColumnsAsData } from './template-layout';
import { bestMember, isPercentLabel, matchesAnyLabel, memberMatches, pathHas, pointsInPath, type MemberHit } from './match';
import { recognizeBlock, type Placed } from './block-cache';
import type { Engine } from './engine';
import { cellYear, isDashText, parseNumberText, parseYearText, yearInText } from './numbers';
import { LONGEST, longest, shownText } from './words';
import { GENERIC_TABLE, placeGeneric, type GenericPlaced } from './generic/model';
import { presetInstances } from './relations';
import { cleanWords, KeyIndex, type Key, type TableCell, type TableModel } from './table';

type Source = 'col' | 'row';

/** One workbook's recognition: its kinds, the engine it reports to, and whether every kind is tried on a block. */
interface Run {
  defs: readonly Definition[];
  engine: Engine;
  /** Try every kind on a block, not only those its words name (see recognizeTryingEveryKind). */
  everyKind: boolean;
}

const lineOf = (section: number, col: number): number => section * LINE + col;

interface Paths {
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
}

const DELTA_KEYS = new Set(['±', 'отклонение', 'изменение', 'разница', 'динамика', '± к предыдущему году', 'отклонение ±']);

/** A `+/-` / `отклонение` header. */
export function isDeltaLabel(key: string): boolean {
  return DELTA_KEYS.has(key);
}

function buildPaths(view: SheetView, L: BlockLayout): Paths {
  const { area, dataTop } = L;
  const p: Paths = {
    colRaw: new Map(),
    colKeys: new Map(),
    rowRaw: new Map(),
    rowKeys: new Map(),
    rowYear: new Map(),
    colYear: new Map(),
    corner: [],
    context: [],
    percentRows: new Set(),
    percentCols: new Set(),
    deltaRows: new Set(),
    deltaCols: new Set(),
    colLines: [],
    rowIndent: new Map(),
    labelCells: new Set(),
  };
  L.sections.forEach((_, si) => {
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
  });
  const width = view.width;
  for (const r of L.dataRows) {
    const cols = rowLabelCols(view, L, r);
    const raw = cols.map((c) => view.text(r, c)!);
    if (raw.length) p.rowIndent.set(r, rowIndentOf(view, L, r));
    for (const c of L.yearCols) {
      const y = cellYear(view.cell(r, c));
      if (y !== undefined) p.rowYear.set(r, y);
    }
    // A `%` row may carry its label in the first data column.
    if (cols.length === 1 && !L.labelCols.includes(cols[0])) p.labelCells.add(r * width + cols[0]);
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
  p.yearAbove = yearAbove(view, area);
  // The corner first: the context is read from it (`Посещения` over the row labels of a 4.4).
  for (let r = area.top; r < dataTop; r++)
    for (const c of [...L.labelCols, ...L.yearCols]) {
      const t = view.text(r, c);
      if (t !== undefined && !p.corner.includes(t)) p.corner.push(t);
      p.cornerYear ??= cornerYear(view.shown(r, c));
    }
  p.context = [...p.corner, ...textsAbove(view, area)].map(labelKey);
  for (const keys of p.colKeys.values()) for (const k of keys) p.context.push(k);
  for (const keys of p.rowKeys.values()) for (const k of keys) p.context.push(k);
  return p;
}

/** How one dimension resolves along one source: line index → member id, plus the words used. */
interface Resolution {
  source: Source;
  ids: Map<number, string>;
  words: Map<string, string>;
  /**
   * member → where its word was read: its line, then the indices of the line's labels (`colRaw` /
   * `rowRaw`) it joins, or LONGEST for the longest of them (see `wordSources`).
   */
  from: Map<string, number[]>;
  points: Map<string, number>;
  distinct: number;
  /** member → its parent row and whether the parent's breakdown is exhaustive. */
  nesting?: Map<string, { parent: string; exhaustive: boolean }>;
}

function resolveMembers(dim: Extract<Dim, { type: 'members' }>, lines: number[], keys: Map<number, string[]>, raw: Map<number, string[]>, source: Source): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  const from = new Map<string, number[]>();
  for (const i of lines) {
    const path = keys.get(i) ?? [];
    const hit: MemberHit | undefined = path.length ? bestMember(path, dim.members) : undefined;
    if (!hit) continue;
    ids.set(i, hit.id);
    if (words.has(hit.id)) continue;
    const word = (raw.get(i) ?? [])[hit.depth];
    words.set(hit.id, word ?? hit.id);
    if (word !== undefined) from.set(hit.id, [i, hit.depth]);
  }
  return { source, ids, words, from, points: new Map(), distinct: new Set(ids.values()).size };
}

/** Whether each required member of `dim` matches some line (membersOk can hold only then). */
function requiredFound(dim: Extract<Dim, { type: 'members' }>, lines: number[], keys: Map<number, string[]>): boolean {
  for (const id of dim.required) {
    const m = dim.members.find((x) => x.id === id);
    if (!m) return false;
    let found = false;
    for (let i = 0; i < lines.length && !found; i++) {
      const path = keys.get(lines[i]);
      found = !!path && path.length > 0 && memberMatches(path, m);
    }
    if (!found) return false;
  }
  return true;
}

function membersOk(dim: Extract<Dim, { type: 'members' }>, res: Resolution): boolean {
  // Only declared members count: the extra rows of an open list prove nothing about the kind.
  const found = new Set([...res.ids.values()].filter((id) => dim.members.some((m) => m.id === id)));
  return found.size >= dim.minFound && dim.required.every((m) => found.has(m));
}

function resolveEntities(dim: Extract<Dim, { type: 'entities' }>, lines: number[], p: Paths): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  const from = new Map<string, number[]>();
  for (const r of lines) {
    const keys = p.rowKeys.get(r) ?? [];
    const raw = p.rowRaw.get(r) ?? [];
    if (!keys.length) continue;
    if (pathHas(keys, dim.totalLabels, 'prefix')) {
      ids.set(r, 'total');
      words.set('total', raw[0]);
      from.set('total', [r, 0]);
      continue;
    }
    const id = `r${r}`;
    ids.set(r, id);
    words.set(id, longest(raw));
    from.set(id, [r, LONGEST]);
  }
  const res: Resolution = { source: 'row', ids, words, from, points: new Map(), distinct: ids.size };
  if (dim.nested) res.nesting = nestRows(lines, ids, p);
  return res;
}

const EXHAUSTIVE_MARK = /^(в том числе|в т ч|втч)( |$)/;
const PARTIAL_MARK = /^(из них|из общего числа)( |$)/;

/** Parent rows of indented, bulleted or `в том числе` / `из них` rows. */
function nestRows(lines: number[], ids: Map<number, string>, p: Paths): Map<string, { parent: string; exhaustive: boolean }> {
  const out = new Map<string, { parent: string; exhaustive: boolean }>();
  const stack: Array<{ id: string; level: number }> = [];
  const kind = new Map<string, boolean>();
  let prev: { id: string; level: number; child: boolean } | undefined;
  for (const r of lines) {
    const id = ids.get(r);
    if (!id || id === 'total') continue;
    const key = (p.rowKeys.get(r) ?? [])[0] ?? '';
    const raw = ((p.rowRaw.get(r) ?? [])[0] ?? '').trim();
    let level = p.rowIndent.get(r) ?? 0;
    const marker = EXHAUSTIVE_MARK.test(key) ? 'all' : PARTIAL_MARK.test(key) ? 'some' : undefined;
    if (marker && prev && level <= prev.level && !prev.child) level = prev.level + 1;
    else if ((marker || BULLET.test(raw)) && prev && prev.child && level <= prev.level) level = prev.level;
    else if (BULLET.test(raw) && prev && level <= prev.level) level = prev.level + 1;
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      if (!kind.has(parent.id)) kind.set(parent.id, marker === 'all');
      out.set(id, { parent: parent.id, exhaustive: false });
    }
    stack.push({ id, level });
    prev = { id, level, child: !!parent };
  }
  for (const n of out.values()) n.exhaustive = kind.get(n.parent) ?? false;
  return out;
}

function resolveScored(dim: Extract<Dim, { type: 'scored' }>, lines: number[], p: Paths): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  const from = new Map<string, number[]>();
  const points = new Map<string, number>();
  for (const c of lines) {
    const raw = p.colRaw.get(c) ?? [];
    const keys = p.colKeys.get(c) ?? [];
    if (keys.length && pathHas(keys.slice(-1), dim.sumLabels, 'prefix')) {
      ids.set(c, 'sum');
      words.set('sum', raw[raw.length - 1]);
      from.set('sum', [c, raw.length - 1]);
      continue;
    }
    const pts = pointsInPath(raw);
    if (pts === undefined) continue;
    const id = `c${c}`;
    ids.set(c, id);
    points.set(id, pts);
    // The column's last two headers, a share's `доля …` left out.
    const at: number[] = [];
    raw.forEach((t, k) => !/^доля/i.test(t) && at.push(k));
    const two = at.slice(-2);
    words.set(id, two.map((k) => raw[k]).join(' ').replace(/\s+/g, ' '));
    from.set(id, [c, ...two]);
  }
  return { source: 'col', ids, words, from, points, distinct: ids.size };
}

interface Built {
  cells: TableCell[];
  words: Map<string, string>;
  sources: Map<string, number[]>;
  points: Map<string, number>;
  found: Map<string, string[]>;
  nesting: Map<string, { parent: string; exhaustive: boolean }>;
}

/** A kind a block may be, with its score; its cells are built only if it wins. */
interface Candidate {
  def: Definition;
  year?: number;
  score: number;
  build(): Built;
}

/** Whether a word of a text key starts with one of `words` (label keys). */
function speaks(k: string, words: readonly string[]): boolean {
  return k.split(' ').some((t) => words.some((w) => t.startsWith(w)));
}

/** A kind with `context` words is only that kind when the table (row labels and corner included) or its title speaks of them. */
function inContext(p: Paths, def: Definition): boolean {
  if (!def.context.length) return true;
  const words = def.context.map((w) => labelKey(w));
  return p.context.some((k) => speaks(k, words));
}

/** Whether a text speaks of a kind's context word: it then decides a kind, so it is no plain name (plainName). */
function speaksOfContext(key: string, defs: readonly Definition[]): boolean {
  for (const d of defs) if (d.context.length && speaks(key, d.context.map((w) => labelKey(w)))) return true;
  return false;
}

function tryDefinition(run: Run, view: SheetView, L: BlockLayout, p: Paths, def: Definition): Candidate | undefined {
  if (!inContext(p, def)) return undefined;
  const structural = def.dims.filter((d) => d.type !== 'year');
  const yearDim = def.dims.find((d) => d.type === 'year');
  if (structural.length > 2 || structural.length === 0) return undefined;
  // Try each assignment of structural dimensions to sources.
  const assignments: Source[][] = structural.length === 1 ? [['col'], ['row']] : [['col', 'row'], ['row', 'col']];
  let best: Candidate | undefined;
  for (const asg of assignments) {
    const resolutions: Resolution[] = [];
    let ok = true;
    structural.forEach((dim, i) => {
      if (!ok) return;
      const src = asg[i];
      const lines = src === 'col' ? p.colLines : L.dataRows;
      let res: Resolution;
      if (dim.type === 'members') {
        // A required member no line can name rules the kind out before every line is matched
        // (a catalogue of 100 000 rows is no table of any kind whose words its titles share).
        if (!requiredFound(dim, lines, src === 'col' ? p.colKeys : p.rowKeys)) return void (ok = false);
        res = resolveMembers(dim, lines, src === 'col' ? p.colKeys : p.rowKeys, src === 'col' ? p.colRaw : p.rowRaw, src);
        if (dim.open && src === 'row') addOpenMembers(view, L, p, res);
        if (!membersOk(dim, res)) ok = false;
      } else if (dim.type === 'entities') {
        if (src !== 'row') return void (ok = false);
        res = resolveEntities(dim, lines, p);
        if (res.distinct < 2) ok = false;
      } else if (dim.type === 'scored') {
        if (src !== 'col') return void (ok = false);
        res = resolveScored(dim, lines, p);
        if (res.distinct - (res.words.has('sum') ? 1 : 0) < dim.minColumns) ok = false;
      } else return;
      resolutions.push(res!);
    });
    if (!ok) continue;
    // The year: per column, per row, or one for the whole table (its corner cell or a line above it).
    const tableYear = p.cornerYear ?? p.yearAbove;
    let yearSource: Source | undefined;
    if (yearDim) {
      if (p.colYear.size) yearSource = 'col';
      else if (p.rowYear.size) yearSource = 'row';
      if (!yearSource && tableYear === undefined && !(yearDim.type === 'year' && yearDim.optional)) continue;
    }
    const year = yearSource ? undefined : tableYear;
    const walk: Walk = { view, L, p, def, structural, resolutions, yearDim, yearSource, tableYear };
    // Count first (numbers, no key strings); only the winning candidate builds its cells.
    const counted = walkCells(walk);
    // A kind whose values all come from other tables (5.4, 4.5) is a table to fill in when they are all empty.
    const empty = !counted.nonEmpty && !def.derived.length;
    if (empty) run.engine.trace.emptyRejections++;
    if (empty || (def.deltaColumn && !counted.delta)) continue;
    const score = counted.count + 5 * resolutions.reduce((sum, r) => sum + r.distinct, 0);
    if (best && score <= best.score) continue;
    best = { def, score, year, build: () => materialize(walk) };
  }
  return best;
}

/** What the walk over a candidate's cells needs. */
interface Walk {
  view: SheetView;
  L: BlockLayout;
  p: Paths;
  def: Definition;
  structural: Dim[];
  resolutions: Resolution[];
  yearDim: Dim | undefined;
  yearSource: Source | undefined;
  tableYear: number | undefined;
}

/** What each data column of a section brings: its member's number, `+/-`, `%`, its year (−1: none). */
interface SectionColumns {
  code: Int32Array;
  delta: Uint8Array;
  pct: Uint8Array;
  year: Int32Array;
}

/** The columns of each section (made when the walk first meets the section). */
function sectionColumns(w: Walk, colCodes: Map<number, number> | undefined): (section: number) => SectionColumns {
  const cols = w.L.dataCols;
  const p = w.p;
  const bySection = new Map<number, SectionColumns>();
  return (section) => {
    let x = bySection.get(section);
    if (!x) {
      const made: SectionColumns = { code: new Int32Array(cols.length), delta: new Uint8Array(cols.length), pct: new Uint8Array(cols.length), year: new Int32Array(cols.length) };
      cols.forEach((c, j) => {
        const line = lineOf(section, c);
        made.code[j] = colCodes ? (colCodes.get(line) ?? 0) : 1;
        made.delta[j] = p.deltaCols.has(line) ? 1 : 0;
        made.pct[j] = p.percentCols.has(line) ? 1 : 0;
        made.year[j] = p.colYear.get(line) ?? -1;
      });
      bySection.set(section, (x = made));
    }
    return x;
  };
}

/**
 * The keys a walk has met, told apart by numbers: (row member, column member, year, measure).
 * Years are numbered among those the walk can meet, so a key is a small integer and a table of a
 * million cells is deduplicated in a bitmap instead of a set of a million numbers.
 */
class KeysMet {
  private readonly years = new Map<number, number>();
  private readonly yearSpan: number;
  private readonly bits: Uint8Array | undefined;
  private seen: Set<number> | undefined;

  constructor(
    w: Walk,
    rowSpan: number,
    private readonly colSpan: number,
  ) {
    const addYear = (y: number | undefined) => {
      if (y !== undefined && !this.years.has(y)) this.years.set(y, this.years.size + 1);
    };
    for (const y of w.p.colYear.values()) addYear(y);
    if (w.yearSource === 'row') for (const y of w.p.rowYear.values()) addYear(y);
    addYear(w.tableYear);
    this.yearSpan = this.years.size + 1;
    const keySpace = rowSpan * colSpan * this.yearSpan * 3;
    this.bits = keySpace <= MAX_KEY_BITS ? new Uint8Array((keySpace + 7) >> 3) : undefined;
  }

  /** Whether the key is new (and now met); `measure`: 0 a value, 1 `+/-`, 2 `%`. */
  add(rowCode: number, colCode: number, y: number | undefined, measure: number): boolean {
    const yc = y === undefined ? 0 : this.years.get(y);
    // A year not numbered above (none is expected) gets a key of its own kind: negative, by its value.
    const id = yc === undefined ? -(((rowCode * this.colSpan + colCode) * 10_000 + y!) * 3 + measure) - 1 : ((rowCode * this.colSpan + colCode) * this.yearSpan + yc) * 3 + measure;
    const bits = this.bits;
    if (bits && id >= 0) {
      const bit = 1 << (id & 7);
      if (bits[id >> 3] & bit) return false;
      bits[id >> 3] |= bit;
      return true;
    }
    this.seen ??= new Set();
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    return true;
  }
}

/** The cell at (r, c) of the winning candidate, keyed (see walkCells). */
function cellAt(w: Walk, r: number, c: number, section: number, y: number | undefined, measure: number): TableCell {
  const line = lineOf(section, c);
  const key: Key = {};
  for (let i = 0; i < w.structural.length; i++) {
    const res = w.resolutions[i];
    key[w.structural[i].id] = res.ids.get(res.source === 'col' ? line : r)!;
  }
  if (y !== undefined) key.year = String(y);
  if (measure) key.measure = measure === 1 ? 'delta' : 'percent';
  const cell = w.view.cell(r, c);
  // The key string is made when the table is first looked up by key.
  return { row: r, col: c, key, ks: undefined, num: w.view.num(r, c), formula: cell?.formula, numberFormat: cell?.numberFormat };
}

/**
 * How many cells a candidate has (each key once), whether one holds something and whether one is
 * a `+/-` cell. A key is named by numbers (its row's and its column's member, the year, the
 * measure), so counting builds nothing; given `out`, the walk also builds the cells (for the
 * winner only), each key once.
 */
function walkCells(w: Walk, out?: TableCell[]): { count: number; nonEmpty: boolean; delta: boolean } {
  const { view, L, p, def, resolutions, yearDim, yearSource, tableYear } = w;
  // At most one dimension reads rows and one reads columns.
  const ri = resolutions.findIndex((res) => res.source === 'row');
  const ci = resolutions.findIndex((res) => res.source === 'col');
  const rowCodes = ri < 0 ? undefined : idCodes(resolutions[ri]);
  const colCodes = ci < 0 ? undefined : idCodes(resolutions[ci]);
  const cols = L.dataCols;
  const optionalYear = yearDim?.type === 'year' && yearDim.optional;
  const anyLabelCells = p.labelCells.size > 0;
  const width = view.width;
  const columns = sectionColumns(w, colCodes);
  // Codes run from 0 (none) to the number of distinct ids, or are 1 when no dimension reads that way.
  const keys = new KeysMet(w, (rowCodes?.size ?? 1) + 1, (colCodes?.size ?? 1) + 1);
  let count = 0;
  let nonEmpty = false;
  let anyDelta = false;
  for (const r of L.dataRows) {
    const rowCode = rowCodes ? rowCodes.get(r) : 1;
    // A row no row-wise dimension names holds none of the table's cells.
    if (rowCode === undefined) continue;
    const section = L.sectionOf.get(r) ?? 0;
    const col = columns(section);
    const rowDelta = p.deltaRows.has(r);
    const rowPct = p.percentRows.has(r);
    const rowYear = yearSource === 'row' ? p.rowYear.get(r) : undefined;
    for (let j = 0; j < cols.length; j++) {
      const colCode = col.code[j];
      if (colCode === 0) continue;
      const c = cols[j];
      if (view.coveredBy(r, c) || (anyLabelCells && p.labelCells.has(r * width + c))) continue;
      let measure = 0;
      let y: number | undefined;
      if (def.deltaColumn && (col.delta[j] === 1 || rowDelta)) measure = 1;
      else if (yearDim) {
        y = yearSource === 'col' ? (col.year[j] < 0 ? undefined : col.year[j]) : yearSource === 'row' ? rowYear : tableYear;
        if (y === undefined && !optionalYear) continue;
      }
      if (col.pct[j] === 1 || rowPct) measure = 2;
      if (!keys.add(rowCode, colCode, y, measure)) continue;
      count++;
      if (measure === 1) anyDelta = true;
      if (!out) {
        // Counting reads a cell only until one holds something.
        if (!nonEmpty && view.num(r, c).kind !== 'empty') nonEmpty = true;
        continue;
      }
      const cell = cellAt(w, r, c, section, y, measure);
      if (!nonEmpty && cell.num.kind !== 'empty') nonEmpty = true;
      out.push(cell);
    }
  }
  return { count, nonEmpty, delta: anyDelta };
}

/** The cells of a candidate, each key once (the winner's: see walkCells). */
function cellsOf(w: Walk): TableCell[] {
  const cells: TableCell[] = [];
  walkCells(w, cells);
  return cells;
}

/** Keys up to this many (2 MB of bits) are deduplicated in a bitmap; more in a set. */
const MAX_KEY_BITS = 1 << 24;

/** Per line: 1 + the index of its member id among the dimension's distinct ids. */
function idCodes(res: Resolution): Map<number, number> {
  const index = new Map<string, number>();
  const out = new Map<number, number>();
  for (const [at, id] of res.ids) {
    let k = index.get(id);
    if (k === undefined) index.set(id, (k = index.size + 1));
    out.set(at, k);
  }
  return out;
}

/**
 * Where a word was read (`Resolution.from`: a line and indices of its labels), as the cells it
 * joins, in pairs (row, column), after LONGEST for the longest of them: a table moved to another
 * block of its layout reads its words there (block-cache.ts `wordOf`). The cells of a line's labels
 * are found as buildPaths found its labels.
 */
function wordSource(view: SheetView, L: BlockLayout, source: Source, at: number[]): number[] {
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

/** The chosen candidate's cells, labels, points and nesting. */
function materialize(w: Walk): Built {
  const cells = cellsOf(w);
  const words = new Map<string, string>();
  const points = new Map<string, number>();
  const found = new Map<string, string[]>();
  const nesting = new Map<string, { parent: string; exhaustive: boolean }>();
  const sources = new Map<string, number[]>();
  w.structural.forEach((dim, i) => {
    const res = w.resolutions[i];
    for (const [m, n] of res.nesting ?? []) nesting.set(`${dim.id}:${m}`, { parent: n.parent, exhaustive: n.exhaustive });
    for (const [m, v] of res.words) words.set(`${dim.id}:${m}`, cleanWords(v));
    for (const [m, at] of res.from) sources.set(`${dim.id}:${m}`, wordSource(w.view, w.L, res.source, at));
    for (const [m, v] of res.points) points.set(m, v);
    found.set(dim.id, [...new Set(res.ids.values())]);
  });
  return { cells, words, sources, points, found, nesting };
}

/** Unknown labelled rows with numbers become extra members of an open dimension (other reasons). */
function addOpenMembers(view: SheetView, L: BlockLayout, p: Paths, res: Resolution): void {
  if (res.distinct === 0) return;
  for (const r of L.dataRows) {
    if (res.ids.has(r) || p.percentRows.has(r)) continue;
    const raw = p.rowRaw.get(r) ?? [];
    if (!raw.length) continue;
    if (!rowHoldsNumber(view, L, r)) continue;
    const id = `x${r}`;
    res.ids.set(r, id);
    res.words.set(id, raw[raw.length - 1]);
    res.from.set(id, [r, raw.length - 1]);
  }
  res.distinct = new Set(res.ids.values()).size;
}


interface Found {
  cand: Candidate;
  L: BlockLayout;
}

/** The best-scoring candidate of an area, over the ways it can be laid out. */
function bestOfArea(run: Run, view: SheetView, area: Area): Found | undefined {
  if (area.bottom - area.top < 1 || area.right - area.left < 1) return undefined;
  // A table to be filled in has no numbers to be laid out by: its shape lays it out.
  const L = layoutBlock(view, area) ?? templateLayout(view, area);
  if (!L) return undefined;
  let found = bestOfLayout(run, view, L);
  // One data row and a text-only column: that text may be a bad cell rather than a row label.
  if (L.labelCols.length && L.dataRows.length === 1) {
    const L2 = layoutBlock(view, area, true);
    const alt = L2 && bestOfLayout(run, view, L2);
    if (alt && (!found || alt.cand.score > found.cand.score)) found = alt;
  }
  // A column of `%` labels only may be an empty total column carrying the `%` row's label.
  if (!found) {
    const L3 = withPercentColumnsAsData(view, L);
    if (L3) found = bestOfLayout(run, view, L3);
  }
  return found;
}

/** Definitions indexed by the words of their labels, so a block is tried only against kinds it mentions. */
interface WordIndex {
  byWord: Map<string, Set<Definition>>;
  always: Definition[];
  /** The definitions a text key's words name, memoized (tables repeat their labels). */
  keyDefs: Map<string, Definition[]>;
}

/**
 * Per definition list (fixed once made): a pure memo of immutable input, which cannot change a
 * result, so it may outlive an engine.
 */
const wordIndex = new WeakMap<readonly Definition[], WordIndex>();

function indexOf(defs: readonly Definition[]): WordIndex {
  let idx = wordIndex.get(defs);
  if (idx) return idx;
  idx = { byWord: new Map(), always: [], keyDefs: new Map() };
  for (const def of defs) {
    if (def.dims.some((d) => d.type === 'entities' || d.type === 'scored')) {
      idx.always.push(def);
      continue;
    }
    for (const d of def.dims)
      if (d.type === 'members')
        for (const m of d.members)
          for (const l of m.labels)
            for (const w of labelKey(l).split(' ')) {
              if (!w) continue;
              if (!idx.byWord.has(w)) idx.byWord.set(w, new Set());
              idx.byWord.get(w)!.add(def);
            }
  }
  // Words most kinds use (`всего`, `на`, `года`) say nothing about the kind: leave them out.
  for (const [w, set] of idx.byWord) if (set.size >= 4 || w.length < 3) idx.byWord.delete(w);
  wordIndex.set(defs, idx);
  return idx;
}

/** The definitions any word of a text key names. */
function defsOfKey(idx: WordIndex, k: string): Definition[] {
  const keyDefs = idx.keyDefs;
  let out = keyDefs.get(k);
  if (!out) {
    const set = new Set<Definition>();
    for (const w of k.split(' ')) idx.byWord.get(w)?.forEach((d) => set.add(d));
    out = [...set];
    if (keyDefs.size > 100_000) keyDefs.clear();
    keyDefs.set(k, out);
  }
  return out;
}

/** The definitions whose label words appear in the block's headers or row labels (typos aside, a label shares a word). */
function candidates(p: Paths, run: Run): Definition[] {
  const defs = run.defs;
  const idx = indexOf(defs);
  const hit = new Set<Definition>();
  // Kinds without fixed labels need what makes them: a `+/-` line, or points in the headers.
  const hasDelta = p.deltaCols.size > 0 || p.deltaRows.size > 0;
  let hasPoints: boolean | undefined;
  for (const d of idx.always) {
    if (d.deltaColumn && !hasDelta) continue;
    if (d.dims.some((x) => x.type === 'scored')) {
      hasPoints ??= [...p.colRaw.values()].some((raw) => pointsInPath(raw) !== undefined);
      if (!hasPoints) continue;
    }
    hit.add(d);
  }
  const see = (keys: string[]) => {
    for (const k of keys) for (const d of defsOfKey(idx, k)) hit.add(d);
  };
  if (run.everyKind) for (const d of defs) if (!idx.always.includes(d)) hit.add(d);
  for (const keys of p.colKeys.values()) see(keys);
  for (const keys of p.rowKeys.values()) see(keys);
  return defs.filter((d) => hit.has(d));
}

/**
 * The tables of a block when every kind is tried on it. Where these are those of `recognizeArea`,
 * the kinds the block's words name do not decide its tables: another block differing only in names
 * whose words name other kinds recognizes alike.
 */
function recognizeTryingEveryKind(run: Run, view: SheetView, area: Area): Placed[] {
  return recognizeArea({ ...run, everyKind: true }, view, area);
}

/** The best-scoring candidate kind of a block laid out as `L`. */
function bestOfLayout(run: Run, view: SheetView, L: BlockLayout): Found | undefined {
  if (!L.dataCols.length) return undefined;
  const p = buildPaths(view, L);
  let best: Candidate | undefined;
  for (const def of candidates(p, run)) {
    const c = tryDefinition(run, view, L, p, def);
    if (c && (!best || c.score > best.score)) best = c;
  }
  return best ? { cand: best, L } : undefined;
}

/**
 * The tables of one block: the block as a whole, or, when its later header rows start tables of
 * their own (two tables stacked without a gap), each section on its own.
 */
function foundInBlock(run: Run, view: SheetView, area: Area): Found[] {
  const whole = bestOfArea(run, view, area);
  const L = whole?.L ?? layoutBlock(view, area);
  if (!L || L.sections.length < 2) return whole ? [whole] : [];
  const parts: Area[] = L.sections.map((sec, i) => {
    const top = i === 0 ? area.top : sec.headerRows[0];
    const rows = sec.rows.length ? sec.rows : sec.headerRows;
    return { ...area, top, bottom: rows[rows.length - 1] };
  });
  const found = parts.map((a) => bestOfArea(run, view, a)).filter((f): f is Found => !!f);
  const split = found.reduce((s, f) => s + f.cand.score, 0);
  if (found.length >= 2 && split > (whole?.cand.score ?? 0)) return found;
  return whole ? [whole] : found;
}

/** The tables recognized in a block, placed (before they get their ids). */
function recognizeArea(run: Run, view: SheetView, area: Area): Placed[] {
  return foundInBlock(run, view, area).map(({ cand, L }) => {
    const b = cand.build();
    return { def: cand.def, area: L.area, year: cand.year, cells: b.cells, words: b.words, sources: b.sources, points: b.points, found: b.found, nesting: b.nesting, like: undefined };
  });
}

/** The longest text taken for a plain name. */
const MAX_NAME = 80;

/** Per definition list, texts known to be plain names or not (see plainName): a pure memo of immutable input. */
const plainMemo = new WeakMap<readonly Definition[], Map<string, boolean>>();

/**
 * A plain name (`Библиотека-филиал № 3, с. Казанка`): a text recognition reads in a row label only
 * as "a label is here", with its indent. It is no number, dash, year or `%` / `+/-` label, starts
 * with no bullet or `в том числе` / `из них`, states no points, matches no part of any label
 * of the kinds (members, totals, sum columns) and speaks of no kind's context word (row labels are
 * part of a table's context). A word of it may still name a kind to try
 * (`candidates`): a block is reused for another's names only when trying every kind on the first
 * gave what trying those named did (`recognizeTryingEveryKind`). Two such blocks that differ only in
 * these texts, in the rows of a list of libraries, recognize alike but for those rows' words
 * (block-cache.ts).
 */
export function plainName(defs: readonly Definition[], text: string): boolean {
  let memo = plainMemo.get(defs);
  if (!memo) plainMemo.set(defs, (memo = new Map()));
  let plain = memo.get(text);
  if (plain === undefined) {
    const t = text.trim();
    // A library's name is short; prose and captions are not asked about (matching them costs).
    const key = t.length <= MAX_NAME ? labelKey(t) : '';
    plain =
      key !== '' &&
      !/^[+\-\u2212]?\s*\d/.test(t) &&
      !BULLET.test(t) &&
      !t.includes('балл') &&
      parseNumberText(t) === undefined &&
      !isDashText(t) &&
      yearInText(t) === undefined &&
      parseYearText(t) === undefined &&
      !isPercentLabel(key) &&
      !isDeltaLabel(key) &&
      !EXHAUSTIVE_MARK.test(key) &&
      !PARTIAL_MARK.test(key) &&
      !speaksOfContext(key, defs) &&
      !matchesAnyLabel(key, defs);
    if (memo.size >= 100_000) memo.clear();
    memo.set(text, plain);
  }
  return plain;
}

/** Recognizes every table of every kind in the workbook, in sheet order then top to bottom. */
/** A table of no known kind as recognition places it. */
function placeAll(g: GenericPlaced | undefined): Placed[] {
  if (!g) return [];
  return [{ def: GENERIC_TABLE, area: g.area, cells: g.cells, words: g.words, points: new Map(), found: new Map(), nesting: new Map(), generic: g }];
}

export function recognize(wb: Workbook, defs: readonly Definition[], engine: Engine): TableModel[] {
  const run: Run = { defs, engine, everyKind: false };
  const tables: TableModel[] = [];
  const counters = new Map<string, number>();
  const plain = (text: string) => plainName(defs, text);
  const generic: Placed[] = [];
  for (const sheet of wb.sheets) {
    const view = new SheetView(sheet);
    const found: Placed[] = [];
    const inArea = (area: Area) => recognizeBlock(engine, view, area, defs, () => recognizeArea(run, view, area), { plain, everyKind: () => recognizeTryingEveryKind(run, view, area) });
    const blocks = findBlocks(view);
    const taken = new Set<number>();
    blocks.forEach((block, i) => {
      if (taken.has(i)) return;
      const before = found.length;
      const areas = tableAreas(view, block, defs);
      for (const area of areas) found.push(...inArea(area));
      // No table, no number: a template whose value rows are blank lines, read with them.
      const chain = found.length === before && areas.length ? templateChain(view, blocks, i, areas[areas.length - 1]) : undefined;
      const tables = chain ? inArea(chain.area) : [];
      if (tables.length) for (const j of chain!.taken) taken.add(j);
      found.push(...tables);
      // No known kind: the table is read from its own labels and numbers.
      if (found.length === before) for (const area of areas) generic.push(...placeAll(placeGeneric(view, area)));
    });
    found.push(...generic);
    generic.length = 0;
    found.sort((a, b) => a.area.top - b.area.top || a.area.left - b.area.left);
    for (const t of found) {
      const n = (counters.get(t.def.kind) ?? 0) + 1;
      counters.set(t.def.kind, n);
      // One literal, one field order: every table has the same shape (see numbers.ts).
      tables.push({
        id: `${t.def.kind}#${n}`,
        def: t.def,
        sheet,
        area: t.area,
        year: t.year,
        cells: t.cells,
        byKey: new KeyIndex(t.def, t.cells, t.like),
        words: t.words,
        points: t.points,
        found: t.found,
        nesting: t.nesting,
        like: t.like,
        title: t.generic?.title,
      });
      if (t.generic) presetInstances(tables[tables.length - 1], t.generic.relations(tables[tables.length - 1]));
    }
  }
  engine.layouts?.settleNamedLayouts(defs);
  return tables;
}
