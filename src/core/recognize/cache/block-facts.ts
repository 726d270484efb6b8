// What recognition reads of a block's figures (numbers and empty cells among the data), as numbers.
// Two blocks whose signatures agree once figures and empty cells are one class (`Signer` in loose
// mode) recognize alike when these facts agree too: see block-cache.ts.
import type { Area } from '../../grid/grid';
import { layoutBlock, percentLabelColumn, rowHoldsNumber, rowIndentOf, type BlockLayout } from '../../layout/blocks';
import type { SheetView } from '../../grid/sheet-view';
import { templateLayout, withPercentColumnsAsData } from '../../layout/template-layout';

/**
 * The facts, relative to the block's corner: its layout (header rows, label, year and data
 * columns, data rows, sections), and per data row whether it holds a number (an unknown row of an
 * open list needs one) and the data cell that carries its `%` label, if any. Recognition lays a
 * block out in more ways than one (recognize.ts foundInBlock, bestOfArea): a block of several sections
 * also section by section, one of one data row also with every column read as data (its texts may
 * be bad cells rather than labels). The facts hold each of those layouts.
 */
export function blockFacts(view: SheetView, area: Area, marks?: MarkId): Int32Array | undefined {
  const out: number[] = [];
  const L = layoutFacts(view, area, marks, out);
  if (L && L.sections.length > 1) {
    L.sections.forEach((sec, i) => {
      const top = i === 0 ? area.top : sec.headerRows[0];
      const rows = sec.rows.length ? sec.rows : sec.headerRows;
      out.push(-2, top - area.top, rows[rows.length - 1] - area.top);
      // A section laid out on its own: as foundInBlock reads it (its sections are not split again).
      layoutFacts(view, { ...area, top, bottom: rows[rows.length - 1] }, marks, out);
    });
  }
  return Int32Array.from(out);
}

/** One area's layout facts (and those of its every-column-data layout, for one data row), onto `out`. */
function layoutFacts(view: SheetView, area: Area, marks: MarkId | undefined, out: number[]): BlockLayout | undefined {
  const L = layoutBlock(view, area);
  if (!L) {
    out.push(-1);
    // A table to be filled in, laid out by its shape (template-layout.ts).
    const T = templateLayout(view, area);
    if (T) pushLayout(view, area, T, marks, out);
    return undefined;
  }
  pushLayout(view, area, L, marks, out);
  // Its `%`-label columns read as data (recognize.ts bestOfArea), when it has any.
  const P = withPercentColumnsAsData(view, L);
  out.push(-4);
  if (P) pushLayout(view, area, P, marks, out);
  if (L.labelCols.length && L.dataRows.length === 1) {
    const all = layoutBlock(view, area, true);
    out.push(-3);
    if (all) pushLayout(view, area, all, marks, out);
    else out.push(-1);
  }
  return L;
}

function pushLayout(view: SheetView, area: Area, L: BlockLayout, marks: MarkId | undefined, out: number[]): void {
  const { top, left } = area;
  out.push(L.dataTop - top, L.labelCols.length, L.yearCols.length, L.dataCols.length, L.dataRows.length, L.sections.length);
  for (const c of L.labelCols) out.push(c - left);
  for (const c of L.yearCols) out.push(c - left);
  for (const c of L.dataCols) out.push(c - left);
  for (const sec of L.sections) out.push(sec.headerRows.length ? sec.headerRows[0] - top : -1, sec.headerRows.length, sec.rows.length);
  // Read with recognition's own functions (addOpenMembers, buildPaths).
  for (const r of L.dataRows) {
    const unlabelled = !L.labelCols.some((c) => view.text(r, c) !== undefined);
    const c0 = unlabelled ? percentLabelColumn(view, L, r) : undefined;
    // Its indentation too: the loose signature folds a label's leading spaces away (Signer.foldOf).
    out.push(r - top, rowHoldsNumber(view, L, r) ? 1 : 0, c0 === undefined ? 0 : c0 - left + 1, rowIndentOf(view, L, r));
  }
  if (marks) marksOutsideData(view, area, L, marks, out);
}

/**
 * The marks the loose signature signed as figures (plain cells, neither merged nor formulas) that
 * lie outside the data cells, with their texts: there recognition reads them as texts (`№` over a
 * column, `чел.` in a header), so two blocks agree only when those are the same. In a data cell
 * recognition reads of a mark only that it is no number: those are left out.
 */
function marksOutsideData(view: SheetView, area: Area, L: BlockLayout, marks: MarkId, out: number[]): void {
  const rows = new Set(L.dataRows);
  const cols = new Set(L.dataCols);
  for (let r = area.top; r <= area.bottom; r++) {
    const row = view.sheet.rows[r];
    if (!row) continue;
    for (let c = area.left; c <= area.right && c < row.length; c++) {
      const cell = row[c];
      if (!cell || typeof cell.value !== 'string' || cell.formula || cell.error || cell.noResult) continue;
      if ((rows.has(r) && cols.has(c)) || view.coveredBy(r, c) || view.mergeAt(r, c)) continue;
      const id = marks.markId(cell.value);
      // A folded mark's number may stand for texts written otherwise (Signer.foldOf): which texts
      // of the block it equals, as written and trimmed, is a fact too.
      if (id >= 0) out.push(r - area.top, c - area.left, id, marks.writtenOrder, marks.trimmedOrder);
    }
  }
}

/** A mark's text as a number, or −1 for a text that is no mark, with its place among the block's texts (Signer.markId). */
export interface MarkId {
  markId(text: string): number;
  writtenOrder: number;
  trimmedOrder: number;
}

export function sameFacts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
