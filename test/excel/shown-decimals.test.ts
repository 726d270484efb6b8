// The add-in compares a figure at the decimals Excel displays: it reads each cell's displayed text.
// Читаемость 26,9 under `0.0#` (491 746 / 18 295 = 26,8787) raises no ratio-mismatch (issue 20).
import { checkWorkbook, type Sheet } from '../../src/core';
import { readWorkbook } from '../../src/excel/read-workbook';
import { modelFromSpecs, type SheetSpec } from '../excel-fake/build';
import { cleanTables, REL_CELL } from '../fixtures/scenarios-indicators';
import { setCells } from '../fixtures/variants';
import { sheetOfItems } from '../property/support';
import { ctxOf } from './helpers';

/** 4.3 and 4.5 on one sheet as the double holds it, Читаемость 2021 typed as `v` under `0.0#`. */
function spec(v: number): SheetSpec {
  const t = cleanTables();
  const rel = setCells(t.relative, [[...REL_CELL.reading(0), { v, numFmt: '0.0#' }]]);
  const sheet: Sheet = sheetOfItems('Показатели', [{ at: [0, 0], block: t.basic.block }, { at: [20, 0], block: rel.block }]);
  const rows = Array.from(sheet.rows, (r) => Array.from(r ?? [], (c) => (c ? { value: c.value, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) } : null)));
  const merges = sheet.merges.map((m) => `${String.fromCharCode(65 + m.left)}${m.top + 1}:${String.fromCharCode(65 + m.right)}${m.bottom + 1}`);
  return { name: 'Показатели', rows, merges };
}

async function ratioIssues(v: number): Promise<string[]> {
  const { workbook } = await readWorkbook(ctxOf(modelFromSpecs([spec(v)])));
  const cell = workbook.sheets[0].rows[22]?.[0];
  expect(cell).toMatchObject({ value: v, numberFormat: '0.0#' });
  return checkWorkbook(workbook)
    .issues.filter((i) => i.rule === 'ratio-mismatch')
    .map((i) => `${i.cells[0].address}=${i.expected}`);
}

test('26,9 shown under `0.0#`: no ratio-mismatch; 27,9 is found at one decimal, 26,86 at two', async () => {
  expect(await ratioIssues(26.9)).toEqual([]);
  expect(await ratioIssues(27.9)).toEqual(['A23=26.9']);
  expect(await ratioIssues(26.86)).toEqual(['A23=26.88']);
});

test('the displayed text the add-in reads is what Excel shows under `0.0#`', async () => {
  const { workbook } = await readWorkbook(ctxOf(modelFromSpecs([{ name: 'Лист1', rows: [[{ value: 26.9, numberFormat: '0.0#' }, { value: 26.88, numberFormat: '0.0#' }]] }])));
  expect(workbook.sheets[0].rows[0]?.map((c) => c?.text)).toEqual(['26,9', '26,88']);
});
