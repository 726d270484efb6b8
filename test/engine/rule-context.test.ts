// Rules report through a context that fills in what their meta says (ESLint's context.report).
import { analyze, checkWorkbook, type IssueData } from '../../src/core';
import { RuleRun, type RuleMeta } from '../../src/core/rules/rule';
import { sumMismatch } from '../../src/core/rules/arithmetic';
import { scenarios } from '../fixtures/scenarios';
import { workbookFromSpec } from '../helpers/xlsx';

const meta: RuleMeta = { id: 'sum-mismatch', severity: 'error', description: { ru: '', en: '' }, messageIds: ['sum-mismatch'] };

test("a report gets the rule's id, its severity, the table it runs on and the rule's message", async () => {
  const wb = await workbookFromSpec(scenarios.find((s) => s.name === 'clean-all')!.sheets);
  const a = analyze(wb);
  const filed: IssueData[] = [];
  const run = new RuleRun(meta, { tables: a.tables, values: a.values, options: {} }, (i) => filed.push(i));
  const cells = [{ sheet: 'Фонды', address: 'B5' }];
  run.current = a.tables[0];
  run.report({ cells, params: {} });
  // What the rule says otherwise wins: a weaker finding, another table, another message.
  run.report({ cells, params: {}, severity: 'warning', table: a.tables[1], messageId: 'sum-mismatch/other', expected: 3, actual: 4 });
  run.current = undefined;
  run.report({ cells, params: {} });
  expect(filed).toEqual([
    { rule: 'sum-mismatch', severity: 'error', table: a.tables[0].id, cells, messageId: 'sum-mismatch', params: {} },
    { rule: 'sum-mismatch', severity: 'warning', table: a.tables[1].id, cells, expected: 3, actual: 4, messageId: 'sum-mismatch/other', params: {} },
    { rule: 'sum-mismatch', severity: 'error', cells, messageId: 'sum-mismatch', params: {} },
  ]);
});

test("every issue of a check carries its rule's id, and its rule's severity unless the rule names another", async () => {
  const wb = await workbookFromSpec(scenarios.find((s) => s.name === 'errors-mixed')!.sheets);
  const { issues, tables } = checkWorkbook(wb);
  expect(issues.filter((i) => i.rule === 'sum-mismatch').length).toBeGreaterThan(0);
  for (const i of issues.filter((x) => x.rule === 'sum-mismatch')) expect([sumMismatch.meta.severity, 'warning']).toContain(i.severity);
  const ids = new Set(tables.map((t) => t.id));
  for (const i of issues) expect(i.table === undefined || ids.has(i.table)).toBe(true);
});
