// Writes the «Проверка» sheet: one row per issue, every cell written as text.
import type { XlContext } from './xl-types';
import { colName } from '../core';

export const REPORT_SHEET = 'Проверка';

export type ReportSheetResult = { status: 'written'; rows: number } | { status: 'exists' };

/**
 * Creates the report sheet from `rows` (the first row is the header). When the sheet exists,
 * returns `exists` unless `replace` (the pane asks the user first).
 */
export async function writeReportSheet(
  ctx: XlContext,
  rows: string[][],
  opts: { replace?: boolean } = {},
): Promise<ReportSheetResult> {
  const sheets = ctx.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(REPORT_SHEET);
  existing.load('isNullObject');
  await ctx.sync();
  if (!existing.isNullObject && !opts.replace) return { status: 'exists' };
  if (!existing.isNullObject) existing.delete();
  const ws = sheets.add(REPORT_SHEET);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
  const range = ws.getRange(`A1:${colName(width - 1)}${Math.max(1, grid.length)}`);
  // Text format first: a message or label starting with '=' must never become a formula.
  range.numberFormat = grid.map((r) => r.map(() => '@'));
  range.values = grid;
  ws.getRange(`A1:${colName(width - 1)}1`).format.font.bold = true;
  range.format.autofitColumns();
  ws.activate();
  await ctx.sync();
  return { status: 'written', rows: grid.length - 1 };
}
