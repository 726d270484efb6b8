// Scores the built CLI against the generic table layer's instrument (test/fixtures/generic):
// A. hidden-like tables of no known kind: mutations found on their cells (and with the
//    expected value), false alarms on consistent tables and decoys, emptied cells filled right
//    by `fill --mode formulas` and `--mode values` (formulas recomputed here, not trusted),
//    writes over data, fill → check clean, a second fill writing nothing;
// B. other regions' workbooks: their slips found, false alarms per workbook.
// A flag is an error or a warning, number-as-text and dash-as-zero aside.
//
//   npm run generic:score                    (builds the CLI first)
//   npx tsx scripts/score-generic.ts [--set a|b] [--only <id part>] [--no-fill] [--verbose] [--keep <dir>]
//   (--only scores the hidden-like tables whose id contains it; --keep leaves the filled copies there)
import { spawn, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { computedValue, matches, readCells } from '../test/fixtures/generic/filled';
import { CATALOGUE_A, CATALOGUE_B, type CatalogueA, type CatalogueB } from '../test/fixtures/generic/generate';
import type { CatMutation, CatTable } from '../test/fixtures/generic/build';
import { refsOf } from '../test/fixtures/generic/expr';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'test/fixtures/generic');
const CLI = path.join(ROOT, 'bin/report-check.js');
const NOT_FLAGS = new Set(['number-as-text', 'dash-as-zero']);
const VERBOSE = process.argv.includes('--verbose');

