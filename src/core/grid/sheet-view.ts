// A sheet prepared for recognition: merge lookups and cached cell readings.
import type { Area, Cell, Sheet } from './grid';
import { readNum, type Num } from './numbers';
import { heldRows } from './sparse-blocks';

/**
 * Sheets whose box (rows × columns) is at most this big keep per-cell arrays (readings, merges,
 * occupancy: up to ~140 MB at the limit); larger boxes, mostly empty, use maps. One sheet of a
 * million cells is typically 5 million in its box (180 000 rows × 28 columns).
 */
const ARRAY_CELLS = 1 << 23;

/**
 * A box this many times larger than its cells (plus a margin) is mostly empty: a stray cell far from
 * the data (Ctrl+End gone astray, a format pasted to a whole column). It uses maps and runs, so time
 * and memory follow the cells that exist, not the box.
 */
const SPARSE_RATIO = 32;
const SPARSE_MARGIN = 1 << 16;

/** A sheet prepared for recognition: merge lookups and cached cell readings. */
export class SheetView {
  readonly height: number;
  readonly width: number;
  /**
   * Merges by cell (r*width+c): `covered` for the cells other than a merge's top-left one, `origins`
   * for that one. Arrays of merge index + 1 on a sanely sized sheet (looked up for every cell, several
   * times), maps on a huge one.
   */
  private covered: Int32Array | Map<number, Area> = new Map();
  private origins: Int32Array | Map<number, Area> = new Map();
  private readonly anyMerge: boolean;
  /**
   * Cell readings: per row an array made on first use when the sheet's box is of a sane size (one
   * array the size of the box cost more to make than all the readings), else a map by r*width+c.
   */
  private nums: Array<Array<Num | undefined> | undefined> | Map<number, Num>;
  /** Per-cell arrays are used: the box is of a sane size and not mostly empty. */
  private readonly dense: boolean;
  /** Indices of the rows the sheet holds, ascending. */
  readonly held: readonly number[];

