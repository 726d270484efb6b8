// The Office host over the double's globals: run options, cell edit mode, selection, culture.
import { MIN_EXCEL_API, createOfficeHost } from '../../src/excel/office-host';
import { installOfficeGlobals } from '../excel-fake/globals';
import { modelFromSpecs } from '../excel-fake/build';
import { fundSpec } from './helpers';

function setup(api = 20) {
  const m = modelFromSpecs([{ name: 'Первый', rows: [[1]] }, fundSpec, { name: 'Справочник', rows: [[1]], visibility: 'Hidden' }]);
  m.behaviour.excelApi = api;
  installOfficeGlobals(m);
  return { m, host: createOfficeHost() };
}

describe('office host', () => {
  it('activates the sheet and selects all cells of an issue', async () => {
    const { m, host } = setup();
    await host.selectCells([
      { sheet: 'Фонды', address: 'D7' },
      { sheet: 'Фонды', address: 'D4' },
      { sheet: 'Первый', address: 'A1' },
    ]);
    expect(m.sheets.find((s) => s.id === m.activeSheetId)?.name).toBe('Фонды');
    expect(m.selection).toEqual({ sheet: 'Фонды', address: 'D7, D4' });
  });

  it.each([8, 9, 14, 17])('selects the primary cell where RangeAreas.select (1.18) is missing (ExcelApi 1.%i)', async (api) => {
    const { m, host } = setup(api);
    await host.selectCells([{ sheet: 'Фонды', address: 'D7' }, { sheet: 'Фонды', address: 'D4' }]);
    expect(m.selection).toEqual({ sheet: 'Фонды', address: 'D7' });
  });

  it('reports a hidden sheet instead of failing to activate it', async () => {
    const { m, host } = setup();
    expect(await host.selectCells([{ sheet: 'Справочник', address: 'A1' }])).toEqual({ ok: false, reason: 'hidden', sheet: 'Справочник', veryHidden: false });
    expect(m.sheets.find((s) => s.id === m.activeSheetId)?.name).toBe('Первый');
  });

  it('waits for the user to leave cell edit mode instead of failing', async () => {
    const { m, host } = setup();
    m.startCellEdit();
    const read = host.readWorkbook();
    await new Promise((r) => setTimeout(r, 10));
    expect(m.syncLog.at(-1)?.failed).toBeUndefined();
    m.endCellEdit();
    const { workbook } = await read;
    expect(workbook.sheets).toHaveLength(3);
    expect(m.runs.every((o) => o.delayForCellEdit)).toBe(true);
  });

  it('merges the fill into one undo group only where ExcelApi 1.20 is supported', async () => {
    for (const api of [20, 19]) {
      const { m, host } = setup(api);
      const r = await host.applyFill({ writes: [{ sheet: 'Фонды', address: 'C7', table: 't', value: 211056, before: { value: null } }] });
      expect(r.ok).toBe(true);
      expect(m.runs.at(-1)?.mergeUndoGroup).toBe(api >= 20 ? true : undefined);
    }
  });

  it('reads the decimal separator, or a comma before ExcelApi 1.11', async () => {
    const { m, host } = setup();
    m.behaviour.decimalSeparator = '.';
    expect(await host.decimalSeparator()).toBe('.');
    // Excel's own separator ("Use system separators" off) is the one the user sees.
    m.behaviour.excelDecimalSeparator = ',';
    expect(await host.decimalSeparator()).toBe(',');
    const old = setup(10);
    old.m.behaviour.decimalSeparator = '.';
    expect(await old.host.decimalSeparator()).toBe(',');
  });

  it('keeps settings in the document', async () => {
    const { m, host } = setup();
    await host.saveSettings({ mode: 'values', threshold: 7 });
    expect(host.loadSettings()).toEqual({ mode: 'values', threshold: 7 });
    expect(m.settings.size).toBe(1);
  });

  it('a fault while writing is returned to the pane, not thrown', async () => {
    const { m, host } = setup();
    const before = m.snapshot();
    m.faults.push({ when: 'next-write', afterOps: 1, code: 'GeneralException' });
    const r = await host.applyFill({ writes: [{ sheet: 'Фонды', address: 'C7', table: 't', value: 1, before: { value: null } }] });
    expect(r).toMatchObject({ ok: false, reason: 'write-failed', written: [], error: { code: 'GeneralException' } });
    expect(m.snapshot()).toEqual(before);
  });
});

describe('the declared minimum, ExcelApi 1.4', () => {
  it('runs every pane action at 1.4; below it the report sheet needs a missing API', async () => {
    const { m, host } = setup(MIN_EXCEL_API);
    const read = await host.readWorkbook();
    expect(read.notes).toEqual(['merges-unsupported']);
    const fill = await host.applyFill({ writes: [{ sheet: 'Фонды', address: 'C7', table: 't', value: 211056, before: { value: null } }] });
    if (!fill.ok) throw new Error(JSON.stringify(fill));
    expect((await host.undoFill(fill.record)).ok).toBe(true);
    const lit = await host.highlight([{ sheet: 'Фонды', address: 'D7', severity: 'error' }]);
    await host.clearHighlight(lit);
    await host.selectCells([{ sheet: 'Фонды', address: 'D7' }, { sheet: 'Фонды', address: 'D4' }]);
    expect(await host.writeReportSheet([['Таблица'], ['x']], false)).toMatchObject({ status: 'written', undo: 'steps' });
    expect(await host.decimalSeparator()).toBe(',');
    expect(m.syncLog.filter((x) => x.failed)).toEqual([]);
    const older = setup(MIN_EXCEL_API - 1);
    await expect(older.host.writeReportSheet([['Таблица']], false)).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('Office environment', () => {
  it('follows Office’s theme and display language', async () => {
    const { displayLanguage, isDarkTheme } = await import('../../src/excel/office-host');
    const { langFor } = await import('../../src/taskpane/i18n');
    const m = modelFromSpecs([{ name: 'Лист1', rows: [[1]] }]);
    installOfficeGlobals(m, { bodyBackgroundColor: '#1f1f1f' });
    expect(isDarkTheme()).toBe(true);
    installOfficeGlobals(m, { bodyBackgroundColor: '#ffffff' });
    expect(isDarkTheme()).toBe(false);
    m.behaviour.displayLanguage = 'en-US';
    expect(langFor(displayLanguage())).toBe('en');
    m.behaviour.displayLanguage = 'ru-RU';
    expect(langFor(displayLanguage())).toBe('ru');
  });
});
