// Takes the user to an issue's cells: activates the sheet of the first cell, then selects.
import type { CellRef } from './cell-state';
import type { Supports, XlContext } from './xl-types';

/**
 * Selects the cells of `cells` that are on the first cell's sheet: all of them at once where
 * the host has RangeAreas (ExcelApi 1.9), else the first (primary) cell. One sync.
 */
export async function selectCells(ctx: XlContext, cells: CellRef[], supports: Supports = () => true): Promise<void> {
  if (cells.length === 0) return;
  const sheetName = cells[0].sheet;
  const ws = ctx.workbook.worksheets.getItem(sheetName);
  ws.activate();
  const onSheet = [...new Set(cells.filter((c) => c.sheet === sheetName).map((c) => c.address))];
  if (onSheet.length > 1 && supports(9)) ws.getRanges(onSheet.join(', ')).select();
  else ws.getRange(onSheet[0]).select();
  await ctx.sync();
}
