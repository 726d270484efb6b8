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

  it('puts back tints and shades exactly and leaves a gradient fill alone', async () => {
    const m = modelFromSpecs([
      {
        name: 'Лист',
        rows: [
          [
            { value: 1, fill: { color: '#4472C4', pattern: 'Solid', tintAndShade: 0.4 } },
            { value: 2, fill: { color: '#FFFF00', pattern: 'LightUp', patternColor: '#FF0000', patternTintAndShade: -0.25 } },
            { value: 3, fill: { color: '#FF0000', pattern: 'LinearGradient' } },
          ],
        ],
      },
    ]);
    const before = m.snapshot();
    const cellsHere = ['A1', 'B1', 'C1'].map((address) => ({ sheet: 'Лист', address, severity: 'error' as const }));
    const rec = await highlight(ctxOf(m), cellsHere);
    expect(rec.kept).toEqual([{ sheet: 'Лист', address: 'C1' }]);
    expect(m.snapshot()['Лист'].A1.fill?.color).toBe(SEVERITY_FILL.error);
    expect(m.snapshot()['Лист'].C1).toEqual(before['Лист'].C1);
    await clearHighlight(ctxOf(m), rec);
    expect(m.snapshot()).toEqual(before);
  });

  it('highlights and clears 30 000 cells on Excel on the web within its 5 MB request limit', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [i, i + 1, { value: i + 2, fill: { color: '#00B050', pattern: 'Solid' } }]);
    const m = modelFromSpecs([{ name: 'Лист', rows }]).useProfile('m365-web');
    const before = m.snapshot();
    const many = rows.flatMap((_, i) => ['A', 'B', 'C'].map((col) => ({ sheet: 'Лист', address: `${col}${i + 1}`, severity: 'warning' as const })));
    const ctx = ctxOf(m);
    const rec = await highlight(ctx, many);
    expect(rec.cells).toHaveLength(30_000);
    expect(m.snapshot()['Лист'].B9000.fill?.color).toBe(SEVERITY_FILL.warning);
    const clear = ctxOf(m);
    await clearHighlight(clear, rec);
    expect(m.snapshot()).toEqual(before);
    for (const s of [...ctx.syncs, ...clear.syncs]) expect(s.requestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(ctx.syncs.every((s) => !s.failed)).toBe(true);
  });
});
