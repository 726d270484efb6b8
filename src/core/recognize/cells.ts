// A candidate kind's cells: counted for its score, then built (keys, words, points) for the winner.
import type { Definition, Dim } from '../tables/definition';
import type { BlockLayout } from '../layout/blocks';
import type { SheetView } from '../grid/sheet-view';
import { cleanWords, type Key, type TableCell } from '../tables/table';
import type { Resolution } from './members';
import { lineOf, wordSource, type Paths, type Source } from './paths';

export interface Built {
  cells: TableCell[];
  words: Map<string, string>;
  sources: Map<string, number[]>;
  points: Map<string, number>;
  found: Map<string, string[]>;
  nesting: Map<string, { parent: string; exhaustive: boolean }>;
}

/** What the walk over a candidate's cells needs. */
export interface Walk {
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
export function walkCells(w: Walk, out?: TableCell[]): { count: number; nonEmpty: boolean; delta: boolean } {
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

/** The chosen candidate's cells, labels, points and nesting. */
export function materialize(w: Walk): Built {
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
