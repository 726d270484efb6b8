// `report-check merge <file-or-folder>... --out summary.xlsx`: the region's summary, its sources and what could not be merged.
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { analyze, type FileReport, type Lang, type Report, type Workbook } from '../core';
import { recompute, type Recomputed } from '../core/merge/recompute';
import { startMerge, type MergePlan } from '../core/merge/plan';
import type { Stack } from '../core/merge/stack';
import { expandInputs } from './files';
import { writeJson } from './report/json-text';
import { MERGE_TEXT } from './merge-messages';
import { failureText, report } from './process-file';
import { Progress } from './progress';
import { parseWorkbookBuffer, parseXlsxBook, readFileBuffer } from './read-xlsx';
import { addInputsOnThreads, type AddedInputs } from './merge-threads';
import { writeStdout } from './stdout';
import { writeTextReport } from './report/text-report';
import { applyPlan } from './write-xlsx';
import { appendSheets, type PlainCell } from './xlsx-append';
import { sourcesJob } from './sources-sheet';
import { gridOf, stackedSheet, type BuiltSheet } from './stack-sheet';

export interface MergeOpts {
  out: string;
  template?: string;
  mode: 'formulas' | 'values';
  format: 'text' | 'json';
  lang: Lang;
  threshold?: number;
  /** Threads that read the inputs, this one included (merge-threads.ts decides when not given). */
  jobs?: number;
}

/** The two paths name one file: the same path, a symlink to it, or a hard link (same device and inode). */
async function samePath(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([a, b].map((p) => fs.realpath(p).catch(() => path.resolve(p))));
  if (ra === rb) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** A sheet name neither the template nor `added` uses yet (`Свод Модельный стандарт`, else `… (2)`…). */
function freeName(book: ExcelJS.Workbook, name: string, added: string[]): string {
  let n = name;
  for (let k = 2; book.getWorksheet(n) || added.includes(n); k++) n = `${name} (${k})`;
  return n;
}

/** The sums, the emptied cells and the recomputed ones into the template's copy. */
function writeSummary(book: ExcelJS.Workbook, plan: MergePlan, r: Recomputed): void {
  const set = (sheet: string, addr: string, v: number | null) => {
    const ws = book.getWorksheet(sheet);
    if (ws) ws.getCell(addr).value = v;
  };
  for (const w of plan.writes) set(w.sheet, w.address, w.value);
  // A share whose template figure equals the recomputation at the decimals shown keeps it.
  const kept = new Set(r.kept.map((c) => `${c.sheet}!${c.address}`));
  for (const c of [...plan.cleared, ...plan.emptied]) if (!kept.has(`${c.sheet}!${c.address}`)) set(c.sheet, c.address, null);
  applyPlan(book, { writes: r.writes });
}

/** «Источники» after the contributions (sources-sheet.ts): one row per cell recomputed from the sums. */
function recomputedRows(r: Recomputed, lang: Lang): PlainCell[][] {
  const t = MERGE_TEXT[lang];
  const rows: PlainCell[][] = [];
  for (const w of r.writes) rows.push([w.sheet, w.address, null, null, null, w.value, t.recomputed(w.formula ?? '')]);
  for (const c of r.kept) rows.push([c.sheet, c.address, null, null, null, c.value, t.recomputed('')]);
  return rows;
}

/** The template's own list, stood for by the stacked one: emptied, and a line saying where the list is. */
function emptyStacked(book: ExcelJS.Workbook, stack: Stack, lang: Lang): void {
  const ws = book.getWorksheet(stack.sheet);
  if (!ws) return;
  const a = stack.area;
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) ws.getCell(r + 1, c + 1).value = null;
  ws.getCell(a.top + 1, a.left + 1).value = MERGE_TEXT[lang].stackedThere(`${MERGE_TEXT[lang].stacked} ${stack.sheet}`.slice(0, 31));
}

/** «Не сведено»: every table, row, column or cell of an input no summary cell holds, with the reason. */
function unmergedRows(plan: MergePlan, lang: Lang): PlainCell[][] {
  const t = MERGE_TEXT[lang];
  return plan.unmerged.map((u) => [u.file, u.sheet, u.address, u.table, u.what, t.reason[u.reason]]);
}

/** Writes atomically: a temporary file beside the target, then a rename. */
async function writeAtomically(buf: Buffer, out: string): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, buf);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Reads each input and adds it to the summary, with a progress bar; unreadable ones become report entries with the reason. */
async function addInputs(files: string[], template: Workbook, o: MergeOpts): Promise<AddedInputs> {
  const progress = new Progress(files.length, process.stderr, MERGE_TEXT[o.lang].reading);
  if (files.length) progress.begin(files[0]);
  let done = 0;
  const onRead = (file: string) => progress.tick((done = Math.min(done + 1, files.length)), file);
  const r = await addInputsOnThreads(files, { template, start: () => startMerge(analyze(template)), lang: o.lang, jobs: o.jobs, onRead });
  progress.end();
  return r;
}

