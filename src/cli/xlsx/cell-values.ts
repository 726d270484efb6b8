// Values as exceljs holds them, and parseXlsx's conversion of them (toCell).
import type { Cell } from '../../core';
import { isPercentFormat } from '../../core';
import { dateText } from '../dates';
import { unsupported } from './unsupported';

type ErrorValue = { error: string };
/** A cell value as exceljs ends up with it: richText values are kept joined, with `rich` set. */
export type XValue = number | string | boolean | Date | ErrorValue | undefined;

export function excelToDate(v: unknown, date1904: boolean): Date {
  // exceljs's utils.excelToDate, applied to whatever the result is (a string or boolean too).
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** parseXlsx's toCell for a plain (non-formula) value. */
export function plainCell(v: XValue, numFmt: string | undefined): Cell {
  let cell: Cell;
  if (v instanceof Date) cell = { value: dateText(v) };
  else if (typeof v === 'object') cell = { value: null, error: String(v.error) };
  else cell = { value: v as number | string | boolean };
  if (numFmt) cell.numberFormat = numFmt;
  return cell;
}

/** A hyperlinked cell: exceljs replaces its value by `{ text, hyperlink }`, which parseXlsx turns into String(text). */
export function hyperlinkCell(text: XValue, rich: boolean, numFmt: string | undefined): Cell | undefined {
  // A link without text (an emptied cell, a formula without result): parseXlsx leaves the cell empty.
  if (text === undefined) return undefined;
  // Texts that would come out as "[object Object]" or a local-time date string are left to exceljs.
  if (rich || typeof text === 'object') unsupported('hyperlink on a rich-text, error or date cell');
  const cell: Cell = { value: String(text) };
  if (numFmt) cell.numberFormat = numFmt;
  return cell;
}

/**
 * An empty cell kept for its percent format (as the add-in reads it): a share filled there is
 * written as a fraction, not ×100.
 */
export function emptyFormattedCell(numFmt: string | undefined): Cell | undefined {
  return numFmt && isPercentFormat(numFmt) ? { value: null, numberFormat: numFmt } : undefined;
}
