// Finds blocks of adjacent cells on a sheet and splits each into header rows, label columns and data.
import type { Area } from '../grid/grid';
import { labelKey } from '../grid/labels';
import { isPercentLabel } from '../recognize/match';
import { cellYear, parseYearText, type Num } from '../grid/numbers';
import { sparseBoxes } from '../grid/sparse-blocks';
import { hasContent, type SheetView } from '../grid/sheet-view';

/** Connected groups of occupied cells (8-neighbourhood, merges included), as bounding boxes. */
export function findBlocks(view: SheetView): Area[] {
  const { height: H, width: W } = view;
  if (H === 0 || W === 0) return [];
  const occ = view.occupancy();
  if (!occ) return mergeOverlapping(sparseBoxes(view.sheet, view.held, H, hasContent));
  const seen = new Uint8Array(H * W);
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
      // 8-neighbourhood: a header over the data column touches the first row label only at a corner.
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= H) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = c + dc;
          if (cc < 0 || cc >= W || (dr === 0 && dc === 0)) continue;
          const j = rr * W + cc;
          if (occ[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    boxes.push(box);
  }
  return mergeOverlapping(boxes);
}

function overlaps(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * Boxes merged while any two overlap. Swept top to bottom: a box is compared only with the boxes
 * kept so far that reach down to its top (linear on a sheet of thousands of tables, not quadratic).
 * The result does not depend on the order of merging: boxes only grow.
 */
export function mergeOverlapping(boxes: Area[]): Area[] {
  let changed = true;
  let out = boxes.filter((b) => b.bottom > b.top || b.right > b.left);
  while (changed) {
    changed = false;
    out.sort((a, b) => a.top - b.top);
    const next: Area[] = [];
    let active: Area[] = [];
    for (const b of out) {
      if (active.some((a) => a.bottom < b.top)) active = active.filter((a) => a.bottom >= b.top);
      const o = active.find((n) => overlaps(n, b));
      if (o) {
        o.top = Math.min(o.top, b.top);
        o.left = Math.min(o.left, b.left);
        o.bottom = Math.max(o.bottom, b.bottom);
        o.right = Math.max(o.right, b.right);
        changed = true;
      } else {
        const kept = { ...b };
        next.push(kept);
        active.push(kept);
      }
    }
    out = next;
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Cells of one row of a block that are origins (not covered by a merge) and occupied. */
function rowOrigins(view: SheetView, r: number, area: Area): number[] {
  const cols: number[] = [];
  for (let c = area.left; c <= area.right; c++) if (view.origin(r, c)) cols.push(c);
  return cols;
}

/** The column of the row's one cell within the area (a merge counts once), or -1 when it has none or several; no list made. */
function soleOrigin(view: SheetView, r: number, area: Area): number {
  let at = -1;
  for (let c = area.left; c <= area.right; c++)
    if (view.origin(r, c)) {
      if (at >= 0) return -1;
      at = c;
    }
  return at;
}

/** Whether a row of the area starts two cells or more (a merge counts once); no list made (every block asks). */
function anyWideRow(view: SheetView, area: Area): boolean {
  for (let r = area.top; r <= area.bottom; r++) {
    let n = 0;
    for (let c = area.left; c <= area.right; c++) if (view.origin(r, c) && ++n === 2) return true;
  }
  return false;
}

function isNumeric(n: Num): boolean {
  return n.kind === 'number' || n.kind === 'text-number' || n.kind === 'dash';
}

/** Column lines of recognition: a column under the headers of one section (`section * LINE + col`). */
export const LINE = 100_000;

/** A bulleted row label (`- в том числе`, `• детская`): recognize.ts nests it. */
export const BULLET = /^[·•\-–—*]/;

/** Text that starts like a number (`47\n(+1 совм.)`, `178817 (+44311)=223128`): a bad data cell, not a label. */
export function isNumberLike(n: Num): boolean {
  if (n.kind !== 'not-number' || !n.text) return false;
  const t = n.text.trim();
  return /^[+\-\u2212]?\s*\d/.test(t) && !/^\d{1,3}\s*[.)]?$/.test(t) && !SUB_NUMBER.test(t) && !NUMBERED_LABEL.test(t) && parseYearText(t) === undefined;
}

/** A row's number in a `№ п/п` column: `1.1.`, `2.3`, `1.2.1` (a date has a year of four digits). */
const SUB_NUMBER = /^\d{1,2}(\.\d{1,2})+\.?$/;

/**
 * A row label that starts with a small number and goes on in words without figures: `55 лет и
 * старше`, `1. Число посещений`; or a range of them: `7–10 лет`, `15-17 лет`.
 */
const NUMBERED_LABEL = /^\d{1,3}(?:[.,]\d{1,2})*[.)]?(?:\s*[–—-]\s*\d{1,3})?\s+[а-яёa-z][^0-9]*$/i;

/** Drops title and prose lines glued to a block: rows holding one text cell only. */
export function trimBlock(view: SheetView, area: Area): Area {
  const a = { ...area };
  if (a.right === a.left) return a;
  /** The leftmost occupied column of the rows below `r` (the table's own left edge). */
  const leftBelow = (r: number): number => {
    for (let c = a.left; c <= a.right; c++) for (let rr = r + 1; rr <= a.bottom; rr++) if (view.occupied(rr, c)) return c;
    return a.left;
  };
  const single = (r: number, long: boolean): boolean => {
    const cols = rowOrigins(view, r, a);
    if (cols.length !== 1) return false;
    // A title starts at or left of the table's edge; a lone header over a data column is a header.
    // A caption merged across the table is a row of the table (Word's tables have them); a title is not merged.
    const m = view.mergeAt(r, cols[0]);
    if (m && m.right > m.left) return false;
    if (!long && cols[0] > leftBelow(r)) return false;
    const n = view.num(r, cols[0]);
    if (!long && cellYear(view.cell(r, cols[0])) !== undefined) return true;
    if (n.kind !== 'not-number') return false;
    return !long || (n.text ?? '').length > 40;
  };
  // Title and prose lines glued on top: drop single-text rows while a wider row follows somewhere.
  const wide = anyWideRow(view, a);
  while (a.top < a.bottom && wide && single(a.top, false)) a.top++;
  while (a.bottom > a.top && single(a.bottom, true)) a.bottom--;
  // What the dropped lines reached beyond the table is not the table's.
  let left = a.right;
  let right = a.left;
  for (let r = a.top; r <= a.bottom; r++)
    for (let c = a.left; c <= a.right; c++)
      if (view.occupied(r, c)) {
        if (c < left) left = c;
        if (c > right) right = c;
      }
  if (left <= right) {
    a.left = left;
    a.right = right;
  }
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

/** Indentation of a row label: the cell's indent level, else its leading spaces. */
function indentOf(cell: { value: unknown; indent?: number } | undefined): number {
  if (!cell) return 0;
  if (cell.indent) return cell.indent * 4;
  const v = typeof cell.value === 'string' ? cell.value : '';
  // Most labels start with a letter: no match to make.
  const first = v.charCodeAt(0);
  if (v === '' || (first > 32 && first !== 0xa0 && first < 0x1680)) return 0;
  const m = /^[\s\u00a0]*/.exec(v);
  return m ? m[0].replace(/\n/g, '').length : 0;
}

/** The indentation recognition reads of data row `r` (recognize.ts buildPaths): its first label's. */
export function rowIndentOf(view: SheetView, L: BlockLayout, r: number): number {
  // The row's label, not its number in a `№ п/п` column before it (`1.1.` is never indented).
  for (const c of L.labelCols) {
    const t = view.text(r, c);
    if (t !== undefined && !isRowNumber(t)) return indentOf(view.shown(r, c));
  }
  return 0;
}

/** A label cell that only numbers its row: `1.`, `1.1.`, `2)`. */
export function isRowNumber(t: string): boolean {
  return /^\d{1,3}([.)]\d{1,2})*[.)]?$/.test(t);
}

