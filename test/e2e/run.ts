// Browser test (`npm run test:e2e`): builds the pane and the Excel double, serves them on
// localhost and drives headless Chromium at 320 px through check → select → fill → undo,
// with hostile cell text and every request outside localhost blocked and reported.
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import assert from 'assert/strict';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { serveFake } from '../../scripts/demo-server';
import { e2eWorkbook, HOSTILE_SHEET, IMG } from './workbook';
import { checkBuild } from './check-build';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function step(name: string): void {
  console.log(`• ${name}`);
}

function build(): void {
  if (process.env.E2E_SKIP_BUILD) return;
  const webpack = path.join(ROOT, 'node_modules', '.bin', 'webpack');
  step('building dist/addin and dist/fake');
  execFileSync(webpack, ['--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(webpack, ['--mode', 'production', '--env', 'fake'], { cwd: ROOT, stdio: 'inherit' });
}

type Snapshot = Record<string, Record<string, unknown>>;
const snapshot = (page: Page) => page.evaluate(() => window.__fake!.model.snapshot()) as Promise<Snapshot>;

async function main(): Promise<void> {
  build();
  checkBuild(path.join(ROOT, 'dist', 'addin'));
  step('production build: CSP, office.js tag, no eval, manifest and icons present');

  const { model, source } = await e2eWorkbook(ROOT);
  step(`workbook: ${path.relative(ROOT, source) || source} + hostile sheet`);
  const server = await serveFake(path.join(ROOT, 'dist', 'fake'), model);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const outside: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'ru-RU' });
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    fs.mkdirSync(SHOTS, { recursive: true });

    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('button', { name: 'Проверить книгу', exact: true }).click();
    const issuesHeading = page.getByRole('heading', { name: /^Замечания \(\d+\)$/ });
    await issuesHeading.waitFor();
    const count = Number((await issuesHeading.textContent())!.match(/\d+/)![0]);
    assert.ok(count >= 1, 'at least one issue listed');
    assert.ok(await page.getByText('Ошибка', { exact: true }).first().isVisible(), 'severity shown in Russian');
    assert.ok(await page.getByRole('heading', { name: /^Распознанные таблицы/ }).isVisible());
    step(`check: ${count} issues listed in Russian`);
    await page.screenshot({ path: path.join(SHOTS, 'after-check.png'), fullPage: false });

    // Nothing is clipped sideways at 320 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 320, `page is ${overflow}px wide at 320px`);

    // Hostile cell text shows as text: no element made from it, no script run.
    assert.equal(await page.locator('img').count(), 0, 'no <img> from cell text');
    const paneText = await page.locator('#root').innerText();
    assert.ok(paneText.includes(IMG), 'the <img> text is shown as characters');
    assert.ok(paneText.includes('⟨U+202E⟩'), 'a right-to-left override is shown as a code');
    assert.ok(paneText.includes('⟨U+0007⟩'), 'a control character is shown as a code');
    assert.ok(!paneText.includes('Очень длинная строка '.repeat(40)), 'very long text is shortened');
    step('hostile cells (HTML, long text, control and RTL characters) shown as inert text');

    // Clicking an issue moves the selection in the workbook.
    const first = page.getByRole('button', { name: /Перейти к ячейке/ }).first();
    const label = (await first.getAttribute('aria-label'))!;
    const [, sheet, address] = /Перейти к ячейке (.+)!([A-Z]+\d+)$/.exec(label)!;
    await first.click();
    await page.waitForFunction(
      ([s, a]) => window.__fake!.model.selection?.sheet === s && window.__fake!.model.selection.address.split(', ').includes(a),
      [sheet, address],
    );
    step(`clicking an issue selected ${sheet}!${address}`);

    // Fill preview, fill, undo.
    const preview = page.getByRole('list', { name: 'Заполнение' });
    await preview.scrollIntoViewIfNeeded();
    const writes = (await preview.getByRole('listitem').allInnerTexts()).map((w) => w.replace(/\s+/g, ' '));
    assert.ok(writes.length >= 1, 'the fill preview lists writes');
    assert.ok(writes.some((w) => w.includes(`${HOSTILE_SHEET}!C6 (пусто)`) && w.includes('(пусто) → =C3+C4-C5 (1 050)')), writes.join('\n'));
    await page.getByRole('heading', { name: 'Заполнение' }).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, 'fill-preview.png') });
    const before = await snapshot(page);
    await page.getByRole('button', { name: 'Заполнить', exact: true }).click();
    await page.getByText(/Заполнено ячеек: \d+/).waitFor();
    const filled = await snapshot(page);
    assert.deepEqual(filled[HOSTILE_SHEET].C6, { value: 1050, formula: '=C3+C4-C5' });
    assert.deepEqual(filled[HOSTILE_SHEET].D6, { value: 730, formula: '=D3+D4-D5' });
    step(`fill wrote ${writes.length} cells`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'after-fill.png') });
    await page.getByRole('button', { name: 'Отменить', exact: true }).click();
    await page.getByText(/Заполнение отменено/).waitFor();
    assert.deepEqual(await snapshot(page), before, 'undo restored the workbook exactly');
    step('undo restored the workbook exactly');

    const writeSyncs = await page.evaluate(() => window.__fake!.model.syncLog.filter((s) => s.writes > 0).length);
    const runs = await page.evaluate(() => window.__fake!.model.runs);
    assert.ok(runs.every((r) => r.delayForCellEdit), 'every batch waits for cell edit');
    step(`syncs with writes in the session: ${writeSyncs} (fill 1, undo 1)`);

    const chart = page.getByRole('heading', { name: 'Модельный стандарт: баллы по библиотекам' });
    if (await chart.count()) {
      await chart.evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: path.join(SHOTS, 'score-chart.png') });
      step('Model Standard chart drawn');
    }

    // The demo page renders the workbook beside the pane.
    const demo = await context.newPage();
    await demo.setViewportSize({ width: 1100, height: 800 });
    await demo.goto(`${server.url}/demo.html`);
    await demo.getByRole('button', { name: 'Проверить книгу', exact: true }).click();
    await demo.getByRole('heading', { name: /^Замечания/ }).waitFor();
    assert.ok((await demo.locator('table.grid td').count()) > 10, 'the demo renders the workbook');
    await demo.screenshot({ path: path.join(SHOTS, 'demo.png') });
    step('demo page renders the workbook beside the pane');

    assert.deepEqual(outside, [], 'no request outside localhost');
    assert.deepEqual(dialogs, [], 'no dialog (alert) was opened');
    assert.deepEqual(pageErrors, [], 'no script error on the page');
    step('no request outside localhost, no alert, no page error');
  } finally {
    await browser.close();
    await server.close();
  }
  console.log('e2e: passed');
}

main().catch((e) => {
  console.error('e2e: FAILED');
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