  constructor(readonly sheet: Sheet) {
    this.height = sheet.rows.length;
    let w = 0;
    // Row lengths count the cells a row may hold: enough to tell a box mostly empty.
    let spread = 0;
    this.held = heldRows(sheet.rows);
    for (const i of this.held) {
      const r = sheet.rows[i]!;
      spread += r.length;
      if (r.length > w) w = r.length;
    }
    for (const m of sheet.merges) if (m.right + 1 > w) w = m.right + 1;
    this.width = w;
    const box = this.height * w;
    this.dense = box <= ARRAY_CELLS && box <= SPARSE_RATIO * spread + SPARSE_MARGIN;
    this.nums = this.dense
      ? new Array<Array<Num | undefined> | undefined>(this.height)
      : new Map<number, Num>();
    this.anyMerge = sheet.merges.length > 0;
    if (this.anyMerge && this.dense) {
      this.covered = new Int32Array(this.height * w);
      this.origins = new Int32Array(this.height * w);
    }
    const { covered, origins } = this;
    sheet.merges.forEach((m, i) => {
      const at = (r: number, c: number) => r * w + c;
      if (origins instanceof Map) origins.set(at(m.top, m.left), m);
      else if (m.top < this.height) origins[at(m.top, m.left)] = i + 1;
      for (let r = m.top; r <= m.bottom && r < this.height; r++)
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          if (covered instanceof Map) covered.set(at(r, c), m);
          else covered[at(r, c)] = i + 1;
        }
    });
  }

  /** The merge an index array or map holds for cell (r,c), if any. */
  private mergeIn(table: Int32Array | Map<number, Area>, r: number, c: number): Area | undefined {
    // Out of the box first: r*width+c of a column past the edge is a cell of the next row.
    if (r < 0 || r >= this.height || c < 0 || c >= this.width) return undefined;
    if (table instanceof Map) return table.size ? table.get(r * this.width + c) : undefined;
    const i = table[r * this.width + c];
    return i ? this.sheet.merges[i - 1] : undefined;
  }

  cell(r: number, c: number): Cell | undefined {
    const row = this.sheet.rows[r];
    return row ? row[c] : undefined;
  }

  /**
   * Per cell of a sanely sized sheet: 0 empty, 1 occupied, 2 covered by a merge (made on first use:
   * finding blocks and trimming them ask for every cell several times).
   */
  private state?: Uint8Array;

  private states(): Uint8Array | undefined {
    if (this.state) return this.state;
    const { height: H, width: W } = this;
    if (!this.dense) return undefined;
    const st = new Uint8Array(H * W);
    for (let r = 0; r < H; r++) {
      const row = this.sheet.rows[r];
      if (row) for (let c = 0; c < row.length; c++) if (hasContent(row[c])) st[r * W + c] = 1;
    }
    const covered = this.covered;
    if (covered instanceof Map) for (const k of covered.keys()) st[k] = 2;
    else for (let k = 0; k < covered.length; k++) if (covered[k]) st[k] = 2;
    return (this.state = st);
  }

  /**
   * A fresh array, per cell: non-zero when occupied (row-major, `width` wide); undefined on a sheet
   * whose box is too large or mostly empty (never an array the size of such a box).
   */
  occupancy(): Uint8Array | undefined {
    const st = this.state ?? this.states();
    return st ? st.slice() : undefined;
  }

  /** The merge covering (r,c) when (r,c) is not its top-left cell. */
  coveredBy(r: number, c: number): Area | undefined {
    return this.anyMerge ? this.mergeIn(this.covered, r, c) : undefined;
  }

  /** Occupied and not covered by a merge: a cell that starts something. */
  origin(r: number, c: number): boolean {
    const st = this.state ?? this.states();
    if (st && c >= 0 && c < this.width && r >= 0 && r < this.height)
      return st[r * this.width + c] === 1;
    return !this.coveredBy(r, c) && this.occupied(r, c);
  }

  mergeAt(r: number, c: number): Area | undefined {
    return this.anyMerge ? this.mergeIn(this.origins, r, c) : undefined;
  }

  /** The cell whose content shows at (r,c): the merge origin for covered cells. */
  shown(r: number, c: number): Cell | undefined {
    const m = this.coveredBy(r, c);
    return m ? this.cell(m.top, m.left) : this.cell(r, c);
  }

  num(r: number, c: number): Num {
    // Out of the box nothing is cached: its key would be another cell's.
    if (r < 0 || r >= this.height || c < 0 || c >= this.width) return readNum(this.cell(r, c));
    const nums = this.nums;
    if (Array.isArray(nums)) {
      let line = nums[r];
      if (!line) nums[r] = line = new Array<Num | undefined>(this.width);
      let n = line[c];
      if (!n) line[c] = n = readNum(this.cell(r, c));
      return n;
    }
    const k = r * this.width + c;
    const map = nums;
    let n = map.get(k);
    if (!n) {
      n = readNum(this.cell(r, c));
      map.set(k, n);
    }
    return n;
  }

  occupied(r: number, c: number): boolean {
    const st = this.state ?? this.states();
    if (st && c >= 0 && c < this.width && r >= 0 && r < this.height)
      return st[r * this.width + c] !== 0;
    if (this.coveredBy(r, c)) return true;
    return hasContent(this.cell(r, c));
  }

  /** Text of the shown cell, if it is text that is not a number. */
  text(r: number, c: number): string | undefined {
    const cell = this.shown(r, c);
    if (!cell || typeof cell.value !== 'string') return undefined;
    const t = cell.value.trim();
    return t === '' ? undefined : t;
  }
}

/** Whether a cell holds anything: a value that is not blank, a formula or an error. */
export function hasContent(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.formula || cell.error) return true;
  const v = cell.value;
  return !(v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}