/** Whether data row `r` holds a number (a real one, a number text or a dash) in a data column. */
export function rowHoldsNumber(view: SheetView, L: BlockLayout, r: number): boolean {
  return L.dataCols.some((c) => isNumeric(view.num(r, c)));
}

/** The data column of row `r` whose text is a `%` label: a row without a label may carry it in its first data cell. */
export function percentLabelColumn(view: SheetView, L: BlockLayout, r: number): number | undefined {
  const c0 = L.dataCols.find((c) => view.occupied(r, c));
  const t = c0 === undefined ? undefined : view.text(r, c0);
  return t !== undefined && isPercentLabel(labelKey(t)) ? c0 : undefined;
}

/** `allData`: read every column as data (a stray word in a table's only data row is not a row label). */
/**
 * Per view, the blocks laid out (not `allData`), by area: recognition lays a block out, then again
 * when it holds no table, the block cache once more for its facts, and the table layer when it
 * reads a known table a second time. A pure memo: a layout is never changed once made, and a view
 * (one sheet of one analysis) is never changed either.
 */
const laidOut = new WeakMap<SheetView, Map<string, BlockLayout | undefined>>();

export function layoutBlock(view: SheetView, area: Area, allData = false): BlockLayout | undefined {
  if (allData) return layOut(view, area, true);
  let memo = laidOut.get(view);
  if (!memo) laidOut.set(view, (memo = new Map()));
  const key = `${area.top},${area.left},${area.bottom},${area.right}`;
  if (memo.has(key)) return memo.get(key);
  const L = layOut(view, area, false);
  memo.set(key, L);
  return L;
}