/** Exit status: 0 merged and clean, 1 something not merged or an error in the summary, 2 an input unreadable or nothing written. */
export async function runMerge(args: string[], o: MergeOpts, out: (s: string) => void = writeStdout, err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const t = MERGE_TEXT[o.lang];
  const { files } = await expandInputs(args);
  if (!files.length) return err(`${t.noInputs}\n`), 2;
  if (!/\.xlsx$/i.test(o.out)) return err(`${t.outNotXlsx}\n`), 2;
  for (const f of [...files, ...(o.template ? [o.template] : [])]) if (await samePath(f, o.out)) return err(`${t.outIsInput}\n`), 2;
  const templateFile = o.template ?? files[0];
  let parsed;
  try {
    parsed = await parseXlsxBook(await readFileBuffer(templateFile));
  } catch (e) {
    return err(`${t.cannotReadTemplate(templateFile, failureText(e, o.lang))}\n`), 2;
  }
  const { builder, failed, writeSources } = await addInputs(files, parsed.workbook, o);
  const plan = builder.plan();
  // Shares, changes and indicators are recomputed from the sums; the rest stay empty, and are said.
  const r = recompute(parsed.workbook, plan, { mode: o.mode, threshold: o.threshold });
  // A list stacked on a sheet of its own is no cell lost: the template's own rows are emptied.
  const moved = new Set(plan.stacks.map((st) => st.table));
  for (const c of r.stale.filter((x) => !moved.has(x.table))) plan.unmerged.push({ file: templateFile, sheet: c.sheet, address: c.address, table: c.table, what: c.what, reason: 'not-recomputed' });
  writeSummary(parsed.book, plan, r);
  const sources = recomputedRows(r, o.lang);
  // Stacked lists are written with «Источники» (stack-sheet.ts), after the template's sheets, named apart from them.
  const stacked: BuiltSheet[] = [];
  for (const st of plan.stacks) {
    const name = freeName(parsed.book, `${t.stacked} ${st.sheet}`.slice(0, 31), stacked.map((x) => x.name));
    stacked.push(stackedSheet(name, st, sources, o.threshold ?? 6, o.lang));
    emptyStacked(parsed.book, st, o.lang);
  }
  // «Источники» is written meanwhile, on a worker thread when there is one.
  const written = writeSources(sourcesJob(t.sourcesHeader, plan.writes, plan.trace, t.sum, sources));
  // Its failure is met where it is awaited, below; unawaited when the summary's writing fails first.
  written.catch(() => undefined);
  let summary;
  let book: Buffer;
  try {
    book = Buffer.from((await parsed.book.xlsx.writeBuffer()) as ArrayBuffer);
    summary = await parseWorkbookBuffer(book);
    summary.sheets.push(...stacked.map(gridOf));
  } catch (e) {
    return err(`${o.out}: ${(e as Error).message}\n`), 2;
  }
  // The summary is checked as it is written, like any workbook (the sheets of sources and of what
  // was not merged aside), while «Источники» is still being written on the worker.
  const check = report(o.out, summary, { lang: o.lang, threshold: o.threshold, messages: o.format === 'text' ? 'printed' : 'all' });
  try {
    const appended = await appendSheets(book, [
      ...stacked.map((x) => ({ name: x.name, header: x.rows[0] ?? [], rows: x.rows.slice(1), merges: x.merges })),
      { name: t.sources, header: t.sourcesHeader, rows: { written: await written }, filter: true },
      { name: t.unmerged, header: t.unmergedHeader, rows: unmergedRows(plan, o.lang), filter: true },
    ]);
    await writeAtomically(appended.buf, o.out);
  } catch (e) {
    return err(`${o.out}: ${(e as Error).message}\n`), 2;
  }
  const entry: FileReport = { ...check, merged: { inputs: plan.inputs, unmerged: plan.unmerged } };
  if (o.format === 'json') {
    const doc: Report = { version: 1, files: [entry, ...failed] };
    writeJson(doc, out);
    out('\n');
  } else {
    writeTextReport(check, o.lang, out);
    const lines = ['', '', t.wrote(o.out, plan.inputs.length, plan.writes.length, r.writes.length + r.kept.length), ...plan.inputs.map((i) => t.input(i.file, i.tables, i.matched, i.cells))];
    lines.push(plan.unmerged.length ? t.unmergedCount(plan.unmerged.length) : t.nothingUnmerged);
    out(lines.join('\n') + '\n');
    for (const f of failed) err(`${f.file}: ${f.error}\n`);
  }
  if (failed.length || check.error) return 2;
  return plan.unmerged.length || check.issues.some((i) => i.severity === 'error') ? 1 : 0;
}
