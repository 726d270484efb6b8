// Highlighting issue cells and putting every original fill back exactly.
import { clearHighlight, highlight, SEVERITY_FILL } from '../../src/excel/highlight';
import { modelFromSpecs } from '../excel-fake/build';
import { ctxOf } from './helpers';

function model() {
  return modelFromSpecs([
    {
      name: 'Лист',
      rows: [
        [1, { value: 2, fill: { color: '#00B050', pattern: 'Solid' } }, { value: 3, fill: { color: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000' } }],
        [{ value: 4, fill: { color: '#FFFFFF', pattern: 'Solid' } }, null, 6],
      ],
    },
    { name: 'Закрыт', rows: [[1]], protected: true },
  ]);
}

const cells = [
  { sheet: 'Лист', address: 'A1', severity: 'info' as const },
  { sheet: 'Лист', address: 'A1', severity: 'error' as const },
  { sheet: 'Лист', address: 'B1', severity: 'warning' as const },
  { sheet: 'Лист', address: 'C1', severity: 'info' as const },
  { sheet: 'Лист', address: 'A2', severity: 'info' as const },
  { sheet: 'Лист', address: 'B2', severity: 'error' as const },
  { sheet: 'Закрыт', address: 'A1', severity: 'error' as const },
];

describe('highlight', () => {
  it('colours by the worst severity and skips protected sheets', async () => {
    const m = model();
    const ctx = ctxOf(m);
    const rec = await highlight(ctx, cells);
    expect(ctx.syncs).toHaveLength(2);
    expect(rec.skipped).toEqual(['Закрыт']);
    const s = m.snapshot()['Лист'];
    expect(s.A1.fill?.color).toBe(SEVERITY_FILL.error);
    expect(s.B1.fill?.color).toBe(SEVERITY_FILL.warning);
    expect(s.B2.fill?.color).toBe(SEVERITY_FILL.error);
  });

  it.each([20, 8])('clearing restores no fill, solid, white and patterned fills exactly (ExcelApi 1.%i)', async (api) => {
    const m = model();
    m.behaviour.excelApi = api;
    const before = m.snapshot();
    const supports = (minor: number) => minor <= api;
    const rec = await highlight(ctxOf(m), cells.filter((c) => api >= 9 || c.address !== 'C1'), { supports });
    const ctx = ctxOf(m);
    await clearHighlight(ctx, rec);
    expect(ctx.syncs).toHaveLength(1);
    const after = m.snapshot();
    if (api >= 9) expect(after).toEqual(before);
    else {
      // Without patterns Excel reports "no fill" as white, so a white fill comes back as none.
      expect(after['Лист'].A1).toEqual(before['Лист'].A1);
      expect(after['Лист'].B1).toEqual(before['Лист'].B1);
      expect(after['Лист'].A2.fill).toBeUndefined();
    }
  });
});
