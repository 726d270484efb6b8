// Scores a check of seed 001's whole workbook against its catalogue of mistakes
// (test/fixtures/seed-001-full/mistakes.json). Runs the built CLI on the workbook, or reads a
// saved JSON report. A mistake is flagged when an error or warning (number-as-text, dash-as-zero
// and info aside) names one of its cells; a false flag is an error or warning none of whose
// cells belongs to a catalogued mistake.
//
//   npm run build:cli && npx tsx scripts/score-seed-001.ts [--json report.json] [--xlsx file] [--verbose]
//   npx tsx scripts/score-seed-001.ts --build     (builds the CLI first)
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'test/fixtures/seed-001-full');
/** Rules that are format notes, not flags of a wrong figure. */
const NOT_FLAGS = new Set(['number-as-text', 'dash-as-zero']);

interface Cell {
  sheet: string;
  address: string;
}
interface Issue {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  table?: string;
  cells: Cell[];
  message?: string;
  expected?: unknown;
  actual?: unknown;
}
interface Report {
  files: Array<{ file: string; error?: string; tables?: Array<Record<string, unknown>>; issues?: Issue[] }>;
}
interface Mistake {
  id: string;
  certainty: 'sure' | 'likely' | 'doubtful';
  table: string;
  tableNo: number;
  sheet: string;
  cells: string[];
  relation: string;
  expected: unknown;
  actual: unknown;
  note: string;
}
interface Catalogue {
  counts: Record<string, unknown>;
  mistakes: Mistake[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `Sheet!A1` key of a catalogue cell written `A1` (on the mistake's sheet) or `Sheet!A1`. */
function key(sheet: string, address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? `${address.slice(0, bang)}!${address.slice(bang + 1)}` : `${sheet}!${address}`;
}

function runCheck(xlsx: string): Report {
  if (process.argv.includes('--build')) {
    const b = spawnSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build:cli failed');
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/report-check.js'), 'check', xlsx, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status === 2 || !r.stdout) throw new Error(`report-check failed (status ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

interface Score {
  flags: Issue[];
  hitLenient: Set<string>;
  hitStrict: Set<string>;
  falseLenient: Issue[];
  falseStrict: Issue[];
  onDoubtful: Issue[];
}

/** Matches the report's flags with the catalogue's mistakes. */
function score(issues: Issue[], mistakes: Mistake[]): Score {
  const owners = new Map<string, Mistake[]>();
  for (const m of mistakes) {
    const set = new Set(m.cells.map((c) => key(m.sheet, c)));
    for (const k of set) owners.set(k, [...(owners.get(k) ?? []), m]);
  }
  const flags = issues.filter((i) => i.severity !== 'info' && !NOT_FLAGS.has(i.rule));
  const s: Score = { flags, hitLenient: new Set(), hitStrict: new Set(), falseLenient: [], falseStrict: [], onDoubtful: [] };
  for (const f of flags) {
    const keys = f.cells.map((c) => key(c.sheet, c.address));
    const touched = keys.flatMap((k) => owners.get(k) ?? []);
    const sure = touched.filter((m) => m.certainty !== 'doubtful');
    for (const m of sure) s.hitLenient.add(m.id);
    const primary = (owners.get(keys[0]) ?? []).filter((m) => m.certainty !== 'doubtful');
    for (const m of primary) s.hitStrict.add(m.id);
    if (sure.length === 0) (touched.length ? s.onDoubtful : s.falseLenient).push(f);
    if ((owners.get(keys[0]) ?? []).length === 0) s.falseStrict.push(f);
  }
  return s;
}

function byRelation(mistakes: Mistake[], hits: Set<string>): string[] {
  const rows = new Map<string, [number, number]>();
  for (const m of mistakes) {
    if (m.certainty === 'doubtful') continue;
    const r = rows.get(m.relation) ?? [0, 0];
    r[1]++;
    if (hits.has(m.id)) r[0]++;
    rows.set(m.relation, r);
  }
  return [...rows.entries()].sort((a, b) => b[1][1] - a[1][1]).map(([rel, [h, n]]) => `  ${rel.padEnd(14)} ${h} / ${n}`);
}

function describe(f: Issue): string {
  const cells = f.cells
    .slice(0, 3)
    .map((c) => `${c.sheet}!${c.address}`)
    .join(', ');
  const msg = (f.message ?? '').replace(/\s+/g, ' ').slice(0, 140);
  return `  ${f.severity} ${f.rule} [${f.table ?? '-'}] ${cells}${f.cells.length > 3 ? ', …' : ''} — ${msg}`;
}

function main(): void {
  const cat = JSON.parse(readFileSync(path.join(DIR, 'mistakes.json'), 'utf8')) as Catalogue;
  const jsonFile = arg('--json');
  const xlsx = arg('--xlsx') ?? path.join(DIR, 'seed-001.xlsx');
  const report = jsonFile ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as Report) : runCheck(xlsx);
  const file = report.files[0];
  if (!file || file.error) throw new Error(`the workbook was not read: ${file?.error ?? 'no file in the report'}`);
  const issues = file.issues ?? [];
  const s = score(issues, cat.mistakes);
  const counted = cat.mistakes.filter((m) => m.certainty !== 'doubtful');
  const sure = counted.filter((m) => m.certainty === 'sure');
  const hitSure = sure.filter((m) => s.hitLenient.has(m.id)).length;
  const tables = file.tables ?? [];
  const withRel = tables.filter((t) => typeof t.relations === 'number');
  const checked = withRel.filter((t) => (t.relations as number) > 0);
  console.log(`Seed 001 workbook: ${path.relative(ROOT, jsonFile ?? xlsx)}`);
  console.log(`Tables reported: ${tables.length}` + (withRel.length ? `, with relations checked: ${checked.length} (${withRel.reduce((a, t) => a + (t.relations as number), 0)} relations)` : ' (the report gives no relation counts)'));
  console.log(`Issues: ${issues.length} (${s.flags.length} errors and warnings that count as flags)`);
  console.log(`Mistakes flagged on their cells: ${s.hitLenient.size} / ${counted.length} (sure only: ${hitSure} / ${sure.length}; on the primary cell: ${s.hitStrict.size})`);
  console.log('By relation (flagged / catalogued):');
  for (const line of byRelation(cat.mistakes, s.hitLenient)) console.log(line);
  console.log(`False flags (no cell in a catalogued mistake): ${s.falseLenient.length}` + ` (primary cell outside every mistake: ${s.falseStrict.length})`);
  for (const f of s.falseLenient) console.log(describe(f));
  if (s.onDoubtful.length) {
    console.log(`Flags on doubtful entries only (neither hit nor false): ${s.onDoubtful.length}`);
    for (const f of s.onDoubtful) console.log(describe(f));
  }
  if (process.argv.includes('--verbose')) {
    console.log('Missed mistakes:');
    for (const m of counted.filter((x) => !s.hitLenient.has(x.id))) console.log(`  ${m.id} ${m.relation} ${key(m.sheet, m.cells[0])} — ${m.note.slice(0, 110)}`);
  }
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}
