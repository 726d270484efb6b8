// `report-check compare` end to end: this year's check plus the comparison, in text and JSON, exit status as `check`'s.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCompare } from '../../src/cli/compare-command';
import { main, runCheck } from '../../src/cli/main';
import { ReportSchema } from '../../src/core';
import { currentReport, lastReport, type PairOptions } from '../fixtures/compare-pairs';
import { writeXlsx } from '../fixtures/xlsx-builder';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-check-compare-'));
  const planted: PairOptions = { last: { receipts: [[3, 5, 3872]], movement: [[4, 1, 212700]] }, currentWithout: ['visitsPlan'] };
  await writeXlsx(file('2022.xlsx'), lastReport().sheets);
  await writeXlsx(file('2023.xlsx'), currentReport().sheets);
  await writeXlsx(file('2022-planted.xlsx'), lastReport(planted).sheets);
  await writeXlsx(file('2023-planted.xlsx'), currentReport(planted).sheets);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(last: string, cur: string, format: 'text' | 'json', lang: 'ru' | 'en' = 'ru') {
  let out = '';
  let err = '';
  const code = await runCompare(
    last,
    cur,
    { format, lang },
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

test('JSON: one schema-valid document, this year\'s check and the comparison, last year\'s cells with their file', async () => {
  const { code, out } = await run(file('2022-planted.xlsx'), file('2023-planted.xlsx'), 'json');
  expect(code).toBe(1);
  const report = ReportSchema.parse(JSON.parse(out));
  expect(report.files).toHaveLength(1);
  const f = report.files[0];
  expect(f.file).toBe(file('2023-planted.xlsx'));
  expect(f.compared?.file).toBe(file('2022-planted.xlsx'));
  expect(f.compared?.tables.filter((t) => !t.current).map((t) => t.last.id)).toEqual(['visits-plan#1']);
  // This year's own check is all there.
  expect(f.issues.some((i) => i.rule === 'balance-mismatch')).toBe(true);
  const cmp = f.issues.filter((i) => i.rule === 'previous-report-mismatch' || i.rule === 'carry-over-mismatch');
  expect(cmp.map((i) => `${i.severity} ${i.rule} ${i.cells.map((c) => `${c.file ? path.basename(c.file) + ':' : ''}${c.sheet}!${c.address}`).join(' ')}`).sort()).toEqual(
    [
      'error carry-over-mismatch Фонды!B4 2022-planted.xlsx:Фонд!D31',
      'error previous-report-mismatch Фонды!E14 2022-planted.xlsx:Основные показатели!G34',
      'info previous-report-mismatch 2022-planted.xlsx:Основные показатели!B38',
    ].sort(),
  );
  const carry = cmp.find((i) => i.rule === 'carry-over-mismatch')!;
  expect(carry).toMatchObject({ expected: 212700, actual: 212768, table: 'fund-movement#1' });
});

test('text: this year\'s full report, then the comparison, each finding on its cell (Russian and English)', async () => {
  const ru = await run(file('2022-planted.xlsx'), file('2023-planted.xlsx'), 'text');
  const [check, comparison] = ru.out.split('Сравнение с отчётом прошлого года: ');
  expect(check).toContain('[balance-mismatch]');
  expect(comparison).toContain('Таблиц прошлого года найдено в этом отчёте: 13 из 14');
  expect(comparison).toMatch(/Ошибка\s+Фонды!B4 .*212\s700.*\[carry-over-mismatch\]/u);
  expect(comparison).toMatch(/Ошибка\s+Фонды!E14 .*3\s872.*2022-planted\.xlsx: Основные показатели!G34\)\s+\[previous-report-mismatch\]/u);
  const en = await run(file('2022-planted.xlsx'), file('2023-planted.xlsx'), 'text', 'en');
  expect(en.out).toContain("Comparison with last year's report: ");
  expect(en.out).toContain("in last year's report");
});

test('a consistent pair laid out differently: no comparison finding, exit status that of `check` of this year\'s file', async () => {
  const { code, out } = await run(file('2022.xlsx'), file('2023.xlsx'), 'text');
  expect(out).toContain('Расхождений с отчётом прошлого года нет');
  expect(out).toContain('Таблиц прошлого года найдено в этом отчёте: 14 из 14');
  const check = await runCheck([file('2023.xlsx')], { format: 'json', lang: 'ru', jobs: 1 }, () => undefined);
  expect(code).toBe(check);
});

test('last year\'s file unreadable: this year is still checked, the reason named, exit 2', async () => {
  const { code, out, err } = await run(file('no-such.xlsx'), file('2023.xlsx'), 'json');
  expect(code).toBe(2);
  const report = ReportSchema.parse(JSON.parse(out));
  expect(report.files[0].tables.length).toBeGreaterThan(0);
  expect(report.files[1]).toMatchObject({ file: file('no-such.xlsx'), error: 'файл не найден' });
  expect(err).toContain('сравнение не выполнено');
});

test('the command line: `report-check compare LAST THIS --format json`', async () => {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  try {
    const code = await main(['node', 'report-check', 'compare', file('2022.xlsx'), file('2023.xlsx'), '--format', 'json']);
    expect(code).toBe(1);
  } finally {
    spy.mockRestore();
  }
  const report = ReportSchema.parse(JSON.parse(out));
  expect(report.files[0].compared?.tables).toHaveLength(14);
});

test('the bundled samples (README): last year\'s typo and the periodicals not carried over, on their cells', async () => {
  const { code, out } = await run('samples/sample-report-2022.xlsx', 'samples/sample-report.xlsx', 'json');
  expect(code).toBe(1);
  const f = ReportSchema.parse(JSON.parse(out)).files[0];
  const errors = f.issues.filter((i) => (i.rule === 'previous-report-mismatch' || i.rule === 'carry-over-mismatch') && i.severity === 'error');
  expect(errors.map((i) => `${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}<-${i.cells[1].file}:${i.cells[1].sheet}!${i.cells[1].address}=${i.expected}/${i.actual}`).sort()).toEqual([
    'carry-over-mismatch@Фонды!D6<-samples/sample-report-2022.xlsx:Фонд!F31=8657/8675',
    'previous-report-mismatch@Фонды!E17<-samples/sample-report-2022.xlsx:Основные показатели!G34=3872/3827',
  ]);
});