function layOut(view: SheetView, area: Area, allData: boolean): BlockLayout | undefined {
  let dataTop = firstDataRow(view, area);
  if (dataTop < 0) return undefined;
  const { labelCols, yearCols, dataCols } = columnRoles(view, area, dataTop, allData);
  // Rows above the first numbers that are labelled but empty (an end-of-year row to fill) are data rows.
  while (dataTop > area.top && labelCols.length) {
    const r = dataTop - 1;
    const labelled = labelCols.some((c) => !view.coveredBy(r, c) && view.text(r, c) !== undefined);
    const emptyData = dataCols.every((c) => !view.occupied(r, c));
    const headerAbove = r > area.top && (dataCols.some((c) => view.occupied(r - 1, c)) || labelCols.some((c) => view.occupied(r - 1, c)));
    if (!labelled || !emptyData || !headerAbove) break;
    dataTop = r;
  }
  const { sections, sectionOf, dataRows } = sectionsOf(view, area, dataTop, dataCols);
  return { area, dataTop, labelCols, yearCols, dataCols, dataRows, sections, sectionOf };
}

/** The first row holding a number that is no year header (−1: none). */
function firstDataRow(view: SheetView, area: Area): number {
  // A column has one year header at most: a year-like count below it is data (1990 items withdrawn).
  const yearColumns = new Set<number>();
  for (let r = area.top; r <= area.bottom; r++) {
    const cols = rowOrigins(view, r, area);
    const hasNum = cols.some((c) => isNumeric(view.num(r, c)));
    const yearRow = isYearRow(view, r, area) && r < area.bottom && !cols.some((c) => yearColumns.has(c) && isNumeric(view.num(r, c)));
    if (((hasNum && !yearRow) || numberedRow(view, r, cols)) && !columnNumbersRow(view, r, cols)) return r;
    for (const c of cols) if (cellYear(view.cell(r, c)) !== undefined) yearColumns.add(c);
  }
  return -1;
}

/**
 * The columns' numbers under a header (`1 | 2 | 3 | … | 8`, as statistical forms print them): every
 * cell of the row a number, 1 in the first and each next one more. A header row, not figures.
 */
export function columnNumbersRow(view: SheetView, r: number, cols: number[]): boolean {
  if (cols.length < 3) return false;
  for (let k = 0; k < cols.length; k++) {
    const n = view.num(r, cols[k]);
    if ((n.kind !== 'number' && n.kind !== 'text-number') || n.value !== k + 1) return false;
  }
  return true;
}

