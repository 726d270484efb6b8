// The reader keeps what exceljs loses: a cached formula result of 0, merged cells read once.
import ExcelJS from 'exceljs';
import { parseXlsx } from '../../src/cli/read-xlsx';
import { parseXlsxFast } from '../../src/cli/xlsx';

test('a formula whose cached result is 0 reads as 0, one without a result as no result', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист');
  ws.getCell('A1').value = 5;
  ws.getCell('A2').value = { formula: 'A1-A1', result: 0 } as ExcelJS.CellValue;
  ws.getCell('A3').value = { formula: 'A1*2' } as ExcelJS.CellValue;
  ws.getCell('A4').value = { formula: 'A1+1', result: 6 } as ExcelJS.CellValue;
  ws.mergeCells('B1:C2');
  ws.getCell('B1').value = 'Объем фонда';
  const book = await parseXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
  const rows = book.sheets[0].rows;
  expect(rows[1]?.[0]).toMatchObject({ value: 0, formula: '=A1-A1' });
  expect(rows[1]?.[0]?.noResult).toBeUndefined();
  expect(rows[2]?.[0]).toMatchObject({ formula: '=A1*2', noResult: true });
  expect(rows[3]?.[0]).toMatchObject({ value: 6, formula: '=A1+1' });
  expect(rows[0]?.[1]?.value).toBe('Объем фонда');
  expect(rows[0]?.[2]).toBeUndefined();
  expect(book.sheets[0].merges).toEqual([{ top: 0, left: 1, bottom: 1, right: 2 }]);
});

test('an empty cell with a percent format is kept with its format by both readers; other empty styled cells are not', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист');
  ws.getCell('A1').value = 'Доля, %';
  ws.getCell('B1').value = 12;
  ws.getCell('C1').numFmt = '0.0%';
  ws.getCell('D1').numFmt = '0.00';
  // A row of empty percent cells only (a share row still to be filled).
  ws.getCell('B3').numFmt = '0%';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  for (const book of [await parseXlsx(buf), parseXlsxFast(buf)]) {
    const rows = book.sheets[0].rows;
    expect(rows[0]?.[2]).toEqual({ value: null, numberFormat: '0.0%' });
    expect(rows[0]?.[3]).toBeUndefined();
    expect(rows[2]?.[1]).toEqual({ value: null, numberFormat: '0%' });
  }
});