interface Issue {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  table?: string;
  cells: Array<{ sheet: string; address: string }>;
  expected?: unknown;
  message?: string;
}
interface FileReport {
  file: string;
  error?: string;
  tables?: Array<{ id: string; kind: string; relations?: number }>;
  issues?: Issue[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function check(paths: string[]): Map<string, FileReport> {
  const r = spawnSync(process.execPath, [CLI, 'check', ...paths, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (!r.stdout) throw new Error(`report-check check failed (status ${r.status}): ${r.stderr}`);
  const out = new Map<string, FileReport>();
  for (const f of (JSON.parse(r.stdout) as { files: FileReport[] }).files) out.set(path.resolve(ROOT, f.file), f);
  return out;
}

const flagsOf = (f: FileReport | undefined): Issue[] => (f?.issues ?? []).filter((i) => i.severity !== 'info' && !NOT_FLAGS.has(i.rule));
const names = (i: Issue): string[] => i.cells.map((c) => `${c.sheet}!${c.address}`);
const pctOf = (a: number, b: number): string => (b ? `${((a / b) * 100).toFixed(0)} %` : '—');

function describe(i: Issue): string {
  return `${i.severity} ${i.rule} ${names(i).slice(0, 3).join(', ')}${i.cells.length > 3 ? ', …' : ''} — ${(i.message ?? '').replace(/\s+/g, ' ').slice(0, 150)}`;
}

/** Forms a number takes in a message: `1 234`, `1234`, `12,5`, `-3`. */
function numberForms(x: number, dec: number): string[] {
  const forms = new Set<string>();
  for (const d of new Set([dec, 0, 1, 2].filter((k) => k >= dec || Number.isInteger(x)))) {
    const s = Math.abs(x).toFixed(d);
    if (Number(s) !== Number(Math.abs(x).toFixed(Math.max(dec, 0)))) continue;
    const [i, fr] = s.split('.');
    const sign = x < 0 ? '-' : '';
    for (const g of [i.replace(/\B(?=(\d{3})+(?!\d))/g, ' '), i]) forms.add(sign + g + (fr ? ',' + fr : ''));
  }
  return [...forms];
}

function saysValue(i: Issue, x: number, dec: number): boolean {
  const e = typeof i.expected === 'number' ? i.expected : typeof i.expected === 'string' ? Number(i.expected.replace(',', '.')) : NaN;
  if (Number.isFinite(e) && (matches(e, x, 'round', dec) || matches(e / 100, x, 'round', dec) || matches(e, x * 100, 'round', Math.max(0, dec - 2)))) return true;
  const msg = ` ${(i.message ?? '').replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/[−–]/g, '-')} `;
  return numberForms(x, dec).some((s) => new RegExp(`(?<![\\d,])${s.replace(/[.+]/g, '\\$&')}(?![\\d]|,\\d)`).test(msg));
}

function decOf(t: CatTable, cell: string): number {
  return t.relations.find((r) => r.cell === cell && r.dec !== undefined)?.dec ?? 0;
}

interface MutScore {
  found: boolean;
  withExpected: boolean;
  collateral: Issue[];
}

function scoreMutation(t: CatTable, m: CatMutation, f: FileReport | undefined): MutScore {
  const key = (a: string): string => `${t.sheet}!${a}`;
  const related = new Set([key(m.cell), ...m.breaks.map((b) => key(b.cell))]);
  for (const b of m.breaks) for (const a of refsOf(t.relations.find((r) => r.id === b.relation)?.expr ?? '')) related.add(key(a));
  const flags = flagsOf(f);
  const onIt = flags.filter((i) => names(i).includes(key(m.cell)));
  const withExpected = onIt.some((i) => {
    const primary = names(i)[0];
    if (primary === key(m.cell) && typeof m.expected === 'number' && saysValue(i, m.expected, decOf(t, m.cell))) return true;
    return m.breaks.some((b) => primary === key(b.cell) && b.expected !== null && saysValue(i, b.expected, decOf(t, b.cell)));
  });
  return { found: onIt.length > 0, withExpected, collateral: flags.filter((i) => !names(i).some((n) => related.has(n))) };
}

function scoreA(cat: CatalogueA, reports: Map<string, FileReport>): void {
  const real = cat.tables.filter((t) => t.kind === 'table');
  const decoys = cat.tables.filter((t) => t.kind === 'decoy');
  const at = (rel: string): FileReport | undefined => reports.get(path.join(DIR, rel));
  const unread = [...reports.values()].filter((f) => f.error);
  const falseOn = (ts: CatTable[]): Array<[string, Issue]> => ts.flatMap((t) => flagsOf(at(t.consistent)).map((i) => [t.id, i] as [string, Issue]));
  const fConsistent = falseOn(real);
  const fDecoys = falseOn(decoys);
  const seen = real.filter((t) => (at(t.consistent)?.tables ?? []).some((x) => (x.relations ?? 0) > 0));
  const byFamily = new Map<string, [number, number, number]>();
  let found = 0;
  let withExp = 0;
  const collateral: Array<[string, Issue]> = [];
  const missed: string[] = [];
  for (const t of real)
    for (const m of t.mutations) {
      const s = scoreMutation(t, m, at(m.file));
      const fam = byFamily.get(m.family) ?? [0, 0, 0];
      fam[2]++;
      if (s.found) {
        found++;
        fam[0]++;
      }
      if (s.withExpected) {
        withExp++;
        fam[1]++;
      }
      byFamily.set(m.family, fam);
      for (const c of s.collateral) collateral.push([m.id, c]);
      if (!s.found) missed.push(`${m.id} ${m.family} ${t.sheet}!${m.cell}: ${String(m.from)} → ${String(m.to)} (should be ${String(m.expected)}) — ${m.why}`);
    }
  const nMut = real.reduce((n, t) => n + t.mutations.length, 0);
  console.log(`A. Hidden-like set: ${real.length} tables of no known kind + ${decoys.length} decoys (${path.relative(ROOT, DIR)}/hidden-like)`);
  if (unread.length) console.log(`  Files not read: ${unread.length} (${unread.map((f) => path.basename(path.dirname(f.file)) + '/' + path.basename(f.file)).join(', ')})`);
  console.log(`  Consistent tables reported with relations checked: ${seen.length} / ${real.length}`);
  const kinds = new Map<string, number>();
  for (const t of cat.tables) for (const x of at(t.consistent)?.tables ?? []) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
  console.log(`  Kinds reported on the consistent tables and decoys: ${[...kinds.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || '—'}`);
  console.log(`  Mutations found on their cells: ${found} / ${nMut} (${pctOf(found, nMut)}); with the expected value: ${withExp} (${pctOf(withExp, nMut)})   [goal ≥ 90 %]`);
  for (const [fam, [a, b, n]] of [...byFamily.entries()].sort((x, y) => y[1][2] - x[1][2])) console.log(`    ${fam.padEnd(10)} ${a} / ${n} found, ${b} with the expected value`);
  console.log(`  False alarms on consistent tables: ${fConsistent.length}; on decoys: ${fDecoys.length}   [goal 0]`);
  for (const [id, i] of [...fConsistent, ...fDecoys].slice(0, VERBOSE ? 1000 : 12)) console.log(`    ${id}: ${describe(i)}`);
  console.log(`  Flags in mutated files away from the mutation and the relations it breaks: ${collateral.length}`);
  if (VERBOSE) for (const [id, i] of collateral) console.log(`    ${id}: ${describe(i)}`);
  if (VERBOSE && missed.length) {
    console.log('  Missed mutations:');
    for (const l of missed) console.log(`    ${l}`);
  }
}

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs jobs two at a time (the machine has two cores and others work on it). */
async function pool<T>(jobs: Array<() => Promise<T>>, width = 2): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const k = next++;
        out[k] = await jobs[k]();
      }
    }),
  );
  return out;
}

