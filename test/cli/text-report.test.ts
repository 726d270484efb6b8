// The text report on the sample workbook: every error printed, many notes of one rule in a table
// collapsed into one line that counts and names the rest, the header counting every issue.
import { runCheck } from '../../src/cli/main';
import { CLI_TEXT } from '../../src/cli/cli-messages';
import { checkFile } from '../../src/cli/process-file';
import { oneLine, writeTextReport } from '../../src/cli/report/text-report';
import { ReportSchema } from '../../src/core';

const SAMPLE = 'samples/sample-report.xlsx';

async function output(format: 'text' | 'json', lang: 'ru' | 'en' = 'ru'): Promise<string> {
  let out = '';
  await runCheck([SAMPLE], { format, lang, jobs: 1 }, (s) => (out += s));
  return out;
}

test('many number-as-text notes of one table: three printed, one line counting and naming the rest', async () => {
  const text = await output('text');
  const json = ReportSchema.parse(JSON.parse(await output('json'))).files[0];
  const notes = json.issues.filter((i) => i.rule === 'number-as-text' && i.table === 'dynamics#1');
  expect(notes.length).toBeGreaterThan(10);
  const lines = text.split('\n').filter((l) => l.includes('[number-as-text]') && l.includes('Кузбасс 2016!'));
  expect(lines).toHaveLength(4);
  for (let k = 0; k < 3; k++) expect(lines[k]).toContain(notes[k].message);
  const rest = notes.slice(3).map((i) => i.cells[0].address);
  expect(lines[3]).toContain(`…и ещё ${rest.length} ячеек с тем же замечанием: Кузбасс 2016!${rest.slice(0, 8).join(', ')}, …`);
  // Every error of the workbook is printed, message and all (on one line: see the ↵ test below).
  for (const e of json.issues.filter((i) => i.severity === 'error')) expect(text).toContain(oneLine(e.message));
  // The counts count every issue, printed or not.
  const n = (s: string) => json.issues.filter((i) => i.severity === s).length;
  expect(text).toContain(`Ошибок: ${n('error')}, предупреждений: ${n('warning')}, сведений: ${n('info')}`);
});

test('rendering only the printed messages prints the same report', async () => {
  const render = async (messages: 'all' | 'printed') => {
    const f = await checkFile(SAMPLE, { lang: 'en', messages });
    let out = '';
    writeTextReport(f, 'en', (s) => (out += s));
    return { f, out };
  };
  const all = await render('all');
  const printed = await render('printed');
  expect(printed.out).toBe(all.out);
  expect(printed.out).toContain('…and 18 more cells with the same note: Кузбасс 2016!');
  // The notes left out are the ones not rendered.
  expect(printed.f.issues.filter((i) => i.message === '').length).toBe(18);
  expect(all.f.issues.every((i) => i.message !== '')).toBe(true);
});

test('the count agrees with its noun in Russian', () => {
  const word = (n: number) => CLI_TEXT.ru.more(n, 'A1').split(' ')[3];
  expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112].map(word)).toEqual(['ячейка', 'ячейки', 'ячейки', 'ячеек', 'ячеек', 'ячеек', 'ячеек', 'ячейка', 'ячейки', 'ячеек', 'ячейка', 'ячеек', 'ячеек']);
  expect(CLI_TEXT.en.more(1, 'A1')).toContain('1 more cell with');
});

test('a line break inside a quoted cell text shows as ↵ in the text report, one issue per line; the JSON keeps it', async () => {
  const text = await output('text');
  const json = ReportSchema.parse(JSON.parse(await output('json'))).files[0];
  const cell = json.issues.find((i) => i.rule === 'not-a-number' && i.cells[0].sheet === 'Показатели' && i.cells[0].address === 'B23')!;
  expect(cell.message).toContain('«178817\n(+44311)\n=223128»');
  expect(cell.actual).toBe('178817\n(+44311)\n=223128');
  const lines = text.split('\n').filter((l) => l.includes('Показатели!B23 '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('«178817↵(+44311)↵=223128»  [not-a-number]');
  // Every issue line of the report ends with its rule: none was broken.
  const issueLines = text.split('\n').filter((l) => /^ {2}\S+ +\S+![A-Z]+\d+/.test(l));
  expect(issueLines.length).toBeGreaterThan(10);
  for (const l of issueLines) expect(l).toMatch(/ {2}\[[a-z-/]+\]$/);
});

test('Windows and Unicode line breaks in a message: one ↵ each, in both languages', () => {
  const f = {
    file: 'книга.xlsx',
    tables: [],
    issues: [{ rule: 'not-a-number' as const, severity: 'error' as const, cells: [{ sheet: 'Лист1', address: 'B4' }], message: 'в ячейке не одно число: «60\r\n200\u2028300\r40»' }],
  };
  for (const lang of ['ru', 'en'] as const) {
    let out = '';
    writeTextReport(f, lang, (s) => (out += s));
    const lines = out.split('\n').filter((l) => l.includes('Лист1!B4'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('«60↵200↵300↵40»  [not-a-number]');
  }
});
