// Reading workbooks through the Excel double: sync counts, payload limits, cell conversion.
import { readWorkbook, parseAreas } from '../../src/excel/read-workbook';
import { cellAt } from '../../src/core/grid';
import { ctxOf, manySheets, xlsxModel } from './helpers';
import { modelFromSpecs } from '../excel-fake/build';

describe('readWorkbook', () => {
  it('reads 40 sheets in exactly two syncs', async () => {
    const model = manySheets(40);
    const ctx = ctxOf(model);
    const { workbook, notes } = await readWorkbook(ctx);
    expect(ctx.syncs).toHaveLength(2);
    expect(workbook.sheets).toHaveLength(40);
    expect(notes).toEqual([]);
    expect(ctx.syncs.every((s) => s.writes === 0)).toBe(true);
  });

  it('reads one sheet in two syncs as well', async () => {
    const ctx = ctxOf(manySheets(1));
    await readWorkbook(ctx);
    expect(ctx.syncs).toHaveLength(2);
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
    const model = modelFromSpecs([{ name: 'Большой', rows }, { name: 'Малый', rows: [[1, 2]] }]);
    model.behaviour.payloadLimit = 5 * 1024 * 1024;
    const ctx = ctxOf(model);
    const { workbook } = await readWorkbook(ctx);
    expect(ctx.syncs[1].failed).toBe('ResponsePayloadSizeLimitExceeded');
    const ok = ctx.syncs.filter((s) => !s.failed);
    expect(ok.every((s) => s.responseBytes <= model.behaviour.payloadLimit)).toBe(true);
    expect(ctx.syncs.length).toBeGreaterThan(3);
    expect(workbook.sheets[0].rows).toHaveLength(30000);
    expect(cellAt(workbook.sheets[0], 29999, 1)?.value).toBe(29999);
    expect(cellAt(workbook.sheets[1], 0, 1)?.value).toBe(2);
  });

  it('reads without merged areas when the host is older than ExcelApi 1.13', async () => {
    const model = manySheets(2);
    model.behaviour.excelApi = 12;
    const ctx = ctxOf(model);
    const { workbook, notes } = await readWorkbook(ctx, { supports: (m) => m <= 12 });
    expect(ctx.syncs).toHaveLength(2);
    expect(notes).toEqual(['merges-unsupported']);
    expect(workbook.sheets[0].merges).toEqual([]);
  });

  it('retries without merged areas when Excel refuses more than 512 of them', async () => {
    const model = manySheets(1);
    model.behaviour.maxMergedAreas = 0;
    const ctx = ctxOf(model);
    const { notes } = await readWorkbook(ctx);
    expect(notes).toEqual(['merges-too-many']);
    expect(ctx.syncs).toHaveLength(3);
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
