// `report-check merge` on three municipal reports laid out differently: exact sums, every cell traced, nothing dropped silently.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runMerge } from '../../src/cli/merge-command';
import { readWorkbookFile } from '../../src/cli/read-xlsx';
import { analyze, checkWorkbook, ReportSchema } from '../../src/core';
import { address } from '../../src/core/grid/grid';
import { EXTRA_REASON, GRID_SIZES, gridOf, municipalReport, SIZES } from '../fixtures/merge-region';
import { writeXlsx } from '../fixtures/xlsx-builder';

let dir: string;
const file = (name: string) => path.join(dir, name);
const TOTAL = SIZES.reduce((a, b) => a + b, 0);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-check-merge-'));
  for (const k of [0, 1, 2]) await writeXlsx(file(`region/mo-${k + 1}.xlsx`), municipalReport(k).sheets);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function merge(out: string, format: 'text' | 'json' = 'json', inputs = [file('region')]) {
  let stdout = '';
  let stderr = '';
  const code = await runMerge(inputs, { out, mode: 'formulas', format, lang: 'ru' }, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

/** The rows of a sheet of the written summary, as plain values. */
async function rows(book: string, sheet: string): Promise<unknown[][]> {
  const wb = await readWorkbookFile(book);
  const s = wb.sheets.find((x) => x.name === sheet)!;
  return s.rows.map((r) => (r ?? []).map((c) => (c ? c.value : null)));
}

describe('merge: three municipal reports into the region\'s summary', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof merge>>;
  beforeAll(async () => {
    out = file('svod.xlsx');
    result = await merge(out);
  });

  test('every count is the exact sum of the three, whatever the layout (rows reordered, text numbers, other sheets)', async () => {
    const m = municipalReport(0);
    const wb = await readWorkbookFile(out);
    const at = (name: 'movement' | 'receipts' | 'withdrawals' | 'staffCategories', r: number, c: number) => {
      const p = m.at[name]!;
      const s = wb.sheets.find((x) => x.name === p.sheet)!;
      const { row, col } = ((a) => ({ row: Number(/\d+/.exec(a)![0]) - 1, col: a.charCodeAt(0) - 65 }))(p.p.addr(r, c));
      return s.rows[row]?.[col]?.value;
    };
    expect(at('movement', 1, 1)).toBe(212768 * TOTAL); // fund at the start of 2023
    expect(at('receipts', 3, 5)).toBe(2286 * TOTAL); // books received in 2023 (typed as text in the second)
    expect(at('withdrawals', 4, 3)).toBe(2224 * TOTAL); // worn out, 2023 (rows reordered in the second)
    expect(at('staffCategories', 3, 6)).toBe(47 * TOTAL); // core staff 2021
  });

  test('a table of no known kind: counts and money summed by their labels, its change recomputed from the sums', async () => {
    const m = municipalReport(0);
    const p = m.at.grants!;
    const wb = await readWorkbookFile(out);
    const s = wb.sheets.find((x) => x.name === p.sheet)!;
    const value = (r: number, c: number) => {
      const a = p.p.addr(r, c);
      return s.rows[Number(/\d+/.exec(a)![0]) - 1]?.[a.charCodeAt(0) - 65];
    };
    expect(value(3, 2)?.value).toBe(320 * TOTAL); // support received in 2023, thousand roubles
    expect(value(3, 1)?.value).toBe(SIZES.reduce((a, f) => a + Math.round(150.5 * f), 0)); // each system's figure as its report rounds it
    // `Динамика, +/-` = 2023 − 2022 of the sums, a formula with its result.
    expect(value(1, 3)).toMatchObject({ value: (9 - 6) * TOTAL });
    expect(value(1, 3)?.formula).toBeDefined();
  });

  test('Model Standard grids stacked: one row per library of every system under the template\'s header, column sums, the share at the threshold recomputed', async () => {
    const sheet = (await readWorkbookFile(out)).sheets.find((x) => x.name.startsWith('Свод '))!;
    expect(sheet.name).toBe('Свод Модельный стандарт');
    const values = sheet.rows.map((r) => (r ?? []).map((c) => (c ? c.value : null)));
    // Under the template's header (4 rows), one row per library: its numbering, its name, its scores.
    const libraries = values.slice(4).filter((r) => typeof r[0] === 'string' && /^\d+\.$/.test(r[0] as string));
    expect(libraries).toHaveLength(GRID_SIZES.reduce((a, b) => a + b, 0));
    // Every library's row sum as its own report gives it.
    const sums = [0, 1, 2].flatMap((k) => gridOf(k).block.rows.slice(4, 4 + GRID_SIZES[k]).map((r) => r[27]));
    expect(libraries.map((r) => r[r.length - 1])).toEqual(sums);
    const atThreshold = sums.filter((x) => Number(x) >= 6).length;
    expect(values.flat()).toContain(`Набрали 6 и более баллов: ${atThreshold} из ${sums.length} библиотек (${String(Math.round((atThreshold / sums.length) * 1000) / 10).replace('.', ',')} %)`);
    // Checked like any workbook, it is a Model Standard grid again, with its share.
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.files[0].tables.find((t) => t.kind === 'model-standard-grid')?.sheet).toBe('Свод Модельный стандарт');
    expect(report.files[0].summaries?.[0].data).toMatchObject({ count: atThreshold, total: sums.length });
  });

  test('«Источники»: one row per contribution; every figure of the summary\'s tables traced', async () => {
    const src = await rows(out, 'Источники');
    expect(src[0]).toEqual(['Лист свода', 'Ячейка свода', 'Файл', 'Лист', 'Ячейка', 'Значение', 'Как получено']);
    const traced = new Set(src.slice(1).map((r) => `${r[0]}!${r[1]}`));
    const wb = await readWorkbookFile(out);
    const summary = { sheets: wb.sheets.filter((s) => s.name !== 'Источники' && s.name !== 'Не сведено') };
    const untraced: string[] = [];
    for (const t of analyze(summary).tables)
      for (const c of t.cells) if (c.num.kind !== 'empty' && !traced.has(`${t.sheet.name}!${address(t.sheet, c.row, c.col)}`)) untraced.push(`${t.id} ${address(t.sheet, c.row, c.col)}`);
    expect(untraced).toEqual([]);
    const books = src.filter((r) => r[6] === 'сумма' && r[0] === municipalReport(0).at.receipts!.sheet && r[1] === municipalReport(0).at.receipts!.p.addr(3, 5));
    expect(books.map((r) => [path.basename(String(r[2])), r[5]])).toEqual([
      ['mo-1.xlsx', 2286],
      ['mo-2.xlsx', 2286 * 2],
      ['mo-3.xlsx', 2286 * 3],
    ]);
  });

  test('«Не сведено»: the row only the third report has, and the indicators of years the summary cannot recompute; exit 1', async () => {
    expect(result.code).toBe(1);
    const un = await rows(out, 'Не сведено');
    const extra = un.filter((r) => String(r[4]).startsWith(EXTRA_REASON));
    expect(extra.map((r) => [path.basename(String(r[0])), r[5]])).toEqual([
      ['mo-3.xlsx', 'подпись строки или графы не найдена в своде'],
      ['mo-3.xlsx', 'подпись строки или графы не найдена в своде'],
      ['mo-3.xlsx', 'подпись строки или графы не найдена в своде'],
    ]);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.files[0].merged?.unmerged).toHaveLength(un.length - 1);
    expect(report.files[0].merged?.inputs.map((i) => [path.basename(i.file), i.matched])).toEqual([
      ['mo-1.xlsx', 12],
      ['mo-2.xlsx', 12],
      ['mo-3.xlsx', 12],
    ]);
  });

  test('the summary raises no error that no input had (the seed\'s own mistakes, on the same cells)', async () => {
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    const summaryErrors = report.files[0].issues.filter((i) => i.severity === 'error').map((i) => `${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}`);
    const first = checkWorkbook(await readWorkbookFile(file('region/mo-1.xlsx')));
    const inputErrors = new Set(first.issues.filter((i) => i.severity === 'error').map((i) => `${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}`));
    expect(summaryErrors.length).toBeGreaterThan(0);
    expect(summaryErrors.filter((e) => !inputErrors.has(e))).toEqual([]);
  });
});

