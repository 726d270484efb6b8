// The engine and the adapter together on the sample workbook: check → fill → check → undo.
import { checkWorkbook, planFill } from '../../src/core';
import { readWorkbook } from '../../src/excel/read-workbook';
import { applyFill, undoFill } from '../../src/excel/apply-fill';
import { e2eWorkbook } from '../e2e/workbook';
import { ctxOf } from './helpers';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

describe.each(['formulas', 'values'] as const)('round trip in %s mode', (mode) => {
  it('fills in one write sync, leaves nothing to fill or report there, and undoes exactly', async () => {
    const { model } = await e2eWorkbook(ROOT);
    const before = model.snapshot();
    const read = ctxOf(model);
    const { workbook } = await readWorkbook(read);
    expect(read.syncs).toHaveLength(3);
    const plan = planFill(workbook, { mode });
    expect(plan.writes.length).toBeGreaterThan(0);

    const ctx = ctxOf(model);
    const r = await applyFill(ctx, plan);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(ctx.syncs.filter((s) => s.writes > 0)).toHaveLength(1);

    const again = (await readWorkbook(ctxOf(model))).workbook;
    expect(planFill(again, { mode }).writes).toEqual([]);
    const filled = new Set(plan.writes.map((w) => `${w.sheet}!${w.address}`));
    // Cross-table findings may stay: the hostile sheet's made-up numbers differ from the sample's.
    const onFilled = checkWorkbook(again).issues.filter(
      (i) => i.rule !== 'cross-table-mismatch' && filled.has(`${i.cells[0].sheet}!${i.cells[0].address}`),
    );
    expect(onFilled).toEqual([]);

    expect((await undoFill(ctxOf(model), r.record)).ok).toBe(true);
    expect(model.snapshot()).toEqual(before);
  });
});
