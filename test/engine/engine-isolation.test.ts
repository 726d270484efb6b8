// Two checks in one process cannot influence each other: neither the kinds one is run with, nor
// the layouts it has seen, nor its trace change another check's result.
import { analyze, checkWorkbook, Engine } from '../../src/core';
import { KINDS } from '../../src/core/kinds';
import { scenarios } from '../fixtures/scenarios';
import { workbookFromSpec } from '../helpers/xlsx';

const byName = (name: string) => scenarios.find((s) => s.name === name)!;
const tablesOf = (r: ReturnType<typeof checkWorkbook>) => r.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`);

test('a check run with one kind only first leaves the next check with every kind as it would be alone', async () => {
  const s = byName('clean-all');
  const wb = await workbookFromSpec(s.sheets);
  // Runs first in this file: a memo of the kinds a label names, shared between checks, was filled
  // with the one kind and then served to the check with every kind.
  for (const kind of new Set(s.expected.tables.map((t) => t.kind))) analyze(wb, KINDS.filter((d) => d.kind === kind));
  const known = tablesOf(checkWorkbook(wb)).filter((t) => !t.startsWith('table@'));
  expect(known).toEqual(s.expected.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`));
});

test('two engines share nothing: what one has seen neither saves the other work nor shows in its trace', async () => {
  const wb = await workbookFromSpec(byName('clean-all').sheets);
  const a = new Engine();
  const b = new Engine();
  const first = checkWorkbook(wb, {}, analyze(wb, KINDS, a));
  const computed = a.trace.computed;
  expect(computed).toBeGreaterThan(0);
  // Engine a has seen every layout of the workbook: a second check through it recognizes none anew.
  analyze(wb, KINDS, a);
  expect(a.trace.computed).toBe(computed);
  expect(b.trace).toEqual({ emptyRejections: 0, computed: 0, blocks: 0 });
  expect(checkWorkbook(wb, {}, analyze(wb, KINDS, b))).toEqual(first);
  expect(b.trace.computed).toBe(computed);
});

test("a batch's workbooks checked through one engine, in either order, get the reports each gets alone", async () => {
  const books = await Promise.all(['clean-all', 'errors-mixed', 'fill-fund', 'seed-as-stated'].map((n) => workbookFromSpec(byName(n).sheets)));
  const alone = books.map((wb) => checkWorkbook(wb, {}, analyze(wb, KINDS, new Engine())));
  const forward = new Engine();
  expect(books.map((wb) => checkWorkbook(wb, {}, analyze(wb, KINDS, forward)))).toEqual(alone);
  const backward = new Engine();
  expect(books.map((_, i) => books.length - 1 - i).map((i) => checkWorkbook(books[i], {}, analyze(books[i], KINDS, backward)))).toEqual([...alone].reverse());
});
