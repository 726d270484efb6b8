// Writes the «Проверка» sheet: one row per issue, every cell written as text.
import type { XlContext, XlWorksheet } from './xl-types';
import { colName } from '../core';
import { inChunks, requestCost } from './batch';

export const REPORT_SHEET = 'Проверка';

export type ReportSheetResult =
  /**
   * `hidden`: the sheet exists but is hidden, so it was written and not shown. `undo` (set by
   * the host): one Ctrl+Z undoes it all (an undo group, ExcelApi 1.20), or one per sync.
   */
  | { status: 'written'; rows: number; hidden?: boolean; undo?: 'whole' | 'steps' }
  | { status: 'exists' }
  | { status: 'protected' };

/** One row in a request: its range path, two sets (format and values) and their grids. */
const rowCost = (r: { cells: string[] }) => requestCost(1, 2, [r.cells, r.cells.map(() => '@')]);

/**
 * Creates the report sheet from `rows` (the first row is the header). When the sheet exists,
 * returns `exists` unless `replace` (the pane asks the user first); then its contents are cleared
 * and written again rather than the sheet deleted: `Worksheet.delete` has no undo on any platform
 * (it throws UndoNotSupported in an undo group and clears the user's undo stack outside one),
 * while clearing and writing cells are undone like any edit (Undo capabilities, Unsupported APIs).
 * Rows go in syncs sized to Excel on the web's 5 MB request limit.
 */
export async function writeReportSheet(
  ctx: XlContext,
  rows: string[][],
  opts: { replace?: boolean } = {},
): Promise<ReportSheetResult> {
  const sheets = ctx.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(REPORT_SHEET);
  existing.load(['isNullObject', 'visibility']);
  await ctx.sync();
  const found = !existing.isNullObject;
  if (found && !opts.replace) return { status: 'exists' };
  if (found && (await isProtected(ctx, existing))) return { status: 'protected' };
  const hidden = found && existing.visibility !== 'Visible';

  const width = Math.max(1, ...rows.map((r) => r.length));
  const grid = rows.length ? rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? '')) : [Array.from({ length: width }, () => '')];
  const right = colName(width - 1);
  let prepared = false;
  await inChunks(ctx, grid.map((cells, i) => ({ cells, i })), rowCost, (chunk) => {
    // Clearing or adding the sheet goes with the first batch the host accepts.
    const first = !prepared;
    if (first && found) existing.getUsedRange().clear();
    if (first && !found) sheets.add(REPORT_SHEET);
    const range = sheets.getItem(REPORT_SHEET).getRange(`A${chunk[0].i + 1}:${right}${chunk[chunk.length - 1].i + 1}`);
    // Text format first: a message or label starting with '=', '+' or '-' must never become a
    // formula (Range.values: such strings are taken as formulas), nor `12,5` a number.
    range.numberFormat = chunk.map((r) => r.cells.map(() => '@'));
    range.values = chunk.map((r) => r.cells);
    return () => {
      prepared = true;
      return [];
    };
  });
  const ws = sheets.getItem(REPORT_SHEET);
  ws.getRange(`A1:${right}1`).format.font.bold = true;
  ws.getRange(`A1:${right}${grid.length}`).format.autofitColumns();
  // A hidden sheet cannot be shown without changing its visibility, which Excel cannot undo.
  if (!hidden) ws.activate();
  await ctx.sync();
  return { status: 'written', rows: grid.length - 1, ...(hidden ? { hidden } : {}) };
}

async function isProtected(ctx: XlContext, ws: XlWorksheet): Promise<boolean> {
  ws.protection.load('protected');
  await ctx.sync();
  return ws.protection.protected;
}
