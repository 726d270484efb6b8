// Tables of no known kind (issue 22), in-process over the instrument in test/fixtures/generic:
// consistent tables and decoys raise nothing, each mutation is flagged on its cell with the value
// it should hold, fill in both modes gives the emptied cells back and leaves the table clean, and
// the other regions' slips are found. Known misses are listed by id so a regression fails and a
// fix shows up as a stale entry.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { parseXlsx, parseXlsxBook } from '../../src/cli/read-xlsx';
import { applyPlan } from '../../src/cli/write-xlsx';
import { checkWorkbook, planFill, renderMessage, type FillMode, type IssueData } from '../../src/core';
import { computedValue, matches, readCells } from '../fixtures/generic/filled';
import type { CatMutation, CatTable } from '../fixtures/generic/build';
import type { CatalogueA, CatalogueB } from '../fixtures/generic/generate';

const DIR = path.resolve(__dirname, '../fixtures/generic');
const NOT_FLAGS = new Set(['number-as-text', 'dash-as-zero']);
const CAT_A = JSON.parse(readFileSync(path.join(DIR, 'catalogue-hidden-like.json'), 'utf8')) as CatalogueA;
const CAT_B = JSON.parse(readFileSync(path.join(DIR, 'catalogue-other-regions.json'), 'utf8')) as CatalogueB;
const REAL = CAT_A.tables.filter((t) => t.kind === 'table');
const DECOYS = CAT_A.tables.filter((t) => t.kind === 'decoy');

/** Consistent tables that raise a flag today, with the reason. */
const KNOWN_FALSE_ALARMS: Record<string, string> = {
  'a13-material-base-spending': "the seed's own slip: its total row C7,F7,I7,L7 does not add up as printed (sum-mismatch)",
};
/** Mutations not flagged on their cell today. */
const KNOWN_MISSES: Record<string, string> = {
  // a31–a38 (tables-invented-3.ts), written blind: misses as first measured.
  'a32-seed-computers-by-period/m1': 'one data row: `Из общего количества … поступившая` over period columns read as years, the sum is only inferred, never reported',
  'a32-seed-computers-by-period/m2': 'same table: a part changed, the inferred sum is not reported',
  // a39–a46 (tables-invented-4.ts), written blind: misses as first measured.
  'a46-two-level-indented/m1': 'one line only: Всего = groups (read right now) fails the only line, so the numbers cannot confirm it',
  'a46-two-level-indented/m2': 'same table: a group changed, the grand total fails its only line (see m1)',
  'a46-two-level-indented/m3': 'one line only: a sub-group above its group fails the only line, so the indentation alone does not state the bound (indentation can be noise)',
  // a47–a50 (tables-invented-5.ts), written blind: misses as first measured.
  'a47-opening-hours-by-type/m3': 'read as library-network; the mean-week column is taken as an average (not-summed), its E/B ratio is never checked',
};
/** Emptied tables whose filled copy still raises a flag today (a false alarm the fill cannot mend). */
const KNOWN_FILL_NOT_CLEAN: Record<string, string> = {};
/** Mutations flagged on their cell, but no flag states the value it should hold. */
const KNOWN_WITHOUT_VALUE: Record<string, string> = {};
/** Floors: emptied cells filled right, per mode, out of the instrument's emptied cells (559). */
const FILL_FLOOR: Record<FillMode, number> = { formulas: 530, values: 530 };
/** Other regions' slips not flagged today. */
const KNOWN_B_MISSES: Record<string, string> = {
  'b4-financing Финансы!D10': '+/- 2023 in thousands with kopecks (1 612,7) is not flagged',
  // b12–b17 (other-regions-3.ts), written blind: misses as first measured.
};
/** Other regions' false alarms not fixed today (`<book> <rule> <first cell>`), reported to the lead. */
const KNOWN_B_FALSE_ALARMS: Record<string, string> = {};

const fileOf = (rel: string): Buffer => readFileSync(path.join(DIR, rel));

async function flagsOf(buf: Buffer): Promise<IssueData[]> {
  return checkWorkbook(await parseXlsx(buf)).issues.filter((i) => i.severity !== 'info' && !NOT_FLAGS.has(i.rule));
}
const names = (i: IssueData): string[] => i.cells.map((c) => `${c.sheet}!${c.address}`);
const describeFlag = (i: IssueData): string => `${i.rule} ${names(i).join(',')}`;

/** Whether a flag states x (in `expected` or in its Russian message; percent or fraction units). */
function saysValue(i: IssueData, x: number, dec: number): boolean {
  const e = i.expected;
  if (typeof e === 'number' && (matches(e, x, 'round', dec) || matches(e / 100, x, 'round', dec) || matches(e, x * 100, 'round', Math.max(0, dec - 2)))) return true;
  const msg = renderMessage(i).replace(/[\u00a0\u202f\u2009 ]/g, '').replace(/[−–]/g, '-').replace(/,/g, '.');
  const forms = [x, x * 100].map((y) => [Number(y.toFixed(Math.max(dec, 0))), Number(y.toFixed(Math.max(dec - 2, 0)))]).flat();
  return forms.some((y) => new RegExp(`(?<![\\d.])${String(y).replace(/[.]/g, '\\.')}(?![\\d]|\\.\\d)`).test(msg));
}

const decOf = (t: CatTable, cell: string): number => t.relations.find((r) => r.cell === cell && r.dec !== undefined)?.dec ?? 0;