interface FillResult {
  right: number;
  cachedRight: number;
  wrong: string[];
  overData: string[];
  refused: string[];
  again: number;
}

async function fillMode(cat: CatalogueA, mode: 'formulas' | 'values', work: string): Promise<{ r: FillResult; outs: string[] }> {
  const tables = cat.tables.filter((t) => t.empty);
  const r: FillResult = { right: 0, cachedRight: 0, wrong: [], overData: [], refused: [], again: 0 };
  const outs = tables.map((t) => path.join(work, mode, `${t.id}.xlsx`));
  mkdirSync(path.join(work, mode), { recursive: true });
  const res = await pool(tables.map((t, k) => () => run(['fill', path.join(DIR, t.empty!), '--out', outs[k], '--mode', mode])));
  for (let k = 0; k < tables.length; k++) {
    const t = tables[k];
    if (res[k].status !== 0) {
      r.refused.push(`${t.id}: status ${res[k].status} ${res[k].stderr.trim().slice(0, 120)}`);
      continue;
    }
    const before = (await readCells(path.join(DIR, t.empty!))).get(t.sheet)!;
    const after = (await readCells(outs[k])).get(t.sheet)!;
    const computed = new Map(t.computed.map((c) => [c.cell, c]));
    for (const c of t.computed) {
      const cell = after.get(c.cell);
      let v: unknown;
      try {
        v = computedValue(after, c.cell);
      } catch (e) {
        v = `${(e as Error).message}`;
      }
      const ok = typeof v === 'number' && matches(v, c.expected, c.mode, c.dec);
      if (ok) r.right++;
      else r.wrong.push(`${t.id} ${c.cell} (${c.family}): expected ${c.expected}, ${cell ? (cell.formula ? `=${cell.formula} gives ${String(v)}` : `written ${String(v)}`) : 'left empty'}`);
      if (cell?.formula && typeof cell.value === 'number' && matches(cell.value, c.expected, c.mode, c.dec)) r.cachedRight++;
    }
    for (const [a, cell] of after) {
      const b = before.get(a);
      if (computed.has(a)) continue;
      if (!b || b.value !== cell.value || b.formula !== cell.formula) r.overData.push(`${t.id} ${a}: ${b ? String(b.value) : '∅'} → ${cell.formula ? '=' + cell.formula : String(cell.value)}`);
    }
  }
  // A second fill writes nothing.
  const again = await pool(outs.map((o) => () => run(['fill', o, '--out', o.replace(/\.xlsx$/, '.again.xlsx'), '--mode', mode])));
  again.forEach((a, k) => {
    const lines = a.stdout.split('\n').filter((l) => l.includes('→'));
    if (a.status !== 0 || !lines.length) return;
    r.again++;
    if (VERBOSE) for (const l of lines) r.wrong.push(`second fill of ${tables[k].id} wrote ${l.trim()}`);
  });
  return { r, outs };
}

