// The CLI against bad input: every unreadable file named with a one-line reason in the user's language,
// exit status 2, every readable file still checked; JSON output valid; fill never writes over its input
// and writes atomically.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFile, execFileSync, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ReportSchema, type Report } from '../../src/core';
import { runCheck, runFill } from '../../src/cli/main';
import { CLI_TEXT } from '../../src/cli/cli-messages';
import { buildXlsx } from '../fixtures/xlsx-builder';
import { clean } from '../fixtures/variants';

let dir: string;
const p = (name: string) => path.join(dir, name);

async function check(inputs: string[], opts: { lang?: 'ru' | 'en'; format?: 'text' | 'json' } = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCheck(inputs, { format: opts.format ?? 'text', lang: opts.lang ?? 'ru', jobs: 1 }, (s) => (out += s));
  return { code, out };
}

async function checkJson(inputs: string[], lang: 'ru' | 'en' = 'ru'): Promise<{ code: number; report: Report }> {
  const { code, out } = await check(inputs, { lang, format: 'json' });
  const parsed = ReportSchema.safeParse(JSON.parse(out));
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return { code, report: parsed.data! };
}

const goodSheets = [{ name: 'Кадры', items: [{ at: [1, 1] as [number, number], block: clean.staffRates.block }] }];
const badTotal = [{ name: 'Кадры', items: [{ at: [0, 0] as [number, number], block: { rows: [...clean.staffRates.block.rows.slice(0, 2), [48, 38, 5, 3, 1, 0]], merges: clean.staffRates.block.merges } }] }];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-check-bad-'));
  const good = await buildXlsx(goodSheets);
  await fs.writeFile(p('good.xlsx'), good);
  await fs.writeFile(p('errors-found.xlsx'), await buildXlsx(badTotal));
  await fs.writeFile(p('not-zip.xlsx'), 'Это не книга Excel, а просто текст.\n');
  await fs.writeFile(p('truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  await fs.writeFile(p('encrypted.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 7)]));
  await fs.writeFile(p('zero-bytes.xlsx'), Buffer.alloc(0));
  // A zip that is not a workbook (e.g. a renamed archive of text files).
  const zip = new JSZip();
  zip.file('readme.txt', 'not a workbook');
  await fs.writeFile(p('other-zip.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
  // An empty workbook: one sheet, no cells.
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Лист1');
  await fs.writeFile(p('empty-book.xlsx'), Buffer.from(await empty.xlsx.writeBuffer()));
  // Error values, as plain cells and as formula results, inside a staff table and beside it.
  const errs = new ExcelJS.Workbook();
  const ws = errs.addWorksheet('Кадры');
  clean.staffRates.block.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
  ws.getCell('B3').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('C3').value = { formula: 'A1/0', result: { error: '#REF!' } } as unknown as ExcelJS.CellValue;
  ws.getCell('H1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('H2').value = { error: '#VALUE!' } as ExcelJS.CellErrorValue;
  ws.getCell('H3').value = { error: '#NAME?' } as ExcelJS.CellErrorValue;
  await fs.writeFile(p('error-values.xlsx'), Buffer.from(await errs.xlsx.writeBuffer()));
  // Formulas without cached results (as written by tools that do not calculate).
  const rows = clean.staffRates.block.rows.map((r) => [...r]);
  rows[2][0] = { v: null, formula: 'SUM(B3:F3)' };
  rows[2][1] = { v: null, formula: '38' };
  await fs.writeFile(p('no-results.xlsx'), await buildXlsx([{ name: 'Кадры', items: [{ at: [0, 0], block: { rows, merges: clean.staffRates.block.merges } }] }]));
  // A stray cell at the sheet's last cell (a careless Ctrl+End): beside a label, and beside a table.
  for (const [name, withTable] of [['stray-cell.xlsx', false], ['stray-cell-table.xlsx', true]] as const) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Кадры');
    if (withTable) badTotal[0].items[0].block.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (sheet.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
    else sheet.getCell('A1').value = 'Движение фонда';
    sheet.getCell('XFD1048576').value = 5;
    await fs.writeFile(p(name), Buffer.from(await book.xlsx.writeBuffer()));
  }
  // A folder of good files with unreadable entries among them.
  await fs.mkdir(p('batch/sub'), { recursive: true });
  await fs.writeFile(p('batch/a-good.xlsx'), good);
  await fs.writeFile(p('batch/sub/c-good.xlsx'), good);
  await fs.writeFile(p('batch/b-broken.xlsx'), good.subarray(0, 300));
  await fs.symlink(p('batch/missing-target.xlsx'), p('batch/dangling.xlsx'));
  await fs.mkdir(p('batch/folder.xlsx'));
  await fs.writeFile(p('batch/folder.xlsx/d-good.xlsx'), good);
  await fs.writeFile(p('batch/~$lock.xlsx'), 'owner lock file');
  execFileSync('mkfifo', [p('batch/pipe.xlsx')]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('check: one bad file each, with its reason in the user language', () => {
  const cases: Array<[string, keyof (typeof CLI_TEXT)['ru']['failure']]> = [
    ['not-zip.xlsx', 'not-xlsx'],
    ['truncated.xlsx', 'corrupt'],
    ['encrypted.xlsx', 'encrypted'],
    ['zero-bytes.xlsx', 'empty-file'],
    ['other-zip.xlsx', 'not-workbook'],
    ['does-not-exist.xlsx', 'not-found'],
    ['batch/pipe.xlsx', 'not-a-file'],
  ];
  test.each(cases)('%s → exit 2, "%s", the good file beside it still checked', async (name, code) => {
    for (const lang of ['ru', 'en'] as const) {
      const { code: exit, report } = await checkJson([p(name), p('good.xlsx')], lang);
      expect(exit).toBe(2);
      expect(report.files.map((f) => f.file)).toEqual([p(name), p('good.xlsx')]);
      expect(report.files[0]).toEqual({ file: p(name), error: CLI_TEXT[lang].failure[code], tables: [], issues: [] });
      expect(report.files[1].error).toBeUndefined();
      expect(report.files[1].tables.map((t) => t.kind)).toEqual(['staff-rates']);
      const text = await check([p(name), p('good.xlsx')], { lang });
      expect(text.code).toBe(2);
      const line = text.out.split('\n').find((l) => l.includes(CLI_TEXT[lang].failure[code]))!;
      expect(line.trim()).toBe(`${CLI_TEXT[lang].cannotRead}: ${CLI_TEXT[lang].failure[code]}`);
      expect(text.out).not.toMatch(/\bat .*\(.*:\d+:\d+\)|Error:/);
    }
  });

  test('an empty workbook is read: no tables, exit 0', async () => {
    const { code, report } = await checkJson([p('empty-book.xlsx')]);
    expect(code).toBe(0);
    expect(report.files[0]).toMatchObject({ tables: [], issues: [] });
    expect((await check([p('empty-book.xlsx')])).out).toContain(CLI_TEXT.ru.noTables);
  });

  test('error values (#DIV/0!, #REF!, #N/A…) in a table are reported as not-a-number, not a crash', async () => {
    const { code, report } = await checkJson([p('error-values.xlsx')]);
    expect(code).toBe(1);
    const f = report.files[0];
    expect(f.error).toBeUndefined();
    const na = f.issues.filter((i) => i.rule === 'not-a-number').map((i) => i.cells[0].address);
    expect(na).toEqual(expect.arrayContaining(['B3', 'C3']));
    for (const i of f.issues) expect(i.message).not.toMatch(/undefined|NaN|\[object/);
  });

  test('formulas without cached results are reported as missing values (info), not read as zero', async () => {
    const { code, report } = await checkJson([p('no-results.xlsx')]);
    expect(report.files[0].error).toBeUndefined();
    const noResult = report.files[0].issues.filter((i) => i.rule === 'missing-value').map((i) => i.cells[0].address);
    expect(noResult).toEqual(expect.arrayContaining(['A3', 'B3']));
    expect(report.files[0].issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  test('a folder with unreadable entries: each named, every good file still checked, exit 2', async () => {
    const { code, report } = await checkJson([p('batch')], 'en');
    expect(code).toBe(2);
    const byName = new Map(report.files.map((f) => [path.relative(p('batch'), f.file), f]));
    expect([...byName.keys()].sort()).toEqual(['a-good.xlsx', 'b-broken.xlsx', 'dangling.xlsx', 'folder.xlsx/d-good.xlsx', 'pipe.xlsx', 'sub/c-good.xlsx']);
    expect(byName.get('b-broken.xlsx')!.error).toBe(CLI_TEXT.en.failure.corrupt);
    expect(byName.get('dangling.xlsx')!.error).toBe(CLI_TEXT.en.failure['not-found']);
    expect(byName.get('pipe.xlsx')!.error).toBe(CLI_TEXT.en.failure['not-a-file']);
    for (const good of ['a-good.xlsx', 'sub/c-good.xlsx', 'folder.xlsx/d-good.xlsx']) {
      expect(byName.get(good)!.error).toBeUndefined();
      expect(byName.get(good)!.tables).toHaveLength(1);
    }
    const text = await check([p('batch')], { lang: 'en' });
    expect(text.out).toContain(CLI_TEXT.en.filesSummary(6, 3, 0));
  });

  test('spreadsheets in a folder that are no .xlsx are not checked, but named after the report (stderr)', async () => {
    const mixed = p('mixed');
    await fs.mkdir(path.join(mixed, 'старые'), { recursive: true });
    await fs.copyFile(p('good.xlsx'), path.join(mixed, 'a.xlsx'));
    for (const name of ['b.xls', 'c.xlsm', 'старые/d.ods', '~$e.xls', 'notes.txt']) await fs.writeFile(path.join(mixed, name), 'x');
    for (const format of ['text', 'json'] as const) {
      let out = '';
      let err = '';
      const code = await runCheck([mixed], { format, lang: 'ru', jobs: 1 }, (s) => (out += s), (s) => (err += s));
      expect(code).toBe(0);
      expect(err).toBe(`Не проверены (в папках, но не .xlsx): 3 — ${path.join(mixed, 'b.xls')}, ${path.join(mixed, 'c.xlsm')}, ${path.join(mixed, 'старые/d.ods')}. Чтобы проверить такую книгу, сохраните её как .xlsx\n`);
      if (format === 'json') expect(JSON.parse(out).files.map((f: { file: string }) => path.basename(f.file))).toEqual(['a.xlsx']);
      else expect(out).not.toContain('b.xls');
    }
  });

  test('a stray cell at XFD1048576 (beside a label, beside a table): read and checked as the cells it holds', async () => {
    const { code, report } = await checkJson([p('stray-cell.xlsx'), p('stray-cell-table.xlsx'), p('errors-found.xlsx')]);
    expect(code).toBe(1);
    expect(report.files[0]).toEqual({ file: p('stray-cell.xlsx'), tables: [], issues: [], summaries: [] });
    // The table beside the stray cell is checked as the same table without it.
    const [, stray, plain] = report.files;
    expect(stray.error).toBeUndefined();
    expect(stray.tables.map((t) => [t.kind, t.range])).toEqual(plain.tables.map((t) => [t.kind, t.range]));
    expect(stray.issues).toEqual(plain.issues);
    expect(stray.issues.some((i) => i.rule === 'sum-mismatch')).toBe(true);
    expect((await check([p('stray-cell.xlsx')])).out).toContain(CLI_TEXT.ru.noTables);
  });

  test('exit 1 when errors are found and every file was read; 0 when clean', async () => {
    expect((await check([p('errors-found.xlsx'), p('good.xlsx')])).code).toBe(1);
    expect((await check([p('good.xlsx')])).code).toBe(0);
  });
});

test('a sheet of 1 000 000 cells is read and checked (streamed workbook)', async () => {
  const file = p('million.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Данные');
  for (let r = 0; r < 10_000; r++) {
    const row: number[] = new Array(100);
    for (let c = 0; c < 100; c++) row[c] = (r * 100 + c) % 997;
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
  const started = Date.now();
  const { code, report } = await checkJson([file, p('good.xlsx')]);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`1 000 000-cell sheet checked in ${seconds.toFixed(1)} s\n`);
  expect(report.files[0].error).toBeUndefined();
  expect(report.files[1].tables).toHaveLength(1);
  expect(code).toBe(0);
}, 300_000);

describe('fill: never over its input, atomic output', () => {
  test('--out equal to the input (same path, other spelling, symlink, hard link) → exit 2, input unchanged', async () => {
    const input = p('fill-in.xlsx');
    const rows = clean.staffRates.block.rows.map((r) => [...r]);
    rows[2][0] = null; // a total to fill
    await fs.writeFile(input, await buildXlsx([{ name: 'Кадры', items: [{ at: [0, 0], block: { rows, merges: clean.staffRates.block.merges } }] }]));
    await fs.symlink(input, p('fill-link.xlsx'));
    await fs.link(input, p('fill-hard.xlsx'));
    const before = await fs.readFile(input);
    const mtime = (await fs.stat(input)).mtimeMs;
    for (const out of [input, path.join(dir, '.', 'fill-in.xlsx'), p('fill-link.xlsx'), p('fill-hard.xlsx')]) {
      for (const lang of ['ru', 'en'] as const) {
        let err = '';
        const code = await runFill(input, { out, mode: 'formulas', lang }, () => undefined, (s) => (err += s));
        expect(code).toBe(2);
        expect(err).toBe(CLI_TEXT[lang].sameOut + '\n');
      }
    }
    // and the other way round: the input given through the link
    expect(await runFill(p('fill-link.xlsx'), { out: input, mode: 'values', lang: 'ru' }, () => undefined, () => undefined)).toBe(2);
    expect(await fs.readFile(input)).toEqual(before);
    expect((await fs.stat(input)).mtimeMs).toBe(mtime);
  });

  test('a failing write (missing folder, a folder in the way) → exit 2 with the reason, no partial or temporary file', async () => {
    const input = p('good.xlsx');
    for (const lang of ['ru', 'en'] as const) {
      let err = '';
      const out = p('no-such-folder/out.xlsx');
      expect(await runFill(input, { out, mode: 'formulas', lang }, () => undefined, (s) => (err += s))).toBe(2);
      expect(err).toBe(`${CLI_TEXT[lang].cannotWrite} ${out}: ${CLI_TEXT[lang].writeFailure['no-dir']}\n`);
      await expect(fs.stat(p('no-such-folder'))).rejects.toThrow();
    }
    await fs.mkdir(p('out-is-folder.xlsx'));
    await fs.writeFile(p('out-is-folder.xlsx/keep.txt'), 'keep');
    let err = '';
    expect(await runFill(input, { out: p('out-is-folder.xlsx'), mode: 'values', lang: 'en' }, () => undefined, (s) => (err += s))).toBe(2);
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toContain(CLI_TEXT.en.cannotWrite);
    expect(await fs.readdir(p('out-is-folder.xlsx'))).toEqual(['keep.txt']);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a successful fill writes the output through a temporary file and leaves none behind', async () => {
    const out = p('filled/out.xlsx');
    await fs.mkdir(p('filled'));
    let said = '';
    expect(await runFill(p('fill-in.xlsx'), { out, mode: 'formulas', lang: 'ru' }, (s) => (said += s))).toBe(0);
    expect(said).toContain(CLI_TEXT.ru.wrote(1, out));
    expect(await fs.readdir(p('filled'))).toEqual(['out.xlsx']);
    const { report } = await checkJson([out]);
    expect(report.files[0].issues.filter((i) => i.rule === 'missing-value')).toEqual([]);
  });

  test('an output not named .xlsx (.xlsm, none) → exit 2: Excel would refuse the copy; nothing written', async () => {
    for (const name of ['копия.xlsm', 'копия']) {
      let err = '';
      expect(await runFill(p('fill-in.xlsx'), { out: p(name), mode: 'formulas', lang: 'ru' }, () => undefined, (s) => (err += s))).toBe(2);
      expect(err).toBe(CLI_TEXT.ru.outNotXlsx + '\n');
      await expect(fs.stat(p(name))).rejects.toThrow();
    }
  });

  test('an unreadable input → exit 2 with the reason; nothing written', async () => {
    for (const [name, code] of [['encrypted.xlsx', 'encrypted'], ['truncated.xlsx', 'corrupt'], ['batch/pipe.xlsx', 'not-a-file']] as const) {
      let err = '';
      const out = p(`never-${path.basename(name)}`);
      expect(await runFill(p(name), { out, mode: 'formulas', lang: 'en' }, () => undefined, (s) => (err += s))).toBe(2);
      expect(err).toBe(`${CLI_TEXT.en.cannotRead} ${p(name)}: ${CLI_TEXT.en.failure[code]}\n`);
      await expect(fs.stat(out)).rejects.toThrow();
    }
  });
});

describe('the built command (node bin/report-check.js): no stack trace', () => {
  const root = path.resolve(__dirname, '../..');
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(root, 'bin/report-check.js'), ...args], { cwd: root, timeout: 60_000 }, (e, stdout, stderr) =>
        resolve({ code: e ? ((e as { code?: number }).code ?? -1) : 0, stdout, stderr }),
      );
    });

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: root, stdio: 'ignore' });
  }, 120_000);

  test('check with bad and good files: exit 2, one reason per bad file, no stack trace', async () => {
    const r = await run(['check', p('not-zip.xlsx'), p('encrypted.xlsx'), p('batch'), p('good.xlsx'), '--lang', 'en', '--jobs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
    expect(r.stdout).not.toMatch(/\n\s+at |node:internal/);
    expect(r.stdout).toContain(CLI_TEXT.en.failure['not-xlsx']);
    expect(r.stdout).toContain(CLI_TEXT.en.failure.encrypted);
    expect(r.stdout).toContain(CLI_TEXT.en.filesSummary(9, 5, 0));
  }, 60_000);

  test('a batch on three jobs (main thread + two workers) reports every file, in order, as one job does', async () => {
    const args = ['check', '--format', 'json', p('batch'), p('good.xlsx'), p('error-values.xlsx'), p('good.xlsx')];
    const one = await run([...args, '--jobs', '1']);
    const three = await run([...args, '--jobs', '3']);
    expect(three.code).toBe(one.code);
    expect(JSON.parse(three.stdout)).toStrictEqual(JSON.parse(one.stdout));
    expect(JSON.parse(one.stdout).files.length).toBe(9);
  }, 60_000);

  test('a reader that closes the output early (`| head`): no EPIPE stack trace, the exit code of the check', async () => {
    // Eight reports of the sample are more than a pipe holds, so the reader's close is met mid-write.
    const args = [path.join(root, 'bin/report-check.js'), 'check', '--format', 'json', ...Array(8).fill(path.join(root, 'samples/sample-report.xlsx'))];
    const full = await run(args.slice(1));
    expect(full.stdout.length).toBeGreaterThan(1 << 17);
    const cut = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: root });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(cut.stderr).toBe('');
    expect(cut.code).toBe(full.code);
  }, 60_000);

  test('check --format json is one valid document; fill onto its input refuses in Russian', async () => {
    const r = await run(['check', '--format', 'json', p('truncated.xlsx'), p('error-values.xlsx'), p('good.xlsx')]);
    expect(r.code).toBe(2);
    expect(ReportSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
    expect(r.stderr).toBe('');
    const f = await run(['fill', p('fill-in.xlsx'), '--out', p('fill-link.xlsx')]);
    expect(f.code).toBe(2);
    expect(f.stderr).toBe(CLI_TEXT.ru.sameOut + '\n');
  }, 60_000);
});
