// `merge` on several threads gives the summary one thread gives: the same cells, «Источники» rows in
// the same order, the same «Не сведено», the same printed check and exit status. From the sources
// (ts-jest) the further shares run in-process through the same part and absorption; the built
// command runs them on worker threads.
import { execFile, execFileSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { runMerge } from '../../src/cli/merge-command';
import { shares } from '../../src/cli/merge-threads';
import { readWorkbookFile } from '../../src/cli/read-xlsx';
import { analyze } from '../../src/core';
import { startMerge, type MergePlan } from '../../src/core/merge/plan';
import { contribution } from '../../src/core/merge/trace';
import { MERGE_TEXT } from '../../src/cli/merge-messages';

const root = path.resolve(__dirname, '../..');
const region = (k: number) => path.join(root, 'samples/region', `mo-${k}.xlsx`);
let dir: string;
const p = (name: string) => path.join(dir, name);
/** Six inputs: the three reports, an unreadable file among them, two reports again under other names. */
let inputs: string[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-check-merge-threads-'));
  await fs.writeFile(p('broken.xlsx'), 'not a workbook');
  await fs.copyFile(region(1), p('mo-4.xlsx'));
  await fs.copyFile(region(2), p('mo-5.xlsx'));
  inputs = [region(1), region(2), p('broken.xlsx'), region(3), p('mo-4.xlsx'), p('mo-5.xlsx')];
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every cell of every sheet: value, formula and number format, by sheet and address. */
async function cells(book: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const s of (await readWorkbookFile(book)).sheets)
    s.rows.forEach((r, i) => r?.forEach((c, j) => c && out.set(`${s.name}!${i + 1}:${j + 1}`, JSON.stringify([c.value, c.formula, c.numberFormat]))));
  return out;
}

/** The package's parts, each as its bytes. */
async function parts(book: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(book));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

async function expectSameSummary(one: string, many: string): Promise<void> {
  const [a, b] = await Promise.all([cells(one), cells(many)]);
  expect(b.size).toBe(a.size);
  for (const [k, v] of a) expect([k, b.get(k)]).toEqual([k, v]);
  const [pa, pb] = await Promise.all([parts(one), parts(many)]);
  expect([...pb.keys()]).toEqual([...pa.keys()]);
  for (const [name, bytes] of pa) expect([name, pb.get(name)!.equals(bytes)]).toEqual([name, true]);
}

describe('merge on several threads, in-process (the sources)', () => {
  async function merge(jobs: number, format: 'text' | 'json') {
    const out = p(`svod-${jobs}-${format}.xlsx`);
    let stdout = '';
    let stderr = '';
    const code = await runMerge(inputs, { out, mode: 'formulas', format, lang: 'ru', jobs }, (s) => (stdout += s), (s) => (stderr += s));
    return { out, code, stdout: stdout.split(out).join('OUT'), stderr };
  }

  test.each([2, 3, 6])('%i threads: the same summary as one, cell by cell and part by part; the same check, entries and exit status', async (jobs) => {
    const one = await merge(1, 'text');
    const many = await merge(jobs, 'text');
    expect(many.code).toBe(one.code);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
    expect(one.stderr).toContain(p('broken.xlsx'));
    await expectSameSummary(one.out, many.out);
    const [j1, jn] = [await merge(1, 'json'), await merge(jobs, 'json')];
    expect(JSON.parse(jn.stdout)).toStrictEqual(JSON.parse(j1.stdout));
  }, 60_000);

  test('the summary traces each input in input order: «Источники» of a summed cell lists the six inputs\' cells as they come', async () => {
    const { out } = await merge(3, 'text');
    const s = (await readWorkbookFile(out)).sheets.find((x) => x.name === MERGE_TEXT.ru.sources)!;
    const first = s.rows[1]!.slice(0, 2).map((c) => c?.value);
    const files = s.rows.filter((r) => r?.[0]?.value === first[0] && r?.[1]?.value === first[1]).map((r) => r![2]?.value);
    expect(files).toEqual(inputs.filter((f) => !f.endsWith('broken.xlsx')));
  }, 60_000);
});

/** The plan with each write's contributions as objects, and without the trace. */
function resolved(plan: MergePlan): unknown {
  const { trace, ...rest } = plan;
  return { ...rest, writes: plan.writes.map((w) => ({ ...w, sources: w.sources.map((i) => contribution(trace, i)) })) };
}

describe('a builder\'s part absorbed by another builder', () => {
  test('the plan of two shares, the second absorbed, equals the plan of one builder adding all; a part of another template is refused', async () => {
    const analyses = await Promise.all([1, 2, 3].map(async (k) => ({ file: region(k), analysis: analyze(await readWorkbookFile(region(k))) })));
    const template = analyses[0].analysis;
    const whole = startMerge(template);
    for (const a of analyses) whole.add(a);
    const [first, second] = shares(analyses, 2);
    const a = startMerge(template);
    first.forEach((x) => a.add(x));
    const b = startMerge(analyze(await readWorkbookFile(region(1))));
    second.forEach((x) => b.add(x));
    expect(a.absorb(structuredClone(b.part()))).toBe(true);
    // As text: the same entries in the same order (a structured clone's objects are of Node's realm,
    // not jest's), each contribution as its file, sheet, address and value (the trace's texts may
    // be numbered in another order).
    expect(JSON.stringify(resolved(a.plan()))).toBe(JSON.stringify(resolved(whole.plan())));
    const other = startMerge(analyses[2].analysis);
    other.add(analyses[1]);
    expect(whole.absorb(other.part())).toBe(false);
  }, 60_000);

  test('shares are contiguous and in order, the first ones a file longer', () => {
    expect(shares([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
    expect(shares([1, 2, 3], 3)).toEqual([[1], [2], [3]]);
  });
});

describe('merge on worker threads (the built command)', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(root, 'bin/report-check.js'), 'merge', ...args], { cwd: root, timeout: 120_000 }, (e, stdout, stderr) =>
        resolve({ code: e ? ((e as { code?: number }).code ?? -1) : 0, stdout, stderr }),
      );
    });

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: root, stdio: 'ignore' });
  }, 120_000);

  test('three threads (two workers) and one: the same summary, output and exit status', async () => {
    expect(existsSync(path.join(root, 'dist/cli/merge-worker.js'))).toBe(true);
    const one = await run([...inputs, '--out', p('built-1.xlsx'), '--jobs', '1']);
    const three = await run([...inputs, '--out', p('built-3.xlsx'), '--jobs', '3']);
    expect(three.code).toBe(one.code);
    expect(one.code).toBe(2);
    expect(three.stdout.split('built-3').join('built')).toBe(one.stdout.split('built-1').join('built'));
    expect(three.stderr).toBe(one.stderr);
    await expectSameSummary(p('built-1.xlsx'), p('built-3.xlsx'));
  }, 120_000);
});