async function scoreFill(cat: CatalogueA, keep: string | undefined): Promise<void> {
  const work = keep ?? mkdtempSync(path.join(os.tmpdir(), 'generic-fill-'));
  const n = cat.tables.reduce((k, t) => k + (t.empty ? t.computed.length : 0), 0);
  const files = cat.tables.filter((t) => t.empty).length;
  console.log(`  Emptied cells: ${n} in ${files} tables   [goal ≥ 90 % right in both modes, fill → check clean]`);
  try {
    for (const mode of ['formulas', 'values'] as const) {
      const { r, outs } = await fillMode(cat, mode, work);
      const reports = check(outs.filter((o) => !r.refused.some((x) => x.startsWith(path.basename(o, '.xlsx') + ':'))));
      const after = [...reports.values()].flatMap((f) => flagsOf(f).map((i) => [path.basename(f.file, '.xlsx'), i] as [string, Issue]));
      const dirty = new Set(after.map(([id]) => id));
      console.log(
        `  fill --mode ${mode}: right ${r.right} / ${n} (${pctOf(r.right, n)})` +
          (mode === 'formulas' ? `, cached results right ${r.cachedRight}` : '') +
          `; writes over data ${r.overData.length}; refused ${r.refused.length}; fill → check: ${after.length} flags in ${dirty.size} of ${outs.length} workbooks; second fill wrote in ${r.again}`,
      );
      const lim = VERBOSE ? 10000 : 6;
      for (const l of r.wrong.slice(0, lim)) console.log(`    wrong: ${l}`);
      if (r.wrong.length > lim) console.log(`    … ${r.wrong.length - lim} more wrong (--verbose)`);
      for (const l of r.overData.slice(0, lim)) console.log(`    over data: ${l}`);
      for (const l of r.refused.slice(0, lim)) console.log(`    refused: ${l}`);
      for (const [id, i] of after.slice(0, VERBOSE ? 10000 : 4)) console.log(`    after fill: ${id}: ${describe(i)}`);
    }
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

function scoreB(cat: CatalogueB, reports: Map<string, FileReport>): void {
  console.log(`B. Other regions: ${cat.counts.workbooks} workbooks, ${cat.counts.tables} tables, ${cat.counts.errata} slips`);
  let found = 0;
  let withExp = 0;
  let falses = 0;
  for (const w of cat.workbooks) {
    const f = reports.get(path.join(DIR, w.file));
    const flags = flagsOf(f);
    const slips = w.tables.flatMap((t) => t.errata.map((e) => ({ t, e, key: `${t.sheet}!${e.cell}` })));
    const keys = new Set(slips.map((s) => s.key));
    let wf = 0;
    for (const s of slips) {
      const on = flags.filter((i) => names(i).includes(s.key));
      const dec = s.t.relations.find((r) => r.cell === s.e.cell && r.dec !== undefined)?.dec ?? 0;
      if (on.length) {
        found++;
        wf++;
      }
      if (on.some((i) => names(i)[0] === s.key && saysValue(i, s.e.expected, dec))) withExp++;
      else if (VERBOSE) console.log(`    ${on.length ? 'found without the value' : 'missed'}: ${s.key} should be ${s.e.expected} — ${s.e.why}`);
    }
    const wrong = flags.filter((i) => !names(i).some((n) => keys.has(n)));
    falses += wrong.length;
    const reported = (f?.tables ?? []).map((x) => `${x.kind}:${x.relations ?? '?'}`).join(' ');
    console.log(`  ${w.id}: slips found ${wf} / ${slips.length}; false alarms ${wrong.length}${f?.error ? `; NOT READ: ${f.error}` : ''}; tables [kind:relations] ${reported || '—'}`);
    for (const i of wrong.slice(0, VERBOSE ? 1000 : 3)) console.log(`    false: ${describe(i)}`);
  }
  const n = cat.counts.errata;
  console.log(`  Slips found: ${found} / ${n} (${pctOf(found, n)}), with the expected value on the slip's cell: ${withExp}   [goal ≥ 80 %]`);
  console.log(`  False alarms: ${falses}, ${(falses / cat.counts.workbooks).toFixed(1)} per workbook   [goal ≤ 1]`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--build')) {
    const b = spawnSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build:cli failed');
  }
  const set = arg('--set');
  if (set !== 'b') {
    const cat = JSON.parse(readFileSync(path.join(DIR, CATALOGUE_A), 'utf8')) as CatalogueA;
    const only = arg('--only');
    if (only) cat.tables = cat.tables.filter((t) => t.id.includes(only));
    scoreA(cat, check(only ? cat.tables.map((t) => path.join(DIR, path.dirname(t.consistent))) : [path.join(DIR, 'hidden-like')]));
    if (!process.argv.includes('--no-fill')) await scoreFill(cat, arg('--keep'));
  }
  if (set !== 'a') {
    const cat = JSON.parse(readFileSync(path.join(DIR, CATALOGUE_B), 'utf8')) as CatalogueB;
    scoreB(cat, check([path.join(DIR, 'other-regions')]));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
