// Takes the user to an issue's cells: activates the sheet of the first cell, then selects.
import type { CellRef } from './cell-state';
import type { Supports, XlContext } from './xl-types';

export type SelectResult = { ok: true } | { ok: false; reason: 'hidden'; sheet: string; veryHidden: boolean };

/**
 * Selects the cells of `cells` that are on the first cell's sheet: all of them at once where the
 * host can select RangeAreas (`RangeAreas.select` is ExcelApi 1.18, `getRanges` 1.9), else the
 * first (primary) cell. A hidden sheet cannot be shown, so it is reported, not activated. Two syncs.
 */
export async function selectCells(ctx: XlContext, cells: CellRef[], supports: Supports = () => true): Promise<SelectResult> {
  if (cells.length === 0) return { ok: true };
  const sheetName = cells[0].sheet;
  const ws = ctx.workbook.worksheets.getItem(sheetName);
  ws.load('visibility');
  await ctx.sync();
  if (ws.visibility !== 'Visible') return { ok: false, reason: 'hidden', sheet: sheetName, veryHidden: ws.visibility === 'VeryHidden' };
  ws.activate();
  const onSheet = [...new Set(cells.filter((c) => c.sheet === sheetName).map((c) => c.address))];
  if (onSheet.length > 1 && supports(18)) ws.getRanges(onSheet.join(', ')).select();
  else ws.getRange(onSheet[0]).select();
  await ctx.sync();
  return { ok: true };
}
