// Blocks of a sheet whose box is mostly empty (a label in A1 and a stray cell at XFD1048576): found
// from the cells that exist, as runs of occupied columns per row, never from an array the size of the
// sheet's box (16 384 × 1 048 576 cells would not even be allocated).
import type { Area, Cell, Sheet } from './grid';

/** Runs of occupied cells, flat: run k spans columns left[k]..right[k] of row row[k]. */
interface Runs {
  row: number[];
  left: number[];
  right: number[];
}

/**
 * Connected groups of occupied cells (8-neighbourhood, merges' whole areas included), as bounding
 * boxes, single cells kept: the same boxes `findBlocks` takes from its per-cell arrays. Rows at or
 * below `height` are not read (merges there are ignored, as by the array path).
 */
export function sparseBoxes(sheet: Sheet, held: readonly number[], height: number, hasContent: (cell: Cell | undefined) => boolean): Area[] {
  const runs = occupiedRuns(sheet, held, height, hasContent);
  const n = runs.row.length;
  const parent = new Int32Array(n);
  for (let k = 0; k < n; k++) parent[k] = k;
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]];
    return k;
  };
  // Runs of one row are apart (coalesced), so only runs of the row just above can touch: one sweep.
  let prevStart = 0;
  let start = 0;
  while (start < n) {
    const r = runs.row[start];
    let end = start;
    while (end < n && runs.row[end] === r) end++;
    if (start > 0 && runs.row[start - 1] === r - 1) {
      let i = prevStart;
      let j = start;
      while (i < start && j < end) {
        // Diagonal neighbours touch: a header over a data column meets the first row label at a corner.
        if (runs.left[i] <= runs.right[j] + 1 && runs.left[j] <= runs.right[i] + 1) {
          const a = find(i);
          const b = find(j);
          if (a !== b) parent[a] = b;
        }
        if (runs.right[i] < runs.right[j]) i++;
        else j++;
      }
    }
    prevStart = start;
    start = end;
  }
  const boxOf = new Map<number, Area>();
  for (let k = 0; k < n; k++) {
    const root = find(k);
    const r = runs.row[k];
    const box = boxOf.get(root);
    if (!box) boxOf.set(root, { top: r, left: runs.left[k], bottom: r, right: runs.right[k] });
    else {
      if (r < box.top) box.top = r;
      if (r > box.bottom) box.bottom = r;
      if (runs.left[k] < box.left) box.left = runs.left[k];
      if (runs.right[k] > box.right) box.right = runs.right[k];
    }
  }
  return [...boxOf.values()];
}

/** Occupied runs of every row, rows ascending, runs of a row left to right and coalesced. */
function occupiedRuns(sheet: Sheet, held: readonly number[], height: number, hasContent: (cell: Cell | undefined) => boolean): Runs {
  // Merges by row: a merge's whole area is occupied (its top-left cell may be empty).
  const mergeRows = new Map<number, number[]>();
  for (const m of sheet.merges) {
    const left = Math.max(0, m.left);
    if (m.right < left) continue;
    for (let r = Math.max(0, m.top); r <= m.bottom && r < height; r++) {
      const list = mergeRows.get(r);
      if (list) list.push(left, m.right);
      else mergeRows.set(r, [left, m.right]);
    }
  }
  // The rows held and the rows merges reach, ascending.
  const order = mergeRows.size ? [...new Set([...held, ...mergeRows.keys()])].sort((a, b) => a - b) : held;
  const out: Runs = { row: [], left: [], right: [] };
  const pairs: number[] = [];
  const rows = sheet.rows;
  for (const r of order) {
    if (r >= height) break;
    const row = rows[r];
    const merged = mergeRows.get(r);
    pairs.length = 0;
    if (row) for (let c = 0; c < row.length; c++) if (hasContent(row[c])) pairs.push(c, c);
    if (merged) for (const x of merged) pairs.push(x);
    if (pairs.length) addRow(out, r, pairs, !merged);
  }
  return out;
}

/** Below this many rows a plain loop finds the rows held at once. */
const FEW_ROWS = 1 << 16;

/**
 * Indices of the rows a sheet holds, ascending, in time that follows them: a loop over a sparse array
 * of a million rows (a stray cell in row 1 048 576) costs 25 ms, while listing its keys costs nothing;
 * on a dense array the loop is 80 times faster than the keys. A sample tells the two apart.
 */
export function heldRows(rows: ReadonlyArray<unknown>): number[] {
  const n = rows.length;
  const out: number[] = [];
  let sparse = false;
  if (n > FEW_ROWS) {
    let hits = 0;
    for (let k = 0; k < 256; k++) if (rows[Math.floor((k * n) / 256)]) hits++;
    sparse = hits < 32;
  }
  if (sparse) {
    for (const key in rows) {
      const r = Number(key);
      if (Number.isInteger(r) && rows[r]) out.push(r);
    }
  } else for (let r = 0; r < n; r++) if (rows[r]) out.push(r);
  return out;
}

/** Adds a row's intervals (flat pairs) as coalesced runs: cells side by side make one run. */
function addRow(out: Runs, r: number, pairs: number[], sorted: boolean): void {
  // Cells come in column order; only a row with merges needs its intervals sorted.
  const order: number[] = [];
  for (let k = 0; k < pairs.length; k += 2) order.push(k);
  if (!sorted) order.sort((a, b) => pairs[a] - pairs[b]);
  let left = pairs[order[0]];
  let right = pairs[order[0] + 1];
  for (let i = 1; i < order.length; i++) {
    const l = pairs[order[i]];
    const rr = pairs[order[i] + 1];
    if (l <= right + 1) {
      if (rr > right) right = rr;
      continue;
    }
    out.row.push(r);
    out.left.push(left);
    out.right.push(right);
    left = l;
    right = rr;
  }
  out.row.push(r);
  out.left.push(left);
  out.right.push(right);
}
