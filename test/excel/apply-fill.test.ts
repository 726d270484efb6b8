// Fill and undo through the Excel double: one write sync, refusals, faults, exact undo.
import type { FillPlan, FillWrite } from '../../src/core';
import { applyFill, undoFill } from '../../src/excel/apply-fill';
import { modelFromSpecs } from '../excel-fake/build';
import { FakeContext } from '../excel-fake/context';
import type { FakeModel } from '../excel-fake/model';
import { ctxOf, fundSpec } from './helpers';

function model(): FakeModel {
  return modelFromSpecs([
    fundSpec,
    {
      name: 'Кадры',
      rows: [
        ['Всего', 'АУП', 'Основной', 'Вспомогательный', '%'],
        [null, 2, 47, 8, null],
        [{ value: 'старое', numberFormat: '@' }, '0.25', { f: 'B2*2' }, null, { value: null, numberFormat: '0.0%' }],
      ],
    },
  ]);
}

const w = (sheet: string, address: string, value: number, extra: Partial<FillWrite> = {}): FillWrite => ({
  sheet,
  address,
  table: 't#1',
  value,
  before: { value: null },
  ...extra,
});

/** Writes into empty cells, a text cell, a formula cell and a percent with a format. */
function plan(): FillPlan {
  return {
    writes: [
      w('Фонды', 'C7', 211056, { formula: '=C4+C5-C6' }),
      w('Кадры', 'A2', 57, { formula: '=SUM(B2:D2)' }),
      w('Кадры', 'E2', 0.824, { numberFormat: '0.0%' }),
      w('Кадры', 'A3', 1, { before: { value: 'старое' } }),
      w('Кадры', 'B3', 0.25, { before: { value: '0.25' } }),
      w('Кадры', 'C3', 5, { before: { value: 4, formula: '=B2*2' } }),
      w('Кадры', 'E3', 0.5, { numberFormat: '0.00%' }),
    ],
  };
}

describe('applyFill', () => {
  it('writes the whole plan in one sync after one read', async () => {
    const m = model();
    const ctx = ctxOf(m);
    const r = await applyFill(ctx, plan());
    expect(r.ok).toBe(true);
    expect(ctx.syncs).toHaveLength(2);
    expect(ctx.syncs.filter((s) => s.writes > 0)).toHaveLength(1);
    expect(ctx.syncs[0].writes).toBe(0);
    const after = m.snapshot();
    expect(after['Фонды'].C7).toMatchObject({ formula: '=C4+C5-C6', value: 211056 });
    expect(after['Кадры'].A2).toMatchObject({ formula: '=SUM(B2:D2)', value: 57 });
    expect(after['Кадры'].E2).toMatchObject({ value: 0.824, numberFormat: '0.0%' });
    // A cell that already has a format keeps it.
    expect(after['Кадры'].E3.numberFormat).toBe('0.0%');
  });

  it('writes nothing on a protected sheet', async () => {
    const m = model();
    m.sheet('Кадры').protected = true;
    const before = m.snapshot();
    const ctx = ctxOf(m);
    const r = await applyFill(ctx, plan());
    expect(r).toEqual({ ok: false, reason: 'protected', sheets: ['Кадры'], written: [] });
    expect(m.snapshot()).toEqual(before);
    expect(ctx.syncs.reduce((n, s) => n + s.writes, 0)).toBe(0);
  });

  it('refuses a stale plan: a target changed since the check', async () => {
    const m = model();
    const before = m.snapshot();
    const p = plan();
    p.writes[0].before = { value: 5 }; // the engine saw 5 in C7, the sheet has it empty now
    const r = await applyFill(ctxOf(m), p);
    expect(r.ok).toBe(false);
    if (!r.ok && r.reason === 'stale') expect(r.cells.map((c) => c.address)).toEqual(['C7']);
    else throw new Error(`expected stale, got ${JSON.stringify(r)}`);
    expect(m.snapshot()).toEqual(before);
  });

  it('refuses a plan for a sheet that no longer exists', async () => {
    const p = { writes: [w('Удалён', 'A1', 1)] };
    expect(await applyFill(ctxOf(model()), p)).toMatchObject({ ok: false, reason: 'stale' });
  });

  it.each([0, 1, 3, 6])('a sync failing after %i operations leaves the workbook unchanged', async (afterOps) => {
    const m = model();
    const before = m.snapshot();
    m.faults.push({ when: 'next-write', afterOps });
    const r = await applyFill(ctxOf(m), plan());
    expect(r).toMatchObject({ ok: false, reason: 'write-failed', written: [], uncertain: false });
    expect(m.snapshot()).toEqual(before);
  });

  it('names the cells left written when the rollback fails too', async () => {
    const m = model();
    const before = m.snapshot();
    // Operation 0 suspends calculation; 1 and 2 write C7 and A2; then the batch fails.
    m.faults.push({ when: 'next-write', afterOps: 3 }, { when: 'next-write', afterOps: 0 });
    const r = await applyFill(ctxOf(m), plan());
    expect(r).toMatchObject({ ok: false, reason: 'write-failed', uncertain: false });
    if (r.ok || r.reason !== 'write-failed') throw new Error('expected write-failed');
    expect(r.written).toEqual([
      { sheet: 'Фонды', address: 'C7' },
      { sheet: 'Кадры', address: 'A2' },
    ]);
    const after = m.snapshot();
    for (const sheet of Object.keys(before)) {
      for (const a of new Set([...Object.keys(before[sheet]), ...Object.keys(after[sheet])])) {
        const listed = r.written.some((c) => c.sheet === sheet && c.address === a);
        expect([sheet, a, JSON.stringify(after[sheet][a]) !== JSON.stringify(before[sheet][a])]).toEqual([sheet, a, listed]);
      }
    }
  });
});

