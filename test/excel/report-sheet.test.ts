// The «Проверка» sheet: created, replaced only when asked, every cell written as text.
import { writeReportSheet, REPORT_SHEET } from '../../src/excel/report-sheet';
import { modelFromSpecs } from '../excel-fake/build';
import { ctxOf } from './helpers';

const rows = [
  ['Таблица', 'Серьёзность', 'Лист', 'Ячейка', 'Правило', 'Сообщение'],
  ['fund-movement#1', 'Ошибка', 'Фонды', 'D7', 'balance-mismatch', '=1+1 не формула'],
  ['', 'Сведения', 'Фонды', 'C7', 'missing-value', '200019'],
];

describe('writeReportSheet', () => {
  it('creates the sheet with text cells and activates it', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }]);
    const ctx = ctxOf(m);
    expect(await writeReportSheet(ctx, rows)).toEqual({ status: 'written', rows: 2 });
    expect(ctx.syncs).toHaveLength(2);
    const s = m.snapshot()[REPORT_SHEET];
    expect(s.F2).toMatchObject({ value: '=1+1 не формула', numberFormat: '@' });
    expect(s.F2.formula).toBeUndefined();
    expect(s.F3.value).toBe('200019');
    expect(m.sheets.find((x) => x.id === m.activeSheetId)?.name).toBe(REPORT_SHEET);
  });

  it('asks before replacing an existing sheet, then replaces it', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }, { name: REPORT_SHEET, rows: [['старое'], ['x']] }]);
    expect(await writeReportSheet(ctxOf(m), rows)).toEqual({ status: 'exists' });
    expect(m.snapshot()[REPORT_SHEET].A1.value).toBe('старое');
    expect(await writeReportSheet(ctxOf(m), rows, { replace: true })).toMatchObject({ status: 'written' });
    expect(m.snapshot()[REPORT_SHEET].A1.value).toBe('Таблица');
    expect(m.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
  });
});
