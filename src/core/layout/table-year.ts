// The year a table states for itself, when its headers name none: in its corner cell, or on a
// title line just above it (5.1.1 prints one table per year, under its year or with the year in
// its corner). Tables of one kind, one per year, are told apart by it (relations, links).
import type { Area, Cell } from '../grid/grid';
import type { SheetView } from '../grid/sheet-view';
import { cellYear } from '../grid/numbers';

/** Lines above a table read for its year: those the block signature signs (block-signature.ts LINES_ABOVE). */
export const TITLE_LINES = 3;

/** A longer text above a table is prose, whose years are not the table's. */
const TITLE_LENGTH = 80;

/** A year, alone or closing a date (`31.12.2023`, `01.01.2024`), not part of a longer number. */
const YEAR = /(?<![\d.,])(?:(\d\d?)\.(\d\d?)\.)?((?:19|20)\d\d)(?!\d)(?![.,]\d)/g;

/**
 * The one year a text states: `Показатели (2023)`, `за 2023 год`, `2023 г.`; `на 01.01.2024` (the
 * state at the start of a year) is that of the year that ended, 2023. None when it names two years
 * (`2021–2023`, `2023 год к 2022`).
 */
export function statedYear(text: string): number | undefined {
  let year: number | undefined;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    const newYear = m[1] !== undefined && Number(m[1]) === 1 && Number(m[2]) === 1;
    const y = Number(m[3]) - (newYear ? 1 : 0);
    if (year !== undefined && year !== y) return undefined;
    year = y;
  }
  return year;
}

/** The year a cell of a table's corner states: a year number, or the one year of its text. */
export function cornerYear(cell: Cell | undefined): number | undefined {
  if (!cell) return undefined;
  if (typeof cell.value === 'string') return statedYear(cell.value);
  return cellYear(cell);
}

/** The year a title line's text states: a year (`2023 г.`), or the one year of a short title. */
export function titleTextYear(text: string): number | undefined {
  const t = text.trim();
  if (t === '' || t.length > TITLE_LENGTH) return undefined;
  return statedYear(t);
}

/**
 * The year stated on the nearest title line above `area` that states one: a line with one cell
 * (or one merge) over the table's columns. A line of several cells is another table's row, and
 * what is above it is that table's: the search stops there.
 */
export function yearAbove(view: SheetView, area: Area): number | undefined {
  for (let r = area.top - 1; r >= Math.max(0, area.top - TITLE_LINES); r--) {
    let origin: Cell | undefined;
    let count = 0;
    let lastMerge: Area | undefined;
    for (let c = area.left; c <= area.right && count < 2; c++) {
      const m = view.coveredBy(r, c) ?? view.mergeAt(r, c);
      if (m) {
        if (m === lastMerge) continue;
        lastMerge = m;
        count++;
        origin = view.cell(m.top, m.left);
      } else if (view.occupied(r, c)) {
        count++;
        origin = view.cell(r, c);
      }
    }
    if (count > 1) return undefined;
    if (count === 0 || !origin) continue;
    const y = typeof origin.value === 'string' ? titleTextYear(origin.value) : cellYear(origin);
    if (y !== undefined) return y;
  }
  return undefined;
}
