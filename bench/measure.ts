// One size of the benchmark, in its own process (so peak memory is this size's alone):
//   tsx bench/measure.ts FILE REPS  → one JSON line on stdout.
// Times the shipped code (dist/, compiled by `npm run build:cli`), not the TypeScript sources.
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import type * as Core from '../src/core';
import type * as Reader from '../src/cli/read-xlsx';

const dist = path.join(__dirname, '..', 'dist');
const fast = ((): { parseXlsxFast(buf: Buffer): unknown } | undefined => {
  // src/cli/xlsx/ since issue 23; src/cli/fast-xlsx.ts in the builds before it.
  for (const file of [path.join('xlsx', 'index.js'), 'fast-xlsx.js']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(path.join(dist, 'cli', file));
    } catch {
      // not in this build
    }
  }
  return undefined;
})();

/** Blocks the engine recognizes, and how many distinct layouts they have (a cold run, counted). */
function countBlocks(wb: Core.Workbook): { blocks: number; layouts: number } {
  const engine = new core.Engine();
  core.analyze(wb, undefined, engine);
  return { blocks: engine.trace.blocks, layouts: engine.trace.computed };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(path.join(dist, 'core', 'index.js')) as typeof Core;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const reader = require(path.join(dist, 'cli', 'read-xlsx.js')) as typeof Reader;

export interface SizeResult {
  file: string;
  bytes: number;
  sheets: number;
  cells: number;
  reps: number;
  /** Medians, milliseconds. */
  exceljsMs: number;
  /** The CLI's own reader (fast-xlsx.ts), when this build has it. */
  fastReadMs?: number;
  /** The engine's first run in a fresh process (cold code, no layout seen). */
  firstEngineMs: number;
  /** The engine with layout reuse turned off: every block recognized from scratch. */
  engineNoReuseMs: number;
  /** Blocks recognized and distinct layouts among them (the rest reuse an earlier block's recognition). */
  blocks: number;
  layouts: number;
  parseMs: number;
  checkMs: number;
  fillMs: number;
  engineMs: number;
  /** All repetitions, milliseconds. */
  samples: { exceljs: number[]; parse: number[]; check: number[]; fill: number[]; fastRead: number[]; noReuse: number[] };
  tables: number;
  issues: number;
  writes: number;
  /** Peak resident set of this process (MB), exceljs repetitions included. */
  peakRssMb: number;
  /** Largest V8 heap in use seen (MB): sampled every 10 ms and at every phase end. */
  peakHeapMb: number;
  /** Heap held by the engine's grid alone after a full GC (MB). */
  gridHeapMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
let peakHeap = 0;
const sample = () => {
  const h = process.memoryUsage().heapUsed;
  if (h > peakHeap) peakHeap = h;
};
const timer = setInterval(sample, 10);

/** Warm-up per side below 1M cells: the engine's code takes some 30 runs of a small workbook to settle. */
const WARM_MS = 5_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main(): Promise<void> {
  const [file, repsArg, warmArg] = process.argv.slice(2);
  const reps = Number(repsArg ?? 3);
  const warm = warmArg !== 'cold';
  const buf = readFileSync(file);
  const samples: SizeResult['samples'] = { exceljs: [], parse: [], check: [], fill: [], fastRead: [], noReuse: [] };

  // The engine's very first run in this process: cold code, nothing seen before, as a fresh
  // `report-check` process checking one file pays it.
  let firstEngineMs = 0;
  {
    const g = await reader.parseXlsx(buf);
    const t0 = performance.now();
    const a = core.analyze(g);
    core.checkWorkbook(g, {}, a);
    core.planFill(g, {}, a);
    firstEngineMs = performance.now() - t0;
  }
  // Unmeasured rounds first until the optimizing compiler has settled (a benchmark measures the
  // steady state; the first run above is reported on its own), fewer where a round is seconds.
  // Both sides alike, each right before its own timed runs: rounds until WARM_MS have passed (at
  // least two). One round only at 1M, where a round is seconds.
  const rounds = (elapsed: number, i: number) => i < (warm ? 2 : 1) || (warm && elapsed < WARM_MS);
  for (let i = 0, t0 = performance.now(); rounds(performance.now() - t0, i); i++) await new ExcelJS.Workbook().xlsx.load(buf as unknown as ArrayBuffer);
  // exceljs alone: what any reader of the file pays.
  // No forced collection before a timed run, on either side: a forced full collection also shrinks
  // the young generation, which then costs the next run more than any real process pays.
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    samples.exceljs.push(performance.now() - t0);
    sample();
  }
  // The CLI's own reader, when this build has one.
  if (fast) for (let i = 0, t0 = performance.now(); rounds(performance.now() - t0, i); i++) fast.parseXlsxFast(buf);
  for (let i = 0; fast && i < reps; i++) {
    const t0 = performance.now();
    fast.parseXlsxFast(buf);
    samples.fastRead.push(performance.now() - t0);
    sample();
  }
  // Our read: exceljs plus the conversion into the engine's grid.
  let grid: Core.Workbook | undefined;
  gc();
  const h0 = process.memoryUsage().heapUsed;
  for (let i = 0; i < reps; i++) {
    grid = undefined;
    const t0 = performance.now();
    grid = await reader.parseXlsx(buf);
    samples.parse.push(performance.now() - t0);
    sample();
  }
  gc();
  const gridHeap = process.memoryUsage().heapUsed - h0;
  // The engine reads the grid the CLI reads (the fast reader's, equal to exceljs's cell for cell).
  const wb = (fast ? (fast.parseXlsxFast(buf) as Core.Workbook) : undefined) ?? grid!;
  // One grid in memory while the engine runs, as in `report-check check` (the collector marks
  // whatever is live: a second 1M-cell grid would slow every full collection).
  grid = undefined;
  let cells = 0;
  for (const s of wb.sheets) for (const r of s.rows) if (r) for (const c of r) if (c) cells++;
  // The engine on the already-read grid: recognize + check, then plan the fill.
  if (warm)
    for (let i = 0, t0 = performance.now(); rounds(performance.now() - t0, i); i++) {
      const a = core.analyze(wb);
      core.checkWorkbook(wb, {}, a);
      core.planFill(wb, {}, a);
    }
  let result: Core.CheckResult | undefined;
  let plan: Core.FillPlan | undefined;
  for (let i = 0; i < reps; i++) {
    result = undefined;
    plan = undefined;
    // Every run starts from cold (analyze makes a fresh engine), as a fresh `report-check` process
    // does: only the repetition of layouts inside this workbook is reused.
    // One recognition shared by the check and the fill plan, as the CLI and the add-in do.
    let t0 = performance.now();
    const analysis = core.analyze(wb);
    result = core.checkWorkbook(wb, {}, analysis);
    samples.check.push(performance.now() - t0);
    sample();
    t0 = performance.now();
    plan = core.planFill(wb, {}, analysis);
    samples.fill.push(performance.now() - t0);
    sample();
  }
  // The same with layout reuse off (fewer runs: it is the slow path).
  const counted = countBlocks(wb);
  const noReuse = new core.Engine({ reuseLayouts: false });
  for (let i = 0; i < Math.max(1, Math.ceil(reps / 2)); i++) {
    const t0 = performance.now();
    const analysis = core.analyze(wb, undefined, noReuse);
    core.checkWorkbook(wb, {}, analysis);
    core.planFill(wb, {}, analysis);
    samples.noReuse.push(performance.now() - t0);
    sample();
  }
  clearInterval(timer);
  const engine = samples.check.map((c, i) => c + samples.fill[i]);
  const out: SizeResult = {
    file,
    bytes: buf.length,
    sheets: wb.sheets.length,
    cells,
    reps,
    exceljsMs: median(samples.exceljs),
    ...(samples.fastRead.length ? { fastReadMs: median(samples.fastRead) } : {}),
    engineNoReuseMs: median(samples.noReuse),
    firstEngineMs,
    blocks: counted.blocks,
    layouts: counted.layouts,
    parseMs: median(samples.parse),
    checkMs: median(samples.check),
    fillMs: median(samples.fill),
    engineMs: median(engine),
    samples,
    tables: result!.tables.length,
    issues: result!.issues.length,
    writes: plan!.writes.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
    gridHeapMb: gridHeap / 2 ** 20,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
