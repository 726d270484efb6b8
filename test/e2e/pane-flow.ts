// The pane's main flow on one host profile: check, hostile text, select, fill, undo, demo page.
import path from 'path';
import assert from 'assert/strict';
import type { Page } from 'playwright-core';
import { HOSTILE_SHEET, IMG } from './workbook';
import type { Watched } from './run';
import { otherFiles } from './other-files';

const SHOTS = path.join(__dirname, 'screenshots');
const step = (name: string) => console.log(`• ${name}`);

type Snapshot = Record<string, Record<string, unknown>>;
const snapshot = (page: Page) => page.evaluate(() => window.__fake!.model.snapshot()) as Promise<Snapshot>;

export async function paneFlow(w: Watched, url: string, profile: 'm365-web' | 'office-2021'): Promise<void> {
  const { page, context } = w;
  const web = profile === 'm365-web';
  const shot = (name: string) => path.join(SHOTS, web ? `${name}.png` : `${name}-${profile}.png`);
  await page.goto(`${url}/taskpane.html?profile=${profile}`);
  await page.getByRole('button', { name: 'Проверить книгу', exact: true }).click();
  const issuesHeading = page.getByRole('heading', { name: /^Замечания \(\d+\)$/ });
  await issuesHeading.waitFor();
  const count = Number((await issuesHeading.textContent())!.match(/\d+/)![0]);
  assert.ok(count >= 1, 'at least one issue listed');
  assert.ok(await page.getByText('Ошибка', { exact: true }).first().isVisible(), 'severity shown in Russian');
  assert.ok(await page.getByRole('heading', { name: /^Распознанные таблицы/ }).isVisible());
  step(`[${profile}] check: ${count} issues listed in Russian`);
  await page.screenshot({ path: shot('after-check'), fullPage: false });

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
  step(`[${profile}] hostile cells (HTML, long text, control and RTL characters) shown as inert text`);

  await selectFirst(page, profile);
  await fillAndUndo(page, profile, shot);

  const runs = await page.evaluate(() => window.__fake!.model.runs);
  assert.ok(runs.every((r) => r.delayForCellEdit), 'every batch waits for cell edit');
  assert.equal(runs.some((r) => r.mergeUndoGroup), web, web ? 'writes grouped for undo (ExcelApi 1.20)' : 'no undo groups below ExcelApi 1.20');
  const failed = await page.evaluate(() => window.__fake!.model.syncLog.filter((s) => s.failed).map((s) => s.failed));
  assert.deepEqual(failed, [], 'no sync failed (no ApiNotFound on this host)');
  step(`[${profile}] every batch waits for cell edit; undo groups ${web ? 'used' : 'not used'}; no sync failed`);

  if (web) await otherFiles(page, path.resolve(__dirname, '..', '..'));
  if (web) await demoPage(context, url);
}

/** Clicking an issue moves the selection in the workbook (several cells only from ExcelApi 1.18). */
async function selectFirst(page: Page, profile: string): Promise<void> {
  const first = page.getByRole('button', { name: /Перейти к ячейке/ }).first();
  const label = (await first.getAttribute('aria-label'))!;
  const [, sheet, address] = /Перейти к ячейке (.+)!([A-Z]+\d+)$/.exec(label)!;
  await first.click();
  await page.waitForFunction(
    ([s, a]) => window.__fake!.model.selection?.sheet === s && window.__fake!.model.selection.address.split(', ').includes(a),
    [sheet, address],
  );
  step(`[${profile}] clicking an issue selected ${sheet}!${address}`);
}

async function fillAndUndo(page: Page, profile: string, shot: (n: string) => string): Promise<void> {
  const preview = page.getByRole('list', { name: 'Заполнение' });
  await preview.scrollIntoViewIfNeeded();
  const writes = (await preview.getByRole('listitem').allInnerTexts()).map((w) => w.replace(/\s+/g, ' '));
  assert.ok(writes.length >= 1, 'the fill preview lists writes');
  assert.ok(writes.some((w) => w.includes(`${HOSTILE_SHEET}!C6 (пусто)`) && w.includes('(пусто) → =C3+C4-C5 (1 050)')), writes.join('\n'));
  await page.getByRole('heading', { name: 'Заполнение' }).evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: shot('fill-preview') });
  const before = await snapshot(page);
  await page.getByRole('button', { name: 'Заполнить', exact: true }).click();
  await page.getByText(/Заполнено ячеек: \d+/).waitFor();
  const filled = await snapshot(page);
  assert.deepEqual(filled[HOSTILE_SHEET].C6, { value: 1050, formula: '=C3+C4-C5' });
  assert.deepEqual(filled[HOSTILE_SHEET].D6, { value: 730, formula: '=D3+D4-D5' });
  step(`[${profile}] fill wrote ${writes.length} cells`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('after-fill') });
  await page.getByRole('button', { name: 'Отменить', exact: true }).click();
  await page.getByText(/Заполнение отменено/).waitFor();
  assert.deepEqual(await snapshot(page), before, 'undo restored the workbook exactly');
  step(`[${profile}] undo restored the workbook exactly`);

  const chart = page.getByRole('heading', { name: 'Модельный стандарт: баллы по библиотекам' });
  if (await chart.count()) {
    await chart.evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: shot('score-chart') });
  }
}

/** The demo page renders the workbook beside the pane. */
async function demoPage(context: Watched['context'], url: string): Promise<void> {
  const demo = await context.newPage();
  await demo.setViewportSize({ width: 1100, height: 800 });
  await demo.goto(`${url}/demo.html`);
  await demo.getByRole('button', { name: 'Проверить книгу', exact: true }).click();
  await demo.getByRole('heading', { name: /^Замечания/ }).waitFor();
  assert.ok((await demo.locator('table.grid td').count()) > 10, 'the demo renders the workbook');
  await demo.screenshot({ path: path.join(SHOTS, 'demo.png') });
  step('demo page renders the workbook beside the pane');
}
