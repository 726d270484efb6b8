// Finds blocks of adjacent cells on a sheet and splits each into header rows, label columns and data.
import type { Area, Cell, Sheet } from './grid';
import { cellYear, parseYearText, readNum, type Num } from './numbers';

/** A sheet prepared for recognition: merge lookups and cached cell readings. */
export class SheetView {
  readonly height: number;
  readonly width: number;
  /** Covered cell (r*width+c) → the merge it belongs to (only for cells other than the origin). */
  private covered = new Map<number, Area>();
  private origins = new Map<number, Area>();
  /** Cell readings by r*width+c: an array when the sheet's box is of a sane size, else a map. */
  private nums: Array<Num | undefined> | Map<number, Num>;

  constructor(readonly sheet: Sheet) {
    this.height = sheet.rows.length;
    let w = 0;
    for (const r of sheet.rows) if (r && r.length > w) w = r.length;
    for (const m of sheet.merges) if (m.right + 1 > w) w = m.right + 1;
    this.width = w;
    this.nums = this.height * w <= 1 << 22 ? new Array<Num | undefined>(this.height * w) : new Map<number, Num>();
    for (const m of sheet.merges) {
      this.origins.set(m.top * this.width + m.left, m);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.covered.set(r * this.width + c, m);
    }
  }

  cell(r: number, c: number): Cell | undefined {
    const row = this.sheet.rows[r];
    return row ? row[c] : undefined;
  }

  /** The merge covering (r,c) when (r,c) is not its top-left cell. */
  coveredBy(r: number, c: number): Area | undefined {
    return this.covered.size ? this.covered.get(r * this.width + c) : undefined;
  }

  mergeAt(r: number, c: number): Area | undefined {
    return this.origins.size ? this.origins.get(r * this.width + c) : undefined;
  }

  /** The cell whose content shows at (r,c): the merge origin for covered cells. */
  shown(r: number, c: number): Cell | undefined {
    const m = this.coveredBy(r, c);
    return m ? this.cell(m.top, m.left) : this.cell(r, c);
  }

  num(r: number, c: number): Num {
    const k = r * this.width + c;
    const nums = this.nums;
    if (Array.isArray(nums) && k >= 0 && k < nums.length) {
      let n = nums[k];
      if (!n) nums[k] = n = readNum(this.cell(r, c));
      return n;
    }
    const map = nums instanceof Map ? nums : (this.nums = new Map(nums.flatMap((n, i) => (n ? [[i, n] as [number, Num]] : []))));
    let n = map.get(k);
    if (!n) {
      n = readNum(this.cell(r, c));
      map.set(k, n);
    }
    return n;
  }

