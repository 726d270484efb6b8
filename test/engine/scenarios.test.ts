// Every fixture scenario: the tables found, every expected issue on its cell with its expected value,
// nothing beyond info on clean workbooks.
import { checkWorkbook } from '../../src/core';
import { scenarios } from '../fixtures/scenarios';
import { project, workbookFromSpec } from '../helpers/xlsx';

describe.each(scenarios.map((s) => [s.name, s] as const))('scenario %s', (_name, s) => {
  let result: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    result = checkWorkbook(await workbookFromSpec(s.sheets));
  });

  // Tables of no known kind (kind `table`) are judged by what they raise, below.
  test('recognizes exactly the expected tables', () => {
    expect(result.tables.filter((t) => t.kind !== 'table').map((t) => `${t.kind}@${t.sheet}!${t.range}`)).toEqual(s.expected.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`));
  });

  test('reports every expected issue on its cell', () => {
    const got = new Set(project(result.issues));
    const gotNoExpected = new Set(project(result.issues, false));
    const missing = s.expected.issues.filter((e) => {
      const base = `${e.rule}@${e.sheet}!${e.address}`;
      return e.expected !== undefined ? !got.has(`${base}=${Math.round(e.expected * 1e6) / 1e6}`) : !gotNoExpected.has(base);
    });
    expect(missing).toEqual([]);
  });

  test('reports no error or warning beyond the expected ones', () => {
    const allowed = new Set(s.expected.issues.map((e) => `${e.rule}@${e.sheet}!${e.address}`));
    const extra = result.issues.filter((i) => i.severity !== 'info' && !allowed.has(`${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}`));
    expect(project(extra)).toEqual([]);
  });
});