describe('a fill of 30 000 cells on Excel on the web', () => {
  it('fits each sync in the 5 MB request limit, and undo restores every cell', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`Библиотека ${i}`, i, i + 1, null]);
    const m = modelFromSpecs([{ name: 'Сеть', rows }]).useProfile('m365-web');
    const before = m.snapshot();
    const big: FillPlan = { writes: rows.map((_, i) => w('Сеть', `D${i + 1}`, 2 * i + 1, { formula: `=B${i + 1}+C${i + 1}` })) };
    const ctx = ctxOf(m);
    const r = await applyFill(ctx, big);
    expect(r.ok).toBe(true);
    expect(m.snapshot()['Сеть'].D30000).toMatchObject({ formula: '=B30000+C30000', value: 59999 });
    expect(ctx.syncs.every((s) => !s.failed && s.requestBytes <= 5 * 1024 * 1024)).toBe(true);
    if (!r.ok) return;
    expect((await undoFill(ctxOf(m), r.record)).ok).toBe(true);
    expect(m.snapshot()).toEqual(before);
  });
});

describe('undoFill', () => {
  it('restores every value, formula and number format exactly, in one write sync', async () => {
    const m = model();
    const before = m.snapshot();
    const r = await applyFill(ctxOf(m), plan());
    if (!r.ok) throw new Error('fill failed');
    expect(m.snapshot()).not.toEqual(before);
    const ctx = ctxOf(m);
    const u = await undoFill(ctx, r.record);
    expect(u.ok).toBe(true);
    expect(ctx.syncs.filter((s) => s.writes > 0)).toHaveLength(1);
    expect(m.snapshot()).toEqual(before);
  });

  it('does not undo over a cell the user edited after the fill, unless forced', async () => {
    const m = model();
    const before = m.snapshot();
    const r = await applyFill(ctxOf(m), plan());
    if (!r.ok) throw new Error('fill failed');
    const edit = new FakeContext(m);
    edit.workbook.worksheets.getItem('Кадры').getRange('A2').values = [[99]];
    await edit.sync();
    const refused = await undoFill(ctxOf(m), r.record);
    expect(refused).toEqual({ ok: false, reason: 'changed', cells: [{ sheet: 'Кадры', address: 'A2' }] });
    expect(m.snapshot()['Кадры'].A2.value).toBe(99);
    expect((await undoFill(ctxOf(m), r.record, { force: true })).ok).toBe(true);
    expect(m.snapshot()).toEqual(before);
  });

  it('puts back text that Excel would take for a formula, a number or a boolean, as text', async () => {
    // Excel turns a string written to `values` that starts with =, + or - into a formula, and
    // `0.25` or `TRUE` into a number or a boolean (Range.values); the double does the same.
    const texts = ['=A1+1', '+7', '-5', '- примечание', '0.25', 'TRUE', '12,5'];
    const m = modelFromSpecs([{ name: 'Текст', rows: [texts] }]);
    const before = m.snapshot();
    const plan = { writes: texts.map((t, i) => w('Текст', `${String.fromCharCode(65 + i)}1`, i, { before: { value: t } })) };
    const r = await applyFill(ctxOf(m), plan);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect((await undoFill(ctxOf(m), r.record)).ok).toBe(true);
    expect(m.snapshot()).toEqual(before);
  });

  it('refuses when the sheet was protected after the fill', async () => {
    const m = model();
    const r = await applyFill(ctxOf(m), plan());
    if (!r.ok) throw new Error('fill failed');
    m.sheet('Фонды').protected = true;
    expect(await undoFill(ctxOf(m), r.record)).toEqual({ ok: false, reason: 'protected', sheets: ['Фонды'] });
  });
});
