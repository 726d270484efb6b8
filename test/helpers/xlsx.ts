// Builds a scenario's workbook with exceljs and reads it back through the CLI's reader, as a user's file would be.
import { parseXlsx } from '../../src/cli/read-xlsx';
import type { Workbook } from '../../src/core';
import { buildXlsx, type SheetSpec } from '../fixtures/xlsx-builder';

export async function workbookFromSpec(sheets: SheetSpec[]): Promise<Workbook> {
  return parseXlsx(await buildXlsx(sheets));
}

/** `rule@Sheet!A1` projections, for comparing issues without their prose. */
export function project(issues: Array<{ rule: string; cells: Array<{ sheet: string; address: string }>; expected?: number }>, withExpected = true): string[] {
  return issues.map((i) => `${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}${withExpected && i.expected !== undefined ? `=${round(i.expected)}` : ''}`).sort();
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
