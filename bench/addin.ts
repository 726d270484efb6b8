// The Excel adapter (src/excel) against the Excel test double (test/excel-fake) on a 50-sheet
// workbook: how many sync() round trips the read and the fill take, and the bytes each carries.
// The double counts request bytes (queued writes) and response bytes (loaded properties, JSON).
import { existsSync } from 'fs';
import * as path from 'path';
import { chapterBook, writeBenchBook, GENERATOR_VERSION } from './generate';
import * as os from 'os';

export interface AddinSync {
  phase: 'read' | 'fill';
  index: number;
  reads: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  failed?: string;
}

export interface AddinResult {
  sheets: number;
  cells: number;
  limitBytes: number;
  read: { syncs: number; ms: number };
  fill: { syncs: number; writeSyncs: number; writes: number; ok: boolean; reason?: string; ms: number };
  maxRequestBytes: number;
  maxResponseBytes: number;
  syncLog: AddinSync[];
}

const LIMIT = 5 * 1024 * 1024;

export async function benchAddin(root: string, sheets = 50): Promise<AddinResult | { todo: string }> {
  const need = ['src/excel/read-workbook.ts', 'src/excel/apply-fill.ts', 'test/excel-fake/context.ts', 'test/excel-fake/load-xlsx.ts'];
  const missing = need.filter((f) => !existsSync(path.join(root, f)));
  if (missing.length) return { todo: `adapter or Excel double not there yet (${missing.join(', ')}); no numbers measured` };
  // Loaded lazily, so the rest of the bench runs while the adapter is still being written.
  const { readWorkbook } = await import('../src/excel/read-workbook');
  const { applyFill } = await import('../src/excel/apply-fill');
  const { FakeContext } = await import('../test/excel-fake/context');
  const { loadXlsx } = await import('../test/excel-fake/load-xlsx');
  const { checkWorkbook, planFill } = await import('../src/core');

  const file = path.join(os.tmpdir(), 'report-check-bench', `v${GENERATOR_VERSION}`, `addin-${sheets}.xlsx`);
  const book = chapterBook(sheets);
  if (!existsSync(file)) await writeBenchBook(file, book);
  const model = await loadXlsx(file);
  // Excel on the web refuses requests and responses over 5 MB: the double does too.
  model.behaviour.payloadLimit = LIMIT;

  const log: AddinSync[] = [];
  const readCtx = new FakeContext(model);
  let t0 = performance.now();
  const { workbook } = await readWorkbook(readCtx as never);
  const readMs = performance.now() - t0;
  for (const s of readCtx.syncs) log.push({ phase: 'read', ...pick(s) });

  checkWorkbook(workbook);
  const plan = planFill(workbook);
  const fillCtx = new FakeContext(model);
  t0 = performance.now();
  const res = await applyFill(fillCtx as never, plan);
  const fillMs = performance.now() - t0;
  for (const s of fillCtx.syncs) log.push({ phase: 'fill', ...pick(s) });

  return {
    sheets: model.sheets.length,
    cells: book.cells,
    limitBytes: LIMIT,
    read: { syncs: readCtx.syncs.length, ms: readMs },
    fill: {
      syncs: fillCtx.syncs.length,
      writeSyncs: fillCtx.syncs.filter((s) => s.writes > 0).length,
      writes: plan.writes.length,
      ok: res.ok,
      ...(res.ok ? {} : { reason: res.reason }),
      ms: fillMs,
    },
    maxRequestBytes: Math.max(0, ...log.map((s) => s.requestBytes)),
    maxResponseBytes: Math.max(0, ...log.map((s) => s.responseBytes)),
    syncLog: log,
  };
}

function pick(s: { index: number; reads: number; writes: number; requestBytes: number; responseBytes: number; failed?: string }): Omit<AddinSync, 'phase'> {
  return { index: s.index, reads: s.reads, writes: s.writes, requestBytes: s.requestBytes, responseBytes: s.responseBytes, ...(s.failed ? { failed: s.failed } : {}) };
}
