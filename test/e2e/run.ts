// Browser test (`npm run test:e2e`): builds the pane and the Excel double, serves them on
// localhost and drives headless Chromium at 320 px through check → select → fill → undo on two
// host profiles (Microsoft 365 on the web, Office 2021 = ExcelApi 1.14), with hostile cell text and
// every request outside localhost blocked and reported; then, on the web profile, a workbook of six
// million used cells, 600 merged areas and long texts, export replaced in an undo group, and the
// message of a host older than the manifest's minimum.
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import assert from 'assert/strict';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveFake } from '../../scripts/demo-server';
import { e2eWorkbook, largeWorkbook } from './workbook';
import { checkBuild } from './check-build';
import { paneFlow } from './pane-flow';

const ROOT = path.resolve(__dirname, '..', '..');
export const SHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function step(name: string): void {
  console.log(`• ${name}`);
}

function build(): void {
  if (process.env.E2E_SKIP_BUILD) return;
  const webpack = path.join(ROOT, 'node_modules', '.bin', 'webpack');
  step('building dist/addin and dist/fake');
  execFileSync(webpack, ['--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(webpack, ['--mode', 'production', '--env', 'fake'], { cwd: ROOT, stdio: 'inherit' });
}

/** A 320 px page that blocks and records every request outside localhost, dialogs and errors. */
export interface Watched {
  context: BrowserContext;
  page: Page;
  outside: string[];
  dialogs: string[];
  pageErrors: string[];
}

async function watchedPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'ru-RU' });
  const w: Watched = { context, page: await context.newPage(), outside: [], dialogs: [], pageErrors: [] };
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
    w.outside.push(route.request().url());
    return route.abort();
  });
  w.page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  w.page.on('pageerror', (e) => w.pageErrors.push(e.message));
  return w;
}

function assertClean(w: Watched): void {
  assert.deepEqual(w.outside, [], 'no request outside localhost');
  assert.deepEqual(w.dialogs, [], 'no dialog (alert) was opened');
  assert.deepEqual(w.pageErrors, [], 'no script error on the page');
}

const errorBars = (page: Page) => page.getByText(/Excel сообщил об ошибке|Excel не принял/);

/** The large workbook on the web profile: read in blocks without an error; export replaced twice. */
async function largeFlow(browser: Browser): Promise<void> {
  const server = await serveFake(path.join(ROOT, 'dist', 'fake'), largeWorkbook());
  const w = await watchedPage(browser);
  try {
    const { page } = w;
    await page.goto(`${server.url}/taskpane.html?profile=m365-web`);
    await page.getByRole('button', { name: 'Проверить книгу', exact: true }).click();
    await page.getByRole('heading', { name: /^Замечания/ }).waitFor({ timeout: 120_000 });
    assert.equal(await errorBars(page).count(), 0, 'no error notice after reading the large workbook');
    assert.ok(await page.getByText(/прочитана только часть листа со значениями — «Фонды»: B3:F7 из A1:J600000/).isVisible(), 'the trimmed used range is named');
    assert.ok(!(await page.getByText(/Объединённые ячейки прочитаны не все/).count()), 'all 600 merged areas read');
    const log = await page.evaluate(() => window.__fake!.model.syncLog.map((s) => ({ failed: s.failed, bytes: s.responseBytes })));
    const failed = log.filter((s) => s.failed).map((s) => s.failed);
    assert.ok(failed.every((f) => f === 'ResponsePayloadSizeLimitExceeded' || f === 'GeneralException'), `only size and merge-limit refusals, retried: ${failed.join(', ')}`);
    step(`large workbook read in ${log.length} syncs (${failed.length} refused and split): 6 000 000 used cells, 600 merged areas, 2 500 rows of long texts`);

    for (const replace of [false, true]) {
      await page.getByRole('button', { name: 'Выгрузить на лист «Проверка»' }).click();
      if (replace) {
        await page.getByRole('button', { name: 'Заменить', exact: true }).click();
      }
      await page.getByText(/Лист «Проверка» создан/).waitFor();
    }
    assert.ok(await page.getByText(/одним нажатием Ctrl\+Z/).isVisible(), 'the pane says one Ctrl+Z undoes the export');
    const runs = await page.evaluate(() => window.__fake!.model.runs);
    assert.equal(runs.at(-1)?.mergeUndoGroup, true, 'the replacing export ran in an undo group');
    const undoFailures = await page.evaluate(() => window.__fake!.model.syncLog.filter((s) => s.failed === 'UndoNotSupported').length);
    assert.equal(undoFailures, 0, 'no UndoNotSupported');
    step('export written, then replaced inside an undo group (no Worksheet.delete)');
    await page.screenshot({ path: path.join(SHOTS, 'large-workbook.png') });

    await page.goto(`${server.url}/taskpane.html?api=3`);
    await page.getByText(/Эта версия Excel слишком старая/).waitFor();
    step('a host below ExcelApi 1.4 gets the Russian message, not a blank pane');
    assertClean(w);
  } finally {
    await w.context.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  build();
  checkBuild(path.join(ROOT, 'dist', 'addin'));
  step('production build: CSP (two Office origins), office.js tag, compat.js ES5, pane ES2020, no eval, manifest and icons');
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const profile of ['m365-web', 'office-2021'] as const) {
      const { model, source } = await e2eWorkbook(ROOT);
      step(`[${profile}] workbook: ${path.relative(ROOT, source) || source} + hostile sheet`);
      const server = await serveFake(path.join(ROOT, 'dist', 'fake'), model);
      const w = await watchedPage(browser);
      try {
        await paneFlow(w, server.url, profile);
        assertClean(w);
        step(`[${profile}] no request outside localhost, no alert, no page error`);
      } finally {
        await w.context.close();
        await server.close();
      }
    }
    await largeFlow(browser);
  } finally {
    await browser.close();
  }
  console.log(`e2e: passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((e) => {
  console.error('e2e: FAILED');
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
