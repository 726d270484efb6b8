// Both sides of a comparison, and how a cell of either workbook is named.
import { address } from '../grid/grid';
import type { CellRef } from '../report/issue';
import type { TableModel } from '../tables/table';
import type { TableFigures } from './figures';

/** What both sides of a comparison need: the two books' figures, their years, the other file's name. */
export interface Sides {
  last: TableFigures[];
  cur: TableFigures[];
  lastYear: number;
  curYear: number;
  file: string;
}

/** A cell of last year's workbook, with its file. */
export function lastRef(s: Sides, t: TableModel, row: number, col: number): CellRef {
  return { file: s.file, sheet: t.sheet.name, address: address(t.sheet, row, col) };
}

export function thisRef(t: TableModel, row: number, col: number): CellRef {
  return { sheet: t.sheet.name, address: address(t.sheet, row, col) };
}

/** `файл: Лист!C5`, how a message names a cell of last year's workbook. */
export function otherCell(c: CellRef): string {
  return `${c.file ?? ''}: ${c.sheet}!${c.address}`;
}

