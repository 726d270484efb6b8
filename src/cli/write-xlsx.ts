// Writes a fill plan into a copy of the workbook: formulas with their computed results, or values.
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { FillPlan } from '../core';

export function applyPlan(book: ExcelJS.Workbook, plan: FillPlan): void {
  for (const w of plan.writes) {
    const ws = book.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.address);
    cell.value = w.formula ? ({ formula: w.formula.replace(/^=/, ''), result: w.value } as ExcelJS.CellValue) : w.value;
    if (w.numberFormat && (!cell.numFmt || /^general$/i.test(cell.numFmt))) cell.numFmt = w.numberFormat;
  }
}

/** Writes atomically: a temporary file beside the target, then a rename. */
export async function writeBookAtomically(book: ExcelJS.Workbook, out: string): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await book.xlsx.writeFile(tmp);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
