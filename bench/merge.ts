// The region's summary at scale: `report-check merge` of 60 workbooks of about 50 000 cells each
// (the goal: well under a minute on two cores). Inputs: the bench generator's standard and
// varied 50 000-cell workbooks, alternating, copied to 60 files in a temporary directory.
// Run alone: `npx tsc -p tsconfig.cli.json && npx tsx bench/merge.ts [--inputs 60] [--reps 1]`.
import { spawn } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchBook, GENERATOR_VERSION, writeBenchBook } from './generate';

export interface MergeBench {
  inputs: number;
  cellsPerInput: number[];
  reps: number;
  /** Median wall time of the whole command, reading to writing the summary. */
  ms: number;
  samples: number[];
  exitCode: number | null;
  summaryMb: number;
  peakRssMb: number;
  /** User and system CPU seconds of the median run (all threads; GNU time), 0 without it. */
  cpuS: number;
}

const ROOT = path.join(__dirname, '..');

/** The inputs, generated once per generator version. */
async function inputs(n: number): Promise<{ dir: string; cells: number[] }> {
  const work = path.join(os.tmpdir(), 'report-check-bench', `v${GENERATOR_VERSION}`, 'merge');
  const dir = path.join(work, `inputs-${n}`);
  const books = [benchBook(50_000, 10, false), benchBook(50_000, 10, true)];
  const src = books.map((_, i) => path.join(work, `book-50000-${i ? 'varied' : 'standard'}.xlsx`));
  await fs.mkdir(dir, { recursive: true });
  for (let i = 0; i < 2; i++) if (!existsSync(src[i])) await writeBenchBook(src[i], books[i]);
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `mo-${String(i + 1).padStart(2, '0')}.xlsx`);
    if (!existsSync(f)) await fs.copyFile(src[i % 2], f);
  }
  return { dir, cells: books.map((b) => b.cells) };
}

/** User plus system seconds from GNU time's `CPU_S %U %S`. */
function cpuOf(err: string): number {
  const m = /CPU_S ([\d.]+) ([\d.]+)/.exec(err);
  return m ? Math.round((Number(m[1]) + Number(m[2])) * 10) / 10 : 0;
}

/** One run: wall time and peak RSS (GNU time when present), exit code. */
function run(dir: string, out: string): Promise<{ ms: number; code: number | null; rssMb: number; cpuS: number }> {
  return new Promise((resolve, reject) => {
    const bin = path.join(ROOT, 'bin', 'report-check.js');
    const gnuTime = existsSync('/usr/bin/time');
    const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', 'RSS_KB %M CPU_S %U %S', process.execPath, bin, 'merge', dir, '--out', out]] : [process.execPath, [bin, 'merge', dir, '--out', out]];
    const t0 = performance.now();
    const p = spawn(cmd, argv as string[], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => resolve({ ms: performance.now() - t0, code: gnuTime && code === 1 && /RSS_KB/.test(err) ? 1 : code, rssMb: Number(/RSS_KB (\d+)/.exec(err)?.[1] ?? 0) / 1024, cpuS: cpuOf(err) }));
  });
}

export async function benchMerge(n = 60, reps = 1): Promise<MergeBench> {
  const { dir, cells } = await inputs(n);
  const out = path.join(path.dirname(dir), `summary-${n}.xlsx`);
  const samples: number[] = [];
  const runs: Array<{ ms: number; code: number | null; rssMb: number; cpuS: number }> = [];
  for (let i = 0; i < reps; i++) {
    runs.push(await run(dir, out));
    samples.push(runs[i].ms);
  }
  const last = runs[runs.length - 1];
  const rss = Math.max(0, ...runs.map((r) => r.rssMb));
  const sorted = [...samples].sort((a, b) => a - b);
  const median = runs.find((r) => r.ms === sorted[sorted.length >> 1])!;
  const size = existsSync(out) ? (await fs.stat(out)).size / 2 ** 20 : 0;
  // Exit 1 is expected: the varied inputs' rows with their own labels are listed in «Не сведено».
  return { inputs: n, cellsPerInput: cells, reps, ms: sorted[sorted.length >> 1], samples, exitCode: last.code, summaryMb: Math.round(size * 10) / 10, peakRssMb: Math.round(rss), cpuS: median.cpuS };
}

if (require.main === module) {
  const arg = (name: string, d: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : d;
  };
  benchMerge(arg('inputs', 60), arg('reps', 1)).then(
    (r) => process.stdout.write(JSON.stringify({ ...r, loadAverage: os.loadavg() }) + '\n'),
    (e) => {
      process.stderr.write(String((e as Error).stack ?? e) + '\n');
      process.exit(1);
    },
  );
}
