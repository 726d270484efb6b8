// The table layer's reading of a block once per distinct content: a table repeated as it is (the
// same table in several sections, a workbook re-checked after a fill, the known tables read a second
// time) is read and its relations inferred once. A block matches an earlier one when every cell the
// reading looks at is the same (the lines above for its title, merges relative to the block), so a
// hit gives exactly what reading the block again would.
import type { Area, Cell } from '../grid/grid';
import type { SheetView } from '../grid/sheet-view';
import type { GenericRel } from './relations';

/** Lines above a block the reading looks at (its title: `titleOf` reads two). */
const LINES_ABOVE = 2;

/** A block's reading relative to its top-left corner: rows and columns as offsets. */
export interface Reading {
  title: string;
  rows: Array<{ at: number; label: string; unlabelled?: boolean }>;
  cols: Array<{ at: number; label: string; path: string[] }>;
  rels: GenericRel[];
}

/** A block read before: what it shows, cell by cell, compared with a later block's, and its reading. */
interface Entry {
  height: number;
  width: number;
  /** Lines above the block among the cells (fewer near the sheet's top). */
  above: number;
  /** Per cell of the block and the lines above it, row-major: the cell, or for a covered one its merge's origin. */
  cells: Array<Cell | undefined>;
  /** The merges over the block, relative to it ('' when none). */
  merges: string;
  reading: Reading | null;
}

/** Blocks larger than this are read directly. */
const MAX_CELLS = 4_000;
/** Cells kept at most over all entries (a batch of workbooks must not keep them all alive). */
const MAX_KEPT = 4_000_000;

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 16777619);
}

function hashText(h: number, s: string): number {
  // Length and both ends: enough to spread the buckets, a hit is compared in full anyway.
  const n = s.length;
  h = mix(h, n);
  if (n) h = mix(mix(h, s.charCodeAt(0)), s.charCodeAt(n - 1));
  if (n > 2) h = mix(h, s.charCodeAt(n >> 1));
  return h;
}

function hashCell(h: number, c: Cell | undefined): number {
  if (!c) return mix(h, 1);
  const v = c.value;
  if (typeof v === 'number') {
    f64[0] = v;
    h = mix(mix(h, i32[0]), i32[1]);
  } else if (typeof v === 'string') h = hashText(h, v);
  else h = mix(h, v === null ? 2 : v ? 3 : 4);
  if (c.numberFormat) h = hashText(h, c.numberFormat);
  return mix(h, (c.indent ?? 0) + (c.formula ? 8 : 0) + (c.error ? 16 : 0));
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.value === b.value &&
    a.text === b.text &&
    a.formula === b.formula &&
    a.numberFormat === b.numberFormat &&
    a.indent === b.indent &&
    a.error === b.error &&
    !a.noResult === !b.noResult
  );
}

function mergesOver(view: SheetView, area: Area, top: number): string {
  const out: string[] = [];
  for (let r = top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      const covered = view.coveredBy(r, c);
      const m = covered ?? view.mergeAt(r, c);
      if (m)
        out.push(
          `${r - top},${c - area.left}:${covered ? 'c' : 'o'}${m.top - top},${m.left - area.left},${m.bottom - top},${m.right - area.left}`,
        );
      // A covered cell's own content too: a reader may keep one under a merge.
      if (covered && view.cell(r, c)) out.push(`!${JSON.stringify(view.cell(r, c))}`);
    }
  return out.join(';');
}

/** The block's hash, read off the view (no copy made unless the block is new). */
function hashOf(view: SheetView, area: Area, top: number, merges: string): number {
  let h = mix(mix(-2128831035, area.bottom - top), mix(area.right - area.left, area.top - top));
  for (let r = top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) h = hashCell(h, view.shown(r, c));
  return merges ? hashText(h, merges) : h;
}

/** Readings of blocks by what they show; owned by the engine (one per batch). */
export class ReadingMemo {
  private readonly byHash = new Map<number, Entry[]>();
  private kept = 0;

  /** The reading of the block: an earlier block's of the same content, else `read()`'s (kept). */
  readingOf(view: SheetView, area: Area, read: () => Reading | undefined): Reading | undefined {
    const top = Math.max(0, area.top - LINES_ABOVE);
    const height = area.bottom - top + 1;
    const width = area.right - area.left + 1;
    if (height * width > MAX_CELLS) return read();
    const merges = mergesOver(view, area, top);
    const hash = hashOf(view, area, top, merges);
    const list = this.byHash.get(hash);
    const hit = list?.find(
      (e) =>
        e.height === height &&
        e.width === width &&
        e.above === area.top - top &&
        e.merges === merges &&
        sameCells(e.cells, view, area, top),
    );
    if (hit) return hit.reading ?? undefined;
    const reading = read();
    if (this.kept + height * width <= MAX_KEPT) {
      this.kept += height * width;
      const cells = new Array<Cell | undefined>(height * width);
      let k = 0;
      for (let r = top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) cells[k++] = view.shown(r, c);
      const entry: Entry = {
        height,
        width,
        above: area.top - top,
        cells,
        merges,
        reading: reading ?? null,
      };
      if (list) list.push(entry);
      else this.byHash.set(hash, [entry]);
    }
    return reading;
  }
}

function sameCells(
  cells: Array<Cell | undefined>,
  view: SheetView,
  area: Area,
  top: number,
): boolean {
  let k = 0;
  for (let r = top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++)
      if (!sameCell(cells[k++], view.shown(r, c))) return false;
  return true;
}
