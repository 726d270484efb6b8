// The «Проверка» sheet: created, replaced only when asked and without deleting the sheet (no undo
// for Worksheet.delete), every cell written as text, large lists within the request limit.
import { writeReportSheet, REPORT_SHEET } from '../../src/excel/report-sheet';
import { createOfficeHost } from '../../src/excel/office-host';
import { installOfficeGlobals } from '../excel-fake/globals';
import { modelFromSpecs } from '../excel-fake/build';
import { ctxOf } from './helpers';

const rows = [
  ['Таблица', 'Серьёзность', 'Лист', 'Ячейка', 'Правило', 'Сообщение'],
  ['fund-movement#1', 'Ошибка', 'Фонды', 'D7', 'balance-mismatch', '=1+1 не формула'],
  ['', 'Сведения', 'Фонды', 'C7', 'missing-value', '200019'],
  ['', 'Предупреждение', 'Фонды', 'C8', 'number-as-text', '-5 по тексту'],
  ['', 'Сведения', 'Фонды', 'C9', 'percent', '12,5'],
];

describe('writeReportSheet', () => {
  it('creates the sheet with text cells and activates it', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }]);
    const ctx = ctxOf(m);
    expect(await writeReportSheet(ctx, rows)).toEqual({ status: 'written', rows: 4 });
    expect(ctx.syncs.length).toBeLessThanOrEqual(3);
    const s = m.snapshot()[REPORT_SHEET];
    // Excel takes =, + and - strings written to values for formulas: the Text format keeps them text.
    expect(s.F2).toEqual({ value: '=1+1 не формула', numberFormat: '@' });
    expect(s.F4).toEqual({ value: '-5 по тексту', numberFormat: '@' });
    expect([s.F3.value, s.F5.value]).toEqual(['200019', '12,5']);
    expect(m.sheets.find((x) => x.id === m.activeSheetId)?.name).toBe(REPORT_SHEET);
  });

  it('asks before replacing an existing sheet, then replaces its contents', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }, { name: REPORT_SHEET, rows: [['старое'], ['x'], ['y'], ['z'], ['w'], ['лишнее']], merges: ['A1:B1'] }]);
    expect(await writeReportSheet(ctxOf(m), rows)).toEqual({ status: 'exists' });
    expect(m.snapshot()[REPORT_SHEET].A1.value).toBe('старое');
    expect(await writeReportSheet(ctxOf(m), rows, { replace: true })).toMatchObject({ status: 'written' });
    const s = m.snapshot()[REPORT_SHEET];
    expect(s.A1.value).toBe('Таблица');
    expect(s.A6).toBeUndefined();
    expect(m.sheet(REPORT_SHEET).merges).toEqual([]);
    expect(m.sheets.filter((x) => x.name === REPORT_SHEET)).toHaveLength(1);
    expect(m.undoStackCleared).toBe(0);
  });

  it('replaces the sheet on a host with undo groups (ExcelApi 1.20), where Worksheet.delete is refused', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }, { name: REPORT_SHEET, rows: [['старое']] }]).useProfile('m365-web');
    installOfficeGlobals(m);
    const r = await createOfficeHost().writeReportSheet(rows, true);
    expect(r).toEqual({ status: 'written', rows: 4, undo: 'whole' });
    expect(m.runs.at(-1)?.mergeUndoGroup).toBe(true);
    expect(m.snapshot()[REPORT_SHEET].A1.value).toBe('Таблица');
    expect(m.syncLog.every((s) => !s.failed)).toBe(true);
  });

  it('does not write on a protected report sheet, and does not show a hidden one', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }, { name: REPORT_SHEET, rows: [['старое']], protected: true }]);
    expect(await writeReportSheet(ctxOf(m), rows, { replace: true })).toEqual({ status: 'protected' });
    m.sheet(REPORT_SHEET).protected = false;
    m.sheet(REPORT_SHEET).visibility = 'Hidden';
    expect(await writeReportSheet(ctxOf(m), rows, { replace: true })).toEqual({ status: 'written', rows: 4, hidden: true });
    expect(m.sheets.find((x) => x.id === m.activeSheetId)?.name).toBe('Фонды');
  });

  it('writes 20 000 findings within Excel on the web’s 5 MB request limit', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }]).useProfile('m365-web');
    const many = [rows[0], ...Array.from({ length: 20_000 }, (_, i) => ['t#1', 'Ошибка', 'Фонды', `C${i + 1}`, 'sum-mismatch', `Сумма частей ${i} не равна итогу: `.repeat(4)])];
    const ctx = ctxOf(m);
    expect(await writeReportSheet(ctx, many)).toEqual({ status: 'written', rows: 20_000 });
    expect(ctx.syncs.every((s) => !s.failed)).toBe(true);
    expect(m.snapshot()[REPORT_SHEET].D20001.value).toBe('C20000');
  });
});