function flaggedWithValue(t: CatTable, m: CatMutation, flags: IssueData[]): { on: boolean; withValue: boolean } {
  const key = (a: string): string => `${t.sheet}!${a}`;
  const on = flags.filter((i) => names(i).includes(key(m.cell)));
  const withValue = on.some((i) => {
    const primary = names(i)[0];
    if (primary === key(m.cell) && typeof m.expected === 'number' && saysValue(i, m.expected, decOf(t, m.cell))) return true;
    return m.breaks.some((b) => primary === key(b.cell) && b.expected !== null && saysValue(i, b.expected, decOf(t, b.cell)));
  });
  return { on: on.length > 0, withValue };
}

describe('hidden-like tables of no known kind', () => {
  test.each(REAL.map((t) => [t.id, t] as const))('%s: the consistent table raises no flag', async (id, t) => {
    const flags = (await flagsOf(fileOf(t.consistent))).map(describeFlag);
    if (KNOWN_FALSE_ALARMS[id]) expect(flags.length).toBeGreaterThan(0);
    else expect(flags).toEqual([]);
  });

  test.each(DECOYS.map((t) => [t.id, t] as const))('decoy %s raises no flag', async (_id, t) => {
    expect((await flagsOf(fileOf(t.consistent))).map(describeFlag)).toEqual([]);
  });

  const mutations = REAL.flatMap((t) => t.mutations.map((m) => [m.id, t, m] as const));
  test.each(mutations)('%s is flagged on its cell with the value it should hold', async (id, t, m) => {
    const r = flaggedWithValue(t, m, await flagsOf(fileOf(m.file)));
    if (KNOWN_MISSES[id]) {
      expect(r.on).toBe(false);
      return;
    }
    expect(r).toEqual({ on: true, withValue: !KNOWN_WITHOUT_VALUE[id] });
  });
});

async function fillOnce(buf: Buffer, mode: FillMode): Promise<{ out: Buffer; writes: number }> {
  const { workbook, book } = await parseXlsxBook(buf);
  const plan = planFill(workbook, { mode });
  applyPlan(book, plan);
  return { out: Buffer.from(await (book as ExcelJS.Workbook).xlsx.writeBuffer()), writes: plan.writes.length };
}

interface FillOutcome {
  right: number;
  overData: string[];
  flagsAfter: string[];
  secondWrites: number;
}

/** Fills one emptied table in-process and measures it as the scorer does (formulas recomputed as Excel would). */
async function fillTable(t: CatTable, mode: FillMode, work: string): Promise<FillOutcome> {
  const { out } = await fillOnce(fileOf(t.empty!), mode);
  const file = path.join(work, `${t.id}.${mode}.xlsx`);
  writeFileSync(file, out);
  const before = (await readCells(path.join(DIR, t.empty!))).get(t.sheet)!;
  const after = (await readCells(file)).get(t.sheet)!;
  const computed = new Set(t.computed.map((c) => c.cell));
  let right = 0;
  for (const c of t.computed) {
    let v: unknown = null;
    try {
      v = computedValue(after, c.cell);
    } catch {
      v = null; // an Excel error (#VALUE!) counts as wrong
    }
    if (typeof v === 'number' && matches(v, c.expected, c.mode, c.dec)) right++;
  }
  const changed = (a: string): boolean => before.get(a)?.value !== after.get(a)?.value || before.get(a)?.formula !== after.get(a)?.formula;
  const overData = [...after.keys()].filter((a) => !computed.has(a) && changed(a));
  return { right, overData, flagsAfter: (await flagsOf(out)).map(describeFlag), secondWrites: (await fillOnce(out, mode)).writes };
}

describe.each(['formulas', 'values'] as const)('fill of the emptied tables (%s)', (mode) => {
  const tables = CAT_A.tables.filter((t) => t.empty);
  const outcome = new Map<string, FillOutcome>();
  const work = mkdtempSync(path.join(os.tmpdir(), 'generic-fill-'));
  beforeAll(async () => {
    for (const t of tables) outcome.set(t.id, await fillTable(t, mode, work));
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test.each(tables.map((t) => [t.id] as const))('%s: fill → check clean, a second fill writes nothing, nothing over data', (id) => {
    const o = outcome.get(id)!;
    if (KNOWN_FILL_NOT_CLEAN[id]) expect(o.flagsAfter.length).toBeGreaterThan(0);
    const flagsAfter = KNOWN_FILL_NOT_CLEAN[id] ? [] : o.flagsAfter;
    expect({ overData: o.overData, flagsAfter, secondWrites: o.secondWrites }).toEqual({ overData: [], flagsAfter: [], secondWrites: 0 });
  });

  test(`emptied cells filled right: at least ${FILL_FLOOR[mode]} of 559 (today's figure)`, () => {
    expect(tables.reduce((n, t) => n + t.computed.length, 0)).toBe(559);
    const sum = [...outcome.values()].reduce((a, o) => a + o.right, 0);
    expect(sum).toBeGreaterThanOrEqual(FILL_FLOOR[mode]);
  });
});

describe('other regions', () => {
  test.each(CAT_B.workbooks.map((w) => [w.id, w] as const))('%s: every slip flagged on its cell (known misses aside), no false alarm', async (_id, w) => {
    const flags = await flagsOf(fileOf(w.file));
    const slips = w.tables.flatMap((t) => t.errata.map((e) => `${t.sheet}!${e.cell}`));
    const keys = new Set(slips);
    const missed = slips.filter((s) => !flags.some((i) => names(i).includes(s)));
    expect(missed).toEqual(slips.filter((s) => KNOWN_B_MISSES[`${w.id} ${s}`]));
    const falseAlarms = flags.filter((i) => !names(i).some((n) => keys.has(n)) && !KNOWN_B_FALSE_ALARMS[`${w.id} ${i.rule} ${names(i)[0]}`]);
    expect(falseAlarms.map(describeFlag)).toEqual([]);
  });
});
