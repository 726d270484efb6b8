// Fill, then check: the filled cells hold the computed values, nothing is reported on them, a second fill writes nothing.
import ExcelJS from 'exceljs';
import { parseXlsx, parseXlsxBook } from '../../src/cli/read-xlsx';
import { applyPlan } from '../../src/cli/write-xlsx';
import { checkWorkbook, planFill, type FillMode } from '../../src/core';
import { scenarios } from '../fixtures/scenarios';
import { buildXlsx } from '../fixtures/xlsx-builder';

async function fillBuffer(buf: Buffer, mode: FillMode, overwrite = false) {
  const { workbook, book } = await parseXlsxBook(buf);
  const plan = planFill(workbook, { mode, overwrite });
  applyPlan(book, plan);
  return { plan, out: Buffer.from(await (book as ExcelJS.Workbook).xlsx.writeBuffer()) };
}

const cases = scenarios.flatMap((s) => (['formulas', 'values'] as const).map((m) => [s.name, m, s] as const));

describe.each(cases)('fill %s (%s)', (_name, mode, s) => {
  test('fills every computed cell with its value; check is then silent on them; a second fill writes nothing', async () => {
    const input = await buildXlsx(s.sheets);
    const before = checkWorkbook(await parseXlsx(input));
    const fillable = new Map(before.issues.filter((i) => (i.messageId === 'missing-value/computed' || i.messageId === 'missing-value/indicator')).map((i) => [`${i.cells[0].sheet}!${i.cells[0].address}`, i.expected]));
    const { plan, out } = await fillBuffer(input, mode);
    expect(new Map(plan.writes.map((w) => [`${w.sheet}!${w.address}`, w.value]))).toEqual(fillable);
    for (const w of plan.writes) {
      expect(w.before.value === null || w.before.value === '').toBe(true);
      if (mode === 'formulas') expect(w.formula).toMatch(/^=/);
      else expect(w.formula).toBeUndefined();
    }
    const after = checkWorkbook(await parseXlsx(out));
    const written = new Set(plan.writes.map((w) => `${w.sheet}!${w.address}`));
    expect(after.issues.filter((i) => written.has(`${i.cells[0].sheet}!${i.cells[0].address}`)).map((i) => i.rule)).toEqual([]);
    expect(after.issues.filter((i) => i.rule === 'missing-value' && i.severity === 'info')).toEqual([]);
    expect(after.tables).toEqual(before.tables);
    const second = await fillBuffer(out, mode);
    expect(second.plan.writes).toEqual([]);
  });
});

test('the fill plans something in the fill scenarios', async () => {
  for (const s of scenarios.filter((x) => x.name.startsWith('fill-'))) {
    const { plan } = await fillBuffer(await buildXlsx(s.sheets), 'formulas');
    expect(plan.writes.length).toBeGreaterThan(0);
  }
});

test('never writes over a non-empty cell without overwrite; with it, wrong totals are recomputed', async () => {
  const seed = scenarios.find((x) => x.name === 'seed-as-stated')!;
  const input = await buildXlsx(seed.sheets);
  const plain = await fillBuffer(input, 'values');
  for (const w of plain.plan.writes) expect(w.before.value).toBeNull();
  const forced = await fillBuffer(input, 'values', true);
  const addr = forced.plan.writes.map((w) => `${w.sheet}!${w.address}=${w.value}`);
  expect(addr).toEqual(expect.arrayContaining(['Фонды!C9=200019']));
  const after = checkWorkbook(await parseXlsx(forced.out));
  expect(after.issues.filter((i) => i.rule === 'balance-mismatch' || i.rule === 'sum-mismatch')).toEqual([]);
});
