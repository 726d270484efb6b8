// The summary's sheets added to the open workbook and taken out again (the pane's undo of them):
// never over a sheet of the user's, numbers kept numbers and text kept text, deleted by id.
import { addSheets, removeSheets, type NewSheet } from '../../src/excel/added-sheets';
import { createOfficeHost } from '../../src/excel/office-host';
import { installOfficeGlobals } from '../excel-fake/globals';
import { modelFromSpecs } from '../excel-fake/build';
import { ctxOf } from './helpers';

const summary: NewSheet = {
  name: 'Свод Фонды',
  top: 2,
  left: 1,
  values: [
    ['Показатели', 'Всего'],
    ['Поступило', 3346],
    ['=не формула', null],
  ],
  formats: [
    ['@', '@'],
    ['@', '#,##0'],
    ['@', 'General'],
  ],
};
const sources: NewSheet = { name: 'Источники', top: 0, left: 0, values: [['Лист свода', 'Ячейка свода'], ['Свод Фонды', 'C4']], formats: [['@', '@'], ['@', '@']], header: true };

describe('addSheets / removeSheets', () => {
  it('adds the sheets at their places, shows the first, and removes them by id after a rename', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }]);
    const r = await addSheets(ctxOf(m), [summary, sources]);
    expect(r.status).toBe('written');
    const s = m.snapshot();
    expect(s['Свод Фонды'].C4).toEqual({ value: 3346, numberFormat: '#,##0' });
    expect(s['Свод Фонды'].B5).toEqual({ value: '=не формула', numberFormat: '@' });
    expect(s['Свод Фонды'].A1).toBeUndefined();
    expect(s['Источники'].B2.value).toBe('C4');
    expect(m.sheets.find((x) => x.id === m.activeSheetId)?.name).toBe('Свод Фонды');
    m.sheet('Источники').name = 'Мои источники';
    if (r.status !== 'written') return;
    expect(await removeSheets(ctxOf(m), r.record)).toEqual({ removed: 2 });
    expect(m.sheets.map((x) => x.name)).toEqual(['Фонды']);
  });

  it('writes nothing when a name is taken (a sheet of the user’s, whatever its case)', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }, { name: 'источники', rows: [['моё']] }]);
    expect(await addSheets(ctxOf(m), [summary, sources])).toEqual({ status: 'exists', name: 'Источники' });
    expect(m.sheets.map((x) => x.name)).toEqual(['Фонды', 'источники']);
    expect(m.snapshot()['источники'].A1.value).toBe('моё');
  });

  it('through the Office host with undo groups: added in one group, removed outside any (delete is refused in one)', async () => {
    const m = modelFromSpecs([{ name: 'Фонды', rows: [[1]] }]).useProfile('m365-web');
    installOfficeGlobals(m);
    const host = createOfficeHost();
    const r = await host.addSheets([summary]);
    expect(m.runs.at(-1)?.mergeUndoGroup).toBe(true);
    if (r.status !== 'written') throw new Error(r.status);
    expect(await host.removeSheets(r.record)).toEqual({ removed: 1 });
    expect(m.runs.at(-1)?.mergeUndoGroup).toBeFalsy();
    expect(m.sheets.map((x) => x.name)).toEqual(['Фонды']);
  });
});