/** A row number (`1.`, `2.1.`) in the first cell, a label after it: a row of the table, figures or not. */
const ROW_NUMBER = /^\d{1,2}(\.\d{1,2})*\.$/;

/** Whether row `r` is numbered as a table's rows are (a total still to fill is a row, not a header). */
function numberedRow(view: SheetView, r: number, cols: number[]): boolean {
  if (cols.length < 2) return false;
  const first = view.num(r, cols[0]);
  const next = view.num(r, cols[1]);
  return first.kind === 'not-number' && ROW_NUMBER.test(first.text ?? '') && next.kind === 'not-number' && !ROW_NUMBER.test(next.text ?? '');
}

/** Which columns, from `dataTop` down, hold row labels, years (one per row) or data. */
function columnRoles(view: SheetView, area: Area, dataTop: number, allData: boolean): { labelCols: number[]; yearCols: number[]; dataCols: number[] } {
  const labelCols: number[] = [];
  const yearCols: number[] = [];
  const dataCols: number[] = [];
  for (let c = area.left; c <= area.right; c++) {
    let numeric = 0;
    let years = 0;
    // Years written as text (`2022 г.`, `2023г`) down a `Год` column label its rows as numbers do.
    let yearTexts = 0;
    const texts = new Set<string>();
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
      else if (n.kind === 'not-number') {
        if (parseYearText(n.text ?? '') !== undefined) yearTexts++;
        // Whether a column has no, one or several texts is all that is asked: stop at two.
        if (texts.size < 2) texts.add(n.text ?? '');
      }
    }
    // Row labels: text-only columns on the left, or further right when they name several rows
    // (library names after a № column); one stray word in a data row is a bad cell, not a label.
    if (!allData && numeric === 0 && texts.size > 0 && (dataCols.length === 0 || texts.size >= 2)) labelCols.push(c);
    else if (numeric >= 1 && years === numeric && years + yearTexts >= 2 && dataCols.length === 0) yearCols.push(c);
    else dataCols.push(c);
  }
  return { labelCols, yearCols, dataCols };
}

/** The data rows, cut into sections where a row of texts only heads the columns again. */
function sectionsOf(view: SheetView, area: Area, dataTop: number, dataCols: number[]): Pick<BlockLayout, 'sections' | 'sectionOf' | 'dataRows'> {
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
  return { sections, sectionOf, dataRows };
}

/** Rows that hold one long text only (a prose paragraph), where a block should be cut in two. */
export function splitAtProse(view: SheetView, area: Area): Area[] {
  const out: Area[] = [];
  let top = area.top;
  for (let r = area.top; r <= area.bottom; r++) {
    const c = soleOrigin(view, r, area);
    const merged = c >= 0 && (view.mergeAt(r, c)?.right ?? c) > c;
    const prose = c >= 0 && !merged && view.num(r, c).kind === 'not-number' && (view.num(r, c).text ?? '').trim().length > 50;
    if (!prose || area.right === area.left) continue;
    if (r > top) out.push({ ...area, top, bottom: r - 1 });
    top = r + 1;
  }
  if (top <= area.bottom) out.push({ ...area, top });
  return out;
}

/** The texts of the few lines just above a block (its title, a caption). */
export function textsAbove(view: SheetView, area: Area, lines = 3): string[] {
  const out: string[] = [];
  for (let r = area.top - 1; r >= Math.max(0, area.top - lines); r--)
    for (let c = area.left; c <= area.right; c++) {
      const t = view.text(r, c);
      if (t !== undefined) out.push(t);
    }
  return out;
}

/** A title ending with a year: `Показатели на 2023 год`. */
export const YEAR_AT_END = /(?:^|\D)((?:19|20)\d\d)\s*(?:г\.?|год)?\s*\.?$/;

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
      const m = t.length <= 40 ? YEAR_AT_END.exec(t) : null;
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}
