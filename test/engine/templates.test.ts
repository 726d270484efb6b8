// Report templates with their computed cells empty, through the CLI: `fill` (both modes) writes every
// empty computed cell with its value, `check` of the copy is clean, a second `fill` writes nothing.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCheck, runFill } from '../../src/cli/main';
import { parseXlsx } from '../../src/cli/read-xlsx';
import { parseAddress, ReportSchema } from '../../src/core';
import { templateScenarios } from '../fixtures/scenarios-templates';
import { buildXlsx } from '../fixtures/xlsx-builder';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'templates-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function checkJson(file: string) {
  let out = '';
  await runCheck([file], { format: 'json', lang: 'ru', jobs: 1 }, (s) => (out += s));
  return ReportSchema.parse(JSON.parse(out)).files[0];
}

const cases = templateScenarios.flatMap((s) => (['formulas', 'values'] as const).map((m) => [s.name, m, s] as const));

describe.each(cases)('template %s, fill in %s', (name, mode, s) => {
  test('every empty computed cell is filled with its value; the copy checks clean; a second fill writes nothing', async () => {
    const input = path.join(dir, `${name}.xlsx`);
    const out = path.join(dir, `${name}.${mode}.xlsx`);
    const again = path.join(dir, `${name}.${mode}.again.xlsx`);
    await fs.writeFile(input, await buildXlsx(s.sheets));
    const before = await checkJson(input);
    expect(before.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`)).toEqual(s.expected.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`));
    expect(await runFill(input, { out, mode, lang: 'ru' }, () => undefined, () => undefined)).toBe(0);
    const wb = await parseXlsx(await fs.readFile(out));
    for (const e of s.expected.issues.filter((i) => i.rule === 'missing-value')) {
      const at = parseAddress(e.address);
      const cell = wb.sheets.find((x) => x.name === e.sheet)!.rows[at.row]?.[at.col];
      expect([e.address, Number(cell?.value)]).toEqual([e.address, expect.closeTo(e.expected!, 6)]);
      if (mode === 'formulas') expect(cell?.formula).toMatch(/^=?[A-Z(']/);
      else expect(cell?.formula).toBeUndefined();
    }
    const after = await checkJson(out);
    expect(after.tables).toEqual(before.tables);
    expect(after.issues.filter((i) => i.severity !== 'info' || i.rule === 'missing-value').map((i) => `${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}`)).toEqual([]);
    let said = '';
    expect(await runFill(out, { out: again, mode, lang: 'ru' }, (x) => (said += x), () => undefined)).toBe(0);
    expect(said).not.toMatch(/→/);
  });
});
