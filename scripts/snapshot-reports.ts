// Snapshots of what the built CLI prints, to show that a refactoring changes no report byte.
//
//   npx tsx scripts/snapshot-reports.ts write <out-dir> [--dist <dir>]   (after `npm run build:cli`)
//   npx tsx scripts/snapshot-reports.ts compare <dir-a> <dir-b>
//
// `write` runs dist/cli/main.js (`check --format json`, `check` text in Russian and English,
// `fill` in both modes, whose output lists every planned write) on the samples, seed 001, every
// .xlsx under test/fixtures and the scenario workbooks of test/fixtures/scenarios*.ts (and `compare`
// of last year's sample with this year's and of the region's workbooks pairwise), one file
// at a time in one process (so a state one check leaves behind would show too), and writes one
// snapshot file per workbook and output. `compare` lists the files that differ or are missing;
// its exit code is 1 when any does.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

type Out = (s: string) => void;
interface Cli {
  runCheck(inputs: string[], o: { format: 'text' | 'json'; lang: 'ru' | 'en'; jobs?: number }, out: Out, err: Out): Promise<number>;
  runFill(input: string, o: { out: string; mode: 'formulas' | 'values'; lang: 'ru' | 'en'; withoutObjects?: boolean }, out: Out, err: Out): Promise<number>;
}
interface CompareCli {
  runCompare(last: string, current: string, o: { format: 'text' | 'json'; lang: 'ru' | 'en' }, out: Out, err: Out): Promise<number>;
}

async function xlsxUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await fs.readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.xlsx')) found.push(p);
    }
  };
  await walk(dir);
  return found;
}

/** The scenario workbooks the engine tests build in memory, written once to `dir`. */
async function scenarioWorkbooks(dir: string): Promise<string[]> {
  const { scenarios } = await import('../test/fixtures/scenarios');
  const { writeXlsx } = await import('../test/fixtures/xlsx-builder');
  const files: string[] = [];
  for (const s of scenarios) {
    const file = path.join(dir, `${s.name}.xlsx`);
    await writeXlsx(file, s.sheets);
    files.push(file);
  }
  return files;
}

async function inputs(scratch: string): Promise<string[]> {
  const direct = [...(await xlsxUnder('samples')), ...(await xlsxUnder('test/fixtures'))];
  return [...direct.filter((f) => !f.endsWith('.filled.xlsx')), ...(await scenarioWorkbooks(scratch))];
}

async function capture(run: (out: Out, err: Out) => Promise<number>): Promise<string> {
  let text = '';
  const code = await run(
    (s) => (text += s),
    (s) => (text += `[stderr] ${s}`),
  );
  return `${text}\n[exit ${code}]\n`;
}

async function write(outDir: string, dist: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require(path.resolve(dist, 'cli/main.js')) as Cli;
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'snapshot-'));
  const files = await inputs(path.join(scratch, 'scenarios'));
  await fs.mkdir(path.join(scratch, 'scenarios'), { recursive: true });
  await fs.mkdir(outDir, { recursive: true });
  const started = Date.now();
  for (const file of files) {
    const shown = file.startsWith(scratch) ? path.join('scenarios', path.basename(file)) : file;
    const name = shown.replace(/[\\/]/g, '__');
    const outputs: [string, (out: Out, err: Out) => Promise<number>][] = [
      ['check.json', (o, e) => cli.runCheck([file], { format: 'json', lang: 'ru', jobs: 1 }, o, e)],
      ['check.ru.txt', (o, e) => cli.runCheck([file], { format: 'text', lang: 'ru', jobs: 1 }, o, e)],
      ['check.en.txt', (o, e) => cli.runCheck([file], { format: 'text', lang: 'en', jobs: 1 }, o, e)],
      ['fill-formulas.txt', (o, e) => cli.runFill(file, { out: path.join(scratch, 'filled.xlsx'), mode: 'formulas', lang: 'ru', withoutObjects: true }, o, e)],
      ['fill-values.txt', (o, e) => cli.runFill(file, { out: path.join(scratch, 'filled.xlsx'), mode: 'values', lang: 'ru', withoutObjects: true }, o, e)],
    ];
    for (const [suffix, run] of outputs) {
      const text = (await capture(run)).split(scratch).join('<scratch>').split(file).join(shown);
      await fs.writeFile(path.join(outDir, `${name}.${suffix}`), text);
    }
  }
  const compared = await writeCompare(outDir, dist);
  await fs.rm(scratch, { recursive: true, force: true });
  process.stdout.write(`${files.length} workbooks, ${files.length * 5 + compared} snapshots in ${outDir} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

/** `compare` of last year's sample with this year's, and of each region's workbook with the next, text and JSON. */
async function writeCompare(outDir: string, dist: string): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require(path.resolve(dist, 'cli/compare-command.js')) as CompareCli;
  const region = await xlsxUnder('samples/region');
  const pairs: Array<[string, string]> = [['samples/sample-report-2022.xlsx', 'samples/sample-report.xlsx'], ...region.slice(1).map((f, i): [string, string] => [region[i], f])];
  let n = 0;
  for (const [last, current] of pairs)
    for (const format of ['json', 'text'] as const) {
      const text = await capture((o, e) => cli.runCompare(last, current, { format, lang: 'ru' }, o, e));
      await fs.writeFile(path.join(outDir, `compare__${path.basename(last)}__${path.basename(current)}.${format}`), text);
      n++;
    }
  return n;
}

async function compare(a: string, b: string): Promise<number> {
  const [la, lb] = [new Set(await fs.readdir(a)), new Set(await fs.readdir(b))];
  let differ = 0;
  for (const f of [...new Set([...la, ...lb])].sort()) {
    if (!la.has(f) || !lb.has(f)) {
      process.stdout.write(`only in ${la.has(f) ? a : b}: ${f}\n`);
      differ++;
    } else if (!(await fs.readFile(path.join(a, f))).equals(await fs.readFile(path.join(b, f)))) {
      process.stdout.write(`differs: ${f}\n`);
      differ++;
    }
  }
  process.stdout.write(`${la.size} / ${lb.size} snapshots, ${differ} differ\n`);
  return differ ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const distAt = rest.indexOf('--dist');
  const dist = distAt >= 0 ? rest.splice(distAt, 2)[1] : 'dist';
  if (command === 'write' && rest.length === 1) {
    await write(rest[0], dist);
    return 0;
  }
  if (command === 'compare' && rest.length === 2) return compare(rest[0], rest[1]);
  process.stderr.write('usage: snapshot-reports.ts write <out-dir> [--dist <dir>] | compare <dir-a> <dir-b>\n');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
