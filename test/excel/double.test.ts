// The Excel double held to the Office.js documentation: each behaviour the adapter must cope
// with, as the reference pages and office-js issues describe it (sources beside the code).
import { modelFromSpecs } from '../excel-fake/build';
import { FakeContext, OBJECT_PATH_BYTES } from '../excel-fake/context';
import type { FakeModel } from '../excel-fake/model';
import { ctxOf } from './helpers';

const err = (p: Promise<unknown>) => p.then(() => 'no error', (e: { code?: string }) => e.code);

function book(): FakeModel {
  return modelFromSpecs([
    { name: 'Данные', rows: [[1, true, { value: null, error: '#DIV/0!', formula: '=1/0' }, { value: 0.5, numberFormat: '0.0%' }]] },
    { name: 'Скрыт', rows: [[2]], visibility: 'Hidden' },
    { name: 'Совсем', rows: [[3]], visibility: 'VeryHidden' },
  ]);
}

describe('the Excel double', () => {
  it('refuses a get above five million cells, or returns null grids (office-js#4783)', async () => {
    const m = modelFromSpecs([{ name: 'Л', rows: [[1]], formatOnly: ['A1:J600000'] }]);
    const ctx = ctxOf(m);
    const u = ctx.workbook.worksheets.getItem('Л').getUsedRange();
    u.load(['address', 'rowCount', 'columnCount']);
    await ctx.sync();
    expect([u.address, u.rowCount * u.columnCount]).toEqual(['Л!A1:J600000', 6_000_000]);
    u.load('values');
    expect(await err(ctx.sync())).toBe('RangeExceedsLimit');
    m.behaviour.overLimit = 'null';
    const ctx2 = ctxOf(m);
    const v = ctx2.workbook.worksheets.getItem('Л').getUsedRange();
    v.load(['values', 'text']);
    await ctx2.sync();
    expect([v.values, v.text]).toEqual([null, null]);
  });

  it('counts formatting-only cells in the used range, and not in the values-only one', async () => {
    const m = modelFromSpecs([{ name: 'Л', rows: [['a', 1]], formatOnly: ['C1:D9'] }]);
    const ctx = ctxOf(m);
    const ws = ctx.workbook.worksheets.getItem('Л');
    const [all, values] = [ws.getUsedRange(), ws.getUsedRange(true)];
    all.load('address');
    values.load('address');
    await ctx.sync();
    expect([all.address, values.address]).toEqual(['Л!A1:D9', 'Л!A1:B1']);
  });

  it('fails merged areas above 512 in one range', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const m = modelFromSpecs([{ name: 'Л', rows: [[1]], merges }]);
    const ctx = ctxOf(m);
    const ws = ctx.workbook.worksheets.getItem('Л');
    ws.getRange('A1:B1200').getMergedAreasOrNullObject().load('address');
    expect(await err(ctx.sync())).toBe('GeneralException');
    const ok = ws.getRange('A1:B1000').getMergedAreasOrNullObject();
    ok.load('areaCount');
    await ctx.sync();
    expect(ok.areaCount).toBe(500);
  });

  it('counts object paths and actions in the request, not only values (5 MB on the web)', async () => {
    const m = book().useProfile('m365-web');
    const ctx = ctxOf(m);
    const ws = ctx.workbook.worksheets.getItem('Данные');
    for (let i = 0; i < 12_000; i++) ws.getRange(`A${i + 1}`).format.fill.load('color');
    expect(await err(ctx.sync())).toBe('RequestPayloadSizeLimitExceeded');
    expect(ctx.syncs[0].requestBytes).toBeGreaterThan(12_000 * 3 * OBJECT_PATH_BYTES);
  });

  it('throws ApiNotFound for a member above the host’s requirement sets', async () => {
    const m = book();
    m.behaviour.excelApi = 14; // Office 2021
    const ctx = ctxOf(m);
    ctx.workbook.worksheets.getItem('Данные').activate();
    ctx.workbook.worksheets.getItem('Данные').getRanges('A1, C1').select(); // RangeAreas.select: 1.18
    expect(await err(ctx.sync())).toBe('ApiNotFound');
    m.behaviour.excelApi = 3;
    const old = ctxOf(m);
    old.workbook.worksheets.getItemOrNullObject('Данные').load('isNullObject'); // 1.4
    expect(await err(old.sync())).toBe('ApiNotFound');
  });

  it('refuses Worksheet.delete in an undo group, and clears the undo stack outside one', async () => {
    const m = book();
    const grouped = new FakeContext(m, { mergeUndoGroup: true });
    grouped.workbook.worksheets.getItem('Скрыт').delete();
    expect(await err(grouped.sync())).toBe('UndoNotSupported');
    expect(m.sheets).toHaveLength(3);
    const plain = ctxOf(m);
    plain.workbook.worksheets.getItem('Скрыт').delete();
    await plain.sync();
    expect([m.sheets.length, m.undoStackCleared]).toEqual([2, 1]);
    const very = ctxOf(m);
    very.workbook.worksheets.getItem('Совсем').delete();
    expect(await err(very.sync())).toBe('InvalidOperation');
  });

  it('turns strings written to values into formulas and numbers, and keeps 12,5 as text', async () => {
    const m = modelFromSpecs([{ name: 'Л', rows: [[{ value: null, numberFormat: '@' }]] }]);
    const ctx = ctxOf(m);
    const ws = ctx.workbook.worksheets.getItem('Л');
    ws.getRange('B1:F1').values = [['=2+3', '-текст', '0.25', '12,5', '+7']];
    ws.getRange('A1').values = [['=2+3']];
    await ctx.sync();
    const s = m.snapshot()['Л'];
    expect(s.B1).toMatchObject({ formula: '=2+3', value: 5 });
    expect(s.C1).toMatchObject({ formula: '=-текст', error: '#NAME?' });
    expect([s.D1.value, s.E1.value, s.F1.value]).toEqual([0.25, '12,5', 7]);
    expect(s.A1).toEqual({ value: '=2+3', numberFormat: '@' });
  });

  it('gives text in the host’s language and values without it', async () => {
    const m = book();
    const ctx = ctxOf(m);
    const r = ctx.workbook.worksheets.getItem('Данные').getRange('A1:D1');
    r.load(['values', 'text']);
    await ctx.sync();
    expect(r.values).toEqual([[1, true, '#DIV/0!', 0.5]]);
    expect(r.text).toEqual([['1', 'ИСТИНА', '#ДЕЛ/0!', '50,0%']]);
  });

  it('has hidden and very hidden sheets that cannot be activated', async () => {
    const m = book();
    const ctx = ctxOf(m);
    const list = ctx.workbook.worksheets;
    list.load('items/name,items/visibility');
    await ctx.sync();
    expect(list.items.map((s) => s.visibility)).toEqual(['Visible', 'Hidden', 'VeryHidden']);
    list.getItem('Скрыт').activate();
    expect(await err(ctx.sync())).toBe('InvalidOperation');
  });

  it('tells the user’s decimal separator from the system’s', async () => {
    const m = book();
    m.behaviour.excelDecimalSeparator = '.';
    const ctx = ctxOf(m);
    const app = ctx.application;
    app.load(['decimalSeparator', 'useSystemSeparators']);
    app.cultureInfo.numberFormat.load('numberDecimalSeparator');
    await ctx.sync();
    expect([app.decimalSeparator, app.useSystemSeparators, app.cultureInfo.numberFormat.numberDecimalSeparator]).toEqual(['.', false, ',']);
  });
});
