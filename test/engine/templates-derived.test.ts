// Every consistent scenario made a template: all its computed cells (totals, balances, shares,
// indicators, deltas: the targets of computed relations) cleared at once. The same tables are
// recognized, the fill writes every cleared cell back with the value it showed, in both modes, the
// filled workbook checks clean, and a second fill writes nothing (issue 20, item 2, for every kind).
import { checkWorkbook, planFill, type Workbook } from '../../src/core';
import { analyze } from '../../src/core/check';
import { address } from '../../src/core/grid/grid';
import { instances, targetOf } from '../../src/core/relations/relations';
import { scenarios } from '../fixtures/scenarios';
import { workbookFromSpec } from '../helpers/xlsx';
import { cloneWorkbook, getCell, setCell } from '../property/support';

/** Decimals a typed number shows (26.9 → 1): a cleared cell is compared with its fill at those. */
function decimals(v: number): number {
  const s = String(v);
  const i = s.indexOf('.');
  return i < 0 || /e/i.test(s) ? 0 : Math.min(s.length - i - 1, 6);
}

/** The computed cells holding a number: `Sheet!A1` → the value. */
function computedCells(wb: Workbook): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of analyze(wb).tables)
    for (const inst of instances(t)) {
      if (!inst.computed) continue;
      const c = targetOf(inst);
      if (c.num.kind === 'number' && c.num.value !== undefined) out.set(`${t.sheet.name}!${address(t.sheet, c.row, c.col)}`, c.num.value);
    }
  return out;
}

const consistent = scenarios.filter((s) => !s.expected.issues.some((e) => e.rule !== 'missing-value'));
const cases = consistent.flatMap((s) => (['formulas', 'values'] as const).map((m) => [s.name, m, s] as const));

describe.each(cases)('%s with every computed cell cleared (%s)', (_name, mode, s) => {
  test('recognized as before, filled back, then clean; a second fill writes nothing', async () => {
    const wb = await workbookFromSpec(s.sheets);
    const cleared = computedCells(wb);
    const template = cloneWorkbook(wb);
    for (const k of cleared.keys()) {
      const [sheet, a1] = k.split('!');
      setCell(template, sheet, a1, undefined);
    }
    const kinds = (w: Workbook) => checkWorkbook(w).tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`);
    expect(kinds(template)).toEqual(kinds(wb));
    const plan = planFill(template, { mode });
    const wrong: string[] = [];
    const planned = new Map(plan.writes.map((w) => [`${w.sheet}!${w.address}`, w]));
    for (const [k, v] of cleared) {
      const w = planned.get(k);
      const d = decimals(v);
      if (!w || Math.abs(Math.round(w.value * 10 ** d) - Math.round(v * 10 ** d)) > 1) wrong.push(`${k}: ${w?.value ?? 'not filled'}, was ${v}`);
    }
    expect(wrong).toEqual([]);
    for (const w of plan.writes) {
      const prev = getCell(template, w.sheet, w.address);
      const numberFormat = w.numberFormat ?? prev?.numberFormat;
      setCell(template, w.sheet, w.address, { value: w.value, ...(w.formula ? { formula: w.formula } : {}), ...(numberFormat ? { numberFormat } : {}) });
    }
    const after = checkWorkbook(template);
    expect(after.issues.filter((i) => i.severity !== 'info' || i.rule === 'missing-value').map((i) => `${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}`)).toEqual([]);
    expect(planFill(template, { mode }).writes).toEqual([]);
  });
});
