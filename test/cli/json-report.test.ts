// The CLI's JSON report on the sample workbook: one document, valid against the schema, the seed's mistakes in it.
import { runCheck } from '../../src/cli/main';
import { ReportSchema } from '../../src/core';

async function jsonReport(files: string[], extra: Partial<{ lang: 'ru' | 'en' }> = {}) {
  let out = '';
  const code = await runCheck(files, { format: 'json', lang: extra.lang ?? 'ru', jobs: 1 }, (s) => (out += s));
  return { code, report: ReportSchema.parse(JSON.parse(out)) };
}

test('the sample workbook: schema-valid JSON, exit 1, the seed mistakes on their cells', async () => {
  const { code, report } = await jsonReport(['samples/sample-report.xlsx']);
  expect(code).toBe(1);
  expect(report.files).toHaveLength(1);
  const f = report.files[0];
  expect(f.tables.map((t) => t.kind)).toEqual(expect.arrayContaining(['fund-movement', 'fund-receipts', 'fund-withdrawals', 'staff-categories', 'staff-rates', 'staff-education', 'staff-tenure', 'staff-age', 'model-standard-grid']));
  const at = f.issues.map((i) => `${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}${i.expected !== undefined ? '=' + i.expected : ''}`);
  expect(at).toEqual(expect.arrayContaining(['balance-mismatch@Фонды!C9=200019', 'sum-mismatch@Кадры!A7=57']));
  const balance = f.issues.find((i) => i.rule === 'balance-mismatch')!;
  expect(balance.message).toBe('Состоит на конец года (Книг, брошюр, 2023): 206\u00a0281 + 33 − 6\u00a0295 = 200\u00a0019, в таблице 20\u00a0813');
  expect(f.summaries?.[0].data).toMatchObject({ count: 12, total: 20, threshold: 6 });
});

test('English messages on request', async () => {
  const { report } = await jsonReport(['samples/sample-report.xlsx'], { lang: 'en' });
  const balance = report.files[0].issues.find((i) => i.rule === 'balance-mismatch')!;
  expect(balance.message).toBe('Состоит на конец года (Книг, брошюр, 2023): 206,281 + 33 − 6,295 = 200,019, the table has 20,813');
});

test('a missing file: exit 2, named with its reason, the good file still checked', async () => {
  const { code, report } = await jsonReport(['samples/sample-report.xlsx', 'samples/no-such-file.xlsx']);
  expect(code).toBe(2);
  expect(report.files[1]).toMatchObject({ file: 'samples/no-such-file.xlsx', error: 'файл не найден', tables: [], issues: [] });
  expect(report.files[0].tables.length).toBeGreaterThan(0);
});