  occupied(r: number, c: number): boolean {
    if (this.coveredBy(r, c)) return true;
    const cell = this.cell(r, c);
    if (!cell) return false;
    if (cell.formula || cell.error) return true;
    const v = cell.value;
    return !(v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
  }

  /** Text of the shown cell, if it is text that is not a number. */
  text(r: number, c: number): string | undefined {
    const cell = this.shown(r, c);
    if (!cell || typeof cell.value !== 'string') return undefined;
    const t = cell.value.trim();
    return t === '' ? undefined : t;
  }
}

/** Connected groups of occupied cells (4-neighbourhood, merges included), as bounding boxes. */
export function findBlocks(view: SheetView): Area[] {
  const { height: H, width: W } = view;
  if (H === 0 || W === 0) return [];
  const seen = new Uint8Array(H * W);
  const occ = new Uint8Array(H * W);
  for (let r = 0; r < H; r++) {
    const row = view.sheet.rows[r];
    if (row) for (let c = 0; c < row.length; c++) if (view.occupied(r, c)) occ[r * W + c] = 1;
  }
  for (const m of view.sheet.merges)
    for (let r = m.top; r <= m.bottom && r < H; r++) for (let c = m.left; c <= m.right; c++) occ[r * W + c] = 1;
  const boxes: Area[] = [];
  const stack: number[] = [];
  for (let i = 0; i < H * W; i++) {
    if (!occ[i] || seen[i]) continue;
    const box = { top: H, left: W, bottom: -1, right: -1 };
    seen[i] = 1;
    stack.push(i);
    while (stack.length) {
      const k = stack.pop()!;
      const r = (k / W) | 0;
      const c = k - r * W;
      if (r < box.top) box.top = r;
      if (r > box.bottom) box.bottom = r;
      if (c < box.left) box.left = c;
      if (c > box.right) box.right = c;
      if (r > 0 && occ[k - W] && !seen[k - W]) (seen[k - W] = 1), stack.push(k - W);
      if (r < H - 1 && occ[k + W] && !seen[k + W]) (seen[k + W] = 1), stack.push(k + W);
      if (c > 0 && occ[k - 1] && !seen[k - 1]) (seen[k - 1] = 1), stack.push(k - 1);
      if (c < W - 1 && occ[k + 1] && !seen[k + 1]) (seen[k + 1] = 1), stack.push(k + 1);
    }
    boxes.push(box);
  }
  return mergeOverlapping(boxes);
}

function overlaps(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function mergeOverlapping(boxes: Area[]): Area[] {
  let changed = true;
  let out = boxes.filter((b) => b.bottom > b.top || b.right > b.left);
  while (changed) {
    changed = false;
    const next: Area[] = [];
    for (const b of out) {
      const o = next.find((n) => overlaps(n, b));
      if (o) {
        o.top = Math.min(o.top, b.top);
        o.left = Math.min(o.left, b.left);
        o.bottom = Math.max(o.bottom, b.bottom);
        o.right = Math.max(o.right, b.right);
        changed = true;
      } else next.push({ ...b });
    }
    out = next;
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Cells of one row of a block that are origins (not covered by a merge) and occupied. */
function rowOrigins(view: SheetView, r: number, area: Area): number[] {
  const cols: number[] = [];
  for (let c = area.left; c <= area.right; c++) if (!view.coveredBy(r, c) && view.occupied(r, c)) cols.push(c);
  return cols;
}

function isNumeric(n: Num): boolean {
  return n.kind === 'number' || n.kind === 'text-number' || n.kind === 'dash';
}

/** Text that starts like a number (`47\n(+1 совм.)`, `178817 (+44311)=223128`): a bad data cell, not a label. */
function isNumberLike(n: Num): boolean {
  if (n.kind !== 'not-number' || !n.text) return false;
  const t = n.text.trim();
  return /^[+\-\u2212]?\s*\d/.test(t) && !/^\d{1,3}\s*[.)]?$/.test(t) && parseYearText(t) === undefined;
}

/** Drops title and prose lines glued to a block: rows holding one text cell only. */
export function trimBlock(view: SheetView, area: Area): Area {
  const a = { ...area };
  if (a.right === a.left) return a;
  const single = (r: number, long: boolean): boolean => {
    const cols = rowOrigins(view, r, a);
    if (cols.length !== 1) return false;
    const n = view.num(r, cols[0]);
    if (!long && cellYear(view.cell(r, cols[0])) !== undefined) return true;
    if (n.kind !== 'not-number') return false;
    return !long || (n.text ?? '').length > 40;
  };
  // Title and prose lines glued on top: drop single-text rows while a wider row follows somewhere.
  let widest = 0;
  for (let r = a.top; r <= a.bottom; r++) widest = Math.max(widest, rowOrigins(view, r, a).length);
  while (a.top < a.bottom && widest >= 2 && single(a.top, false)) a.top++;
  while (a.bottom > a.top && single(a.bottom, true)) a.bottom--;
  return a;
}

/**
 * Data rows under one set of column headers. Section 0 sits under the block's header rows; a later
 * section starts with rows of text in the data columns (4.5 prints label rows between value rows).
 */
export interface Section {
  headerRows: number[];
  rows: number[];
}

/** A block split into header rows, label columns and data. */
export interface BlockLayout {
  area: Area;
  /** First data row. */
  dataTop: number;
  labelCols: number[];
  /** Columns holding a year per row (years as row labels). */
  yearCols: number[];
  dataCols: number[];
  dataRows: number[];
  sections: Section[];
  /** Row → index of its section. */
  sectionOf: Map<number, number>;
}

function isYearRow(view: SheetView, r: number, area: Area): boolean {
  let years = 0;
  for (const c of rowOrigins(view, r, area)) {
    const n = view.num(r, c);
    if (isNumeric(n)) {
      if (cellYear(view.cell(r, c)) === undefined) return false;
      years++;
    }
  }
  return years > 0;
}

export function layoutBlock(view: SheetView, area: Area): BlockLayout | undefined {
  let dataTop = -1;
  for (let r = area.top; r <= area.bottom; r++) {
    const hasNum = rowOrigins(view, r, area).some((c) => isNumeric(view.num(r, c)));
    if (hasNum && !(isYearRow(view, r, area) && r < area.bottom)) {
      dataTop = r;
      break;
    }
  }
  if (dataTop < 0) return undefined;
  const labelCols: number[] = [];
  const yearCols: number[] = [];
  const dataCols: number[] = [];
  for (let c = area.left; c <= area.right; c++) {
    let numeric = 0;
    let years = 0;
    let texts = 0;
    const seenYears = new Set<number>();
    for (let r = dataTop; r <= area.bottom; r++) {
      if (view.coveredBy(r, c)) continue;
      const n = view.num(r, c);
      if (isNumeric(n)) {
        numeric++;
        const y = cellYear(view.cell(r, c));
        if (y !== undefined && !seenYears.has(y)) {
          seenYears.add(y);
          years++;
        }
      } else if (isNumberLike(n)) numeric++;
      else if (n.kind === 'not-number') texts++;
    }
    if (numeric === 0 && texts > 0) labelCols.push(c);
    else if (numeric >= 2 && years === numeric && dataCols.length === 0) yearCols.push(c);
    else dataCols.push(c);
  }
  const sections: Section[] = [{ headerRows: [], rows: [] }];
  const sectionOf = new Map<number, number>();
  const dataRows: number[] = [];
  let inHeader = false;
  for (let r = dataTop; r <= area.bottom; r++) {
    let texts = 0;
    let numbers = 0;
    for (const c of dataCols) {
      if (view.coveredBy(r, c)) continue;
      const n = view.num(r, c);
      if (isNumeric(n) || isNumberLike(n)) numbers++;
      else if (n.kind === 'not-number') texts++;
    }
    if (texts > 0 && numbers === 0) {
      if (!inHeader) sections.push({ headerRows: [], rows: [] });
      inHeader = true;
      sections[sections.length - 1].headerRows.push(r);
      continue;
    }
    inHeader = false;
    sections[sections.length - 1].rows.push(r);
    sectionOf.set(r, sections.length - 1);
    dataRows.push(r);
  }
  return { area, dataTop, labelCols, yearCols, dataCols, dataRows, sections, sectionOf };
}

/** Rows that hold one long text only (a prose paragraph), where a block should be cut in two. */
export function splitAtProse(view: SheetView, area: Area): Area[] {
  const out: Area[] = [];
  let top = area.top;
  for (let r = area.top; r <= area.bottom; r++) {
    const cols = rowOrigins(view, r, area);
    const prose = cols.length === 1 && view.num(r, cols[0]).kind === 'not-number' && (view.num(r, cols[0]).text ?? '').trim().length > 50;
    if (!prose || area.right === area.left) continue;
    if (r > top) out.push({ ...area, top, bottom: r - 1 });
    top = r + 1;
  }
  if (top <= area.bottom) out.push({ ...area, top });
  return out;
}

/** A year stated on a line just above the block (5.1.1 prints one table per year under its year). */
export function yearAbove(view: SheetView, area: Area): number | undefined {
  for (let r = area.top - 1; r >= Math.max(0, area.top - 2); r--) {
    const occupied = [];
    for (let c = area.left; c <= area.right; c++) if (view.occupied(r, c)) occupied.push(c);
    // Only a title line (one cell), never the last row of a table above.
    if (occupied.length !== 1) continue;
    for (const c of occupied) {
      const cell = view.shown(r, c);
      const y = cellYear(cell);
      if (y !== undefined) return y;
      const t = typeof cell?.value === 'string' ? cell.value.trim() : '';
      const m = t.length <= 40 ? /(?:^|\D)((?:19|20)\d\d)\s*(?:г\.?|год)?\s*\.?$/.exec(t) : null;
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}
