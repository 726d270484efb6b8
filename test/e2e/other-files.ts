// The pane's «Сравнить с прошлым годом…» and «Собрать свод…» in Chromium, on the production bundle:
// the picked files are read by the CLI's reader in the browser (its Buffer, zlib and path stand-ins),
// the comparison's findings listed, the summary's sheets added to the double and deleted again.
import path from 'path';
import assert from 'assert/strict';
import type { Page } from 'playwright-core';

const step = (name: string) => console.log(`• ${name}`);
const sheetNames = (page: Page) => page.evaluate(() => window.__fake!.model.sheets.map((s) => s.name));

export async function otherFiles(page: Page, root: string): Promise<void> {
  const samples = path.join(root, 'samples');
  await page.getByTestId('last-year-file').setInputFiles(path.join(samples, 'sample-report-2022.xlsx'));
  await page.getByText(/Сравнение с «sample-report-2022\.xlsx»: сопоставлено таблиц \d+ из \d+/).waitFor();
  const other = page.getByText(/^В прошлогоднем отчёте: sample-report-2022\.xlsx: /);
  assert.ok((await other.count()) >= 1, 'a finding names the cell of last year’s report');
  step('compare: last year’s report read in the browser, its findings listed with its cells');
  await page.getByRole('button', { name: 'Убрать сравнение' }).click();
  await page.getByRole('heading', { name: /^Замечания/ }).waitFor();

  const before = await sheetNames(page);
  await page.getByTestId('municipal-files').setInputFiles(['mo-1.xlsx', 'mo-2.xlsx', 'mo-3.xlsx'].map((f) => path.join(samples, 'region', f)));
  await page.getByText(/Свод записан на новые листы/).waitFor({ timeout: 60_000 });
  const after = await sheetNames(page);
  assert.deepEqual(after.slice(0, before.length), before, 'the workbook’s own sheets kept');
  assert.ok(after.includes('Источники') && after.includes('Не сведено'), after.join(', '));
  const sources = await page.evaluate(() => Object.keys(window.__fake!.model.snapshot()['Источники']).length);
  assert.ok(sources > 100, `«Источники» written (${sources} cells)`);
  step(`merge: ${after.length - before.length} sheets added from three municipal files`);
  await page.getByRole('button', { name: 'Удалить листы свода' }).click();
  await page.getByText(/Листы свода удалены/).waitFor();
  assert.deepEqual(await sheetNames(page), before, 'the summary’s sheets deleted, nothing else');
  step('merge undone: the added sheets deleted');
}
