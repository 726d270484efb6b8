// Layouts of tables to be filled in: a report template whose computed cells are all empty (5.4 or
// 4.5 with no indicator typed yet) has no numbers to lay it out by (layout.ts finds its data by
// them), and an empty total column with its `%` row's label in it reads as a column of labels.
// Recognition rests on the labels and the shape: these layouts read them without the numbers.
import type { Area } from '../grid/grid';
import { labelKey } from '../grid/labels';
import type { BlockLayout, Section } from './blocks';
import type { SheetView } from '../grid/sheet-view';
import { isPercentLabel } from '../recognize/match';

/**
 * A block without a number laid out by its shape: the columns occupied in its last row (and those
 * left of them) are its label columns, the others its data columns, empty below their headers; its
 * data rows are those below the last header cell. Undefined when no column is empty down there.
 */
export function templateLayout(view: SheetView, area: Area): BlockLayout | undefined {
  if (blankRow(view, area.bottom, area)) return valueRowsLayout(view, area);
  let right = -1;
  for (let c = area.left; c <= area.right; c++) if (view.occupied(area.bottom, c)) right = c;
  if (right < area.left || right >= area.right) return undefined;
  let dataTop = area.top;
  for (let c = right + 1; c <= area.right; c++)
    for (let r = area.bottom; r >= dataTop; r--)
      if (view.occupied(r, c)) {
        dataTop = r + 1;
        break;
      }
  if (dataTop <= area.top || dataTop > area.bottom) return undefined;
  const labelCols: number[] = [];
  const dataCols: number[] = [];
  for (let c = area.left; c <= area.right; c++) (c <= right ? labelCols : dataCols).push(c);
  const dataRows: number[] = [];
  const sectionOf = new Map<number, number>();
  for (let r = dataTop; r <= area.bottom; r++) {
    dataRows.push(r);
    sectionOf.set(r, 0);
  }
  return { area, dataTop, labelCols, yearCols: [], dataCols, dataRows, sections: [{ headerRows: [], rows: [...dataRows] }], sectionOf };
}

/** Whether a label column holds, in the data rows, nothing but `%` labels (at least one). */
function percentOnly(view: SheetView, L: BlockLayout, c: number): boolean {
  let percent = 0;
  for (const r of L.dataRows) {
    if (view.coveredBy(r, c)) continue;
    const t = view.text(r, c);
    if (t === undefined) {
      if (view.occupied(r, c)) return false;
      continue;
    }
    if (!isPercentLabel(labelKey(t))) return false;
    percent++;
  }
  return percent > 0;
}

/**
 * The layout with its label columns that hold nothing but `%` labels read as data columns: such a
 * column is an empty total with the `%` row's label written in it (recognition then reads that
 * label as the row's, `percentLabelColumn`). Undefined when no label column is one.
 */
export function withPercentColumnsAsData(view: SheetView, L: BlockLayout): BlockLayout | undefined {
  const moved = L.labelCols.filter((c) => percentOnly(view, L, c));
  if (!moved.length) return undefined;
  return { ...L, labelCols: L.labelCols.filter((c) => !moved.includes(c)), dataCols: [...moved, ...L.dataCols].sort((a, b) => a - b) };
}

/** Whether row `r` holds nothing in `area`'s columns. */
export function blankRow(view: SheetView, r: number, area: Area): boolean {
  for (let c = area.left; c <= area.right; c++) if (view.occupied(r, c)) return false;
  return true;
}

/**
 * A template whose values stand in rows of their own under rows of labels (4.5 as the seed prints
 * it: the years, `Читаемость | Посещаемость`, a row of values, `Обращаемость | …`, a row of values),
 * the value rows blank: every column is data, each run of label rows heads the blank rows under it
 * (as layout.ts lays the table out once its values are typed).
 */
function valueRowsLayout(view: SheetView, area: Area): BlockLayout | undefined {
  let dataTop = -1;
  const sections: Section[] = [];
  const sectionOf = new Map<number, number>();
  const dataRows: number[] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    if (!blankRow(view, r, area)) {
      if (dataTop < 0) continue;
      const last = sections[sections.length - 1];
      if (last.rows.length) sections.push({ headerRows: [r], rows: [] });
      else last.headerRows.push(r);
      continue;
    }
    if (dataTop < 0) {
      dataTop = r;
      sections.push({ headerRows: [], rows: [] });
    }
    sections[sections.length - 1].rows.push(r);
    sectionOf.set(r, sections.length - 1);
    dataRows.push(r);
  }
  if (dataTop <= area.top) return undefined;
  const dataCols: number[] = [];
  for (let c = area.left; c <= area.right; c++) dataCols.push(c);
  return { area, dataTop, labelCols: [], yearCols: [], dataCols, dataRows, sections, sectionOf };
}
