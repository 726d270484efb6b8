// Reading workbooks through the Excel double: sync counts, payload limits, cell conversion.
import { readWorkbook, parseAreas } from '../../src/excel/read-workbook';
import { cellAt } from '../../src/core/grid/grid';
import { ctxOf, fundSpec, manySheets, xlsxModel } from './helpers';
import { modelFromSpecs } from '../excel-fake/build';

describe('readWorkbook', () => {
  it('reads 40 sheets in three syncs: names, shapes with merges, contents', async () => {
    const model = manySheets(40);
    const ctx = ctxOf(model);
    const { workbook, notes } = await readWorkbook(ctx);
    expect(ctx.syncs).toHaveLength(3);
    expect(workbook.sheets).toHaveLength(40);
    expect(notes).toEqual([]);
    expect(ctx.syncs.every((s) => s.writes === 0)).toBe(true);
  });

  it('reads one sheet in three syncs as well', async () => {
    const ctx = ctxOf(manySheets(1));
    await readWorkbook(ctx);
    expect(ctx.syncs).toHaveLength(3);
  });

  it('keeps the used range origin, cached formula values, errors, formats and merges', async () => {
    const { workbook } = await readWorkbook(ctxOf(manySheets(3)));
    const fund = workbook.sheets[0];
    expect(fund.name).toBe('Фонды');
    expect(fund.origin).toEqual({ row: 0, col: 1 }); // the merge B1:F1 starts the used range
    // B3 is rows[2][0]
    expect(cellAt(fund, 2, 0)?.value).toBe('Показатели (2023)');
    expect(cellAt(fund, 4, 3)).toMatchObject({ value: '1060 ', text: '1060 ' });
    expect(cellAt(fund, 6, 1)).toBeUndefined(); // empty total at C7
    expect(cellAt(fund, 6, 3)).toMatchObject({ value: 7586, numberFormat: '#,##0' });
    expect(cellAt(fund, 6, 4)).toMatchObject({ formula: '=F4+F5-F6', value: 280 });
    expect(fund.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);

    const s1 = workbook.sheets[1];
    expect(s1.origin).toEqual({ row: 1, col: 0 }); // B2.. plus merge A21:B22 widens to A
    const err = s1.rows.flat().find((c) => c?.error);
    expect(err).toMatchObject({ error: '#DIV/0!', formula: '=1/0', value: null });
    const pct = s1.rows.flat().find((c) => c?.numberFormat === '0.0%');
    expect(pct).toMatchObject({ value: 0.5, text: '50,0%' });
  });

  it('splits the read into blocks under Excel on the web’s 5 MB limit', async () => {
    const rows = Array.from({ length: 30000 }, (_, i) => [`Библиотека № ${i}`, i, i * 2, 'примечание к строке', i / 7]);
    const model = modelFromSpecs([{ name: 'Большой', rows }, { name: 'Малый', rows: [[1, 2]] }]).useProfile('m365-web');
    const ctx = ctxOf(model);
    const { workbook } = await readWorkbook(ctx);
    expect(ctx.syncs.every((s) => !s.failed && s.responseBytes <= model.behaviour.payloadLimit)).toBe(true);
    expect(ctx.syncs.length).toBeGreaterThan(3);
    expect(workbook.sheets[0].rows).toHaveLength(30000);
    expect(cellAt(workbook.sheets[0], 29999, 1)?.value).toBe(29999);
    expect(cellAt(workbook.sheets[1], 0, 1)?.value).toBe(2);
  });

  it('reads a used range of six million cells stretched by formatting, where the values are', async () => {
    const model = modelFromSpecs([{ ...fundSpec, formatOnly: ['A1:J600000'] }]).useProfile('m365-web');
    const ctx = ctxOf(model);
    const { workbook, notes, details } = await readWorkbook(ctx);
    expect(notes).toEqual(['used-range-trimmed']);
    expect(details?.trimmed).toEqual([{ sheet: 'Фонды', used: 'A1:J600000', read: 'B3:F7' }]);
    const fund = workbook.sheets[0];
    expect(fund.origin).toEqual({ row: 2, col: 1 });
    expect(cellAt(fund, 4, 3)).toMatchObject({ value: 7586, numberFormat: '#,##0' });
    expect(fund.merges).toEqual([]); // B1:F1 lies outside the part read
    expect(ctx.syncs.every((s) => !s.failed)).toBe(true);
  });

  it.each(['error', 'null'] as const)('halves a block over the get limit (a limit %s, office-js#4783)', async (overLimit) => {
    const rows = Array.from({ length: 300 }, (_, i) => Array.from({ length: 10 }, (_, j) => i * 10 + j));
    const model = modelFromSpecs([{ name: 'Лист', rows }]);
    Object.assign(model.behaviour, { maxGetCells: 1000, overLimit });
    const { workbook } = await readWorkbook(ctxOf(model));
    expect(workbook.sheets[0].rows.map((r) => r?.[9]?.value)).toEqual(rows.map((r) => r[9]));
  });

  it('reads a sheet of long texts in blocks that shrink until they fit, then sizes them by what they measured', async () => {
    const long = (i: number) => `Описание мероприятия ${i}: `.padEnd(300, 'текст ');
    const rows = Array.from({ length: 3000 }, (_, i) => [long(i), long(i + 1), long(i + 2), i]);
    const model = modelFromSpecs([{ name: 'Тексты', rows }]).useProfile('m365-web');
    const ctx = ctxOf(model);
    const { workbook } = await readWorkbook(ctx);
    expect(workbook.sheets[0].rows).toHaveLength(3000);
    expect(cellAt(workbook.sheets[0], 2999, 0)?.value).toBe(long(2999));
    const ok = ctx.syncs.filter((s) => !s.failed);
    expect(ok.every((s) => s.responseBytes <= model.behaviour.payloadLimit)).toBe(true);
    // After the first block that fits, the rest are sized from it: no further refusals.
    const lastFail = ctx.syncs.map((s) => !!s.failed).lastIndexOf(true);
    expect(ctx.syncs.slice(lastFail + 2).every((s) => !s.failed)).toBe(true);
  });

  it('reads without merged areas when the host is older than ExcelApi 1.13', async () => {
    const model = manySheets(2);
    model.behaviour.excelApi = 12;
    const ctx = ctxOf(model);
    const { workbook, notes } = await readWorkbook(ctx, { supports: (m) => m <= 12 });
    expect(ctx.syncs).toHaveLength(3);
    expect(notes).toEqual(['merges-unsupported']);
    expect(workbook.sheets[0].merges).toEqual([]);
  });

  it('reads 600 merged areas in parts of at most 512', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:C${2 * i + 1}`);
    const model = modelFromSpecs([{ name: 'Шапки', rows: Array.from({ length: 1200 }, (_, i) => [`Строка ${i}`, null, null, i]), merges }, fundSpec]);
    model.useProfile('m365-web');
    const { workbook, notes } = await readWorkbook(ctxOf(model));
    expect(notes).toEqual([]);
    expect(workbook.sheets[0].merges).toHaveLength(600);
    expect(workbook.sheets[0].merges[599]).toEqual({ top: 1198, left: 0, bottom: 1198, right: 2 });
    expect(workbook.sheets[1].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
  });

  it('names the sheet whose merged areas could not be read at all', async () => {
    const model = manySheets(2);
    model.behaviour.maxMergedAreas = 0;
    const { notes, details, workbook } = await readWorkbook(ctxOf(model));
    expect(notes).toEqual(['merges-too-many']);
    expect(details?.mergesMissing).toEqual(['Фонды', 'Лист 1']);
    expect(workbook.sheets[0].rows.length).toBeGreaterThan(0);
  });

  it('reads text that looks like a formula as text', async () => {
    const model = modelFromSpecs([{ name: 'Лист', rows: [[{ value: '=1+1 не формула', numberFormat: '@' }, { f: '2+3' }]] }]);
    const { workbook } = await readWorkbook(ctxOf(model));
    expect(cellAt(workbook.sheets[0], 0, 0)).toEqual({ value: '=1+1 не формула', text: '=1+1 не формула', numberFormat: '@' });
    expect(cellAt(workbook.sheets[0], 0, 1)).toMatchObject({ value: 5, formula: '=2+3' });
  });

  it('reads an .xlsx loaded with exceljs: cached results, merges, formats, protection', async () => {
    const model = await xlsxModel(async (wb) => {
      const ws = wb.addWorksheet('Кадры');
      ws.getCell('C2').value = 'Численность';
      ws.mergeCells('C2:E2');
      ws.getCell('C3').value = 58;
      ws.getCell('D3').value = { formula: 'C3-1', result: 57 };
      ws.getCell('E3').value = 0.25;
      ws.getCell('E3').numFmt = '0.00';
      ws.getCell('C4').value = { error: '#REF!' };
      ws.getCell('D4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC000' } };
      await ws.protect('', {});
      wb.addWorksheet('Пусто');
    });
    expect(model.sheet('Кадры').protected).toBe(true);
    expect(model.sheet('Пусто').protected).toBe(false);
    expect(model.snapshot()['Кадры'].D4.fill).toEqual({ color: '#FFC000', pattern: 'Solid' });
    const { workbook } = await readWorkbook(ctxOf(model));
    const s = workbook.sheets[0];
    expect(s.origin).toEqual({ row: 1, col: 2 });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(cellAt(s, 1, 1)).toMatchObject({ value: 57, formula: '=C3-1' });
    expect(cellAt(s, 1, 2)).toMatchObject({ value: 0.25, text: '0,25', numberFormat: '0.00' });
    expect(cellAt(s, 2, 0)).toMatchObject({ error: '#REF!' });
    expect(workbook.sheets[1].rows.filter(Boolean)).toHaveLength(0);
  });
});

describe('parseAreas', () => {
  it('parses quoted sheet names with commas and apostrophes', () => {
    expect(parseAreas("'Мой, лист'!A1:B2, 'It''s'!$D$4", { row: 0, col: 0 })).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});