test('never written over an input; nothing left behind', async () => {
  const before = await fs.readFile(file('region/mo-1.xlsx'));
  const r = await merge(file('region/mo-1.xlsx'), 'text');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--out');
  expect(await fs.readFile(file('region/mo-1.xlsx'))).toEqual(before);
  // Nor through a hard link to it.
  await fs.link(file('region/mo-1.xlsx'), file('linked.xlsx'));
  expect((await merge(file('linked.xlsx'), 'text')).code).toBe(2);
  expect(await fs.readFile(file('region/mo-1.xlsx'))).toEqual(before);
  expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('text: the summary\'s check, a line per input, what was not merged', async () => {
  const r = await merge(file('svod-text.xlsx'), 'text');
  expect(r.stdout).toContain('Свод записан в');
  expect(r.stdout).toMatch(/mo-2\.xlsx: таблиц 12, сопоставлено 12, ячеек сложено \d+/);
  expect(r.stdout).toMatch(/Не сведено: \d+ \(лист «Не сведено»\)/);
});

test('the bundled region (README): three reports merged, the third\'s extra row listed', async () => {
  let stdout = '';
  const out = file('region-summary.xlsx');
  const code = await runMerge(['samples/region'], { out, mode: 'formulas', format: 'json', lang: 'ru' }, (s) => (stdout += s), () => undefined);
  expect(code).toBe(1);
  const merged = ReportSchema.parse(JSON.parse(stdout)).files[0].merged!;
  expect(merged.inputs.map((i) => [i.file, i.matched, i.tables])).toEqual([
    ['samples/region/mo-1.xlsx', 12, 12],
    ['samples/region/mo-2.xlsx', 12, 12],
    ['samples/region/mo-3.xlsx', 12, 12],
  ]);
  expect(merged.unmerged.filter((u) => u.reason === 'no-label').map((u) => `${u.file}:${u.sheet}!${u.address}`)).toEqual([
    'samples/region/mo-3.xlsx:5. Фонды!D30',
    'samples/region/mo-3.xlsx:5. Фонды!E30',
    'samples/region/mo-3.xlsx:5. Фонды!F30',
  ]);
});
