// Measures issue 20's acceptance as it will be judged, per known kind (src/core/kinds):
//  1. the scenario corpus (test/fixtures/scenarios*): tables recognized, planted mistakes found with
//     their expected value, errors and warnings beyond the expected ones (false alarms);
//  2. templates: every clean scenario with every computed cell cleared (totals, balances, shares,
//     indicators: the targets of `computed` relations holding a value), filled through the CLI's
//     `fill` in both modes: every cleared cell written back with its value (at the decimals it
//     showed), the copy's check clean, a second fill writing nothing;
//  2b. generated tables (test/property/tables.ts) with every computed cell cleared, filled in memory;
//  3. the hostile-file battery through the built CLI (bin/report-check.js): exit status, no internal
//     error, and the time of a stray-cell sheet against the same content without the stray cell.
//
//   npm run build:cli && npx tsx scripts/measure-issue-20.ts [--skip templates,generated,hostile] [--json out.json]
//   (RUNS=300 generated workbooks; MAXP=12 problems listed per kind)
import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runFill } from '../src/cli/main';
import { parseXlsx } from '../src/cli/read-xlsx';
import { checkWorkbook, planFill, type CheckResult } from '../src/core';
import { analyze } from '../src/core/check';
import { address, parseAddress } from '../src/core/grid/grid';
import { KINDS } from '../src/core/kinds';
import { instances, targetOf } from '../src/core/relations/relations';
import { scenarios, type Scenario } from '../test/fixtures/scenarios';
import { buildXlsx } from '../test/fixtures/xlsx-builder';
import fc from 'fast-check';
import { cloneWorkbook, getCell, SEED, setCell } from '../test/property/support';
import { describeBook, genBook } from '../test/property/tables';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const skip = new Set((args[args.indexOf('--skip') + 1] ?? '').split(','));
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

interface KindRow {
  tables: number;
  recognized: number;
  planted: number;
  found: number;
  falseAlarms: number;
  templates: number;
  cleared: number;
  filled: Record<'formulas' | 'values', number>;
  generated: number;
  genCleared: number;
  genFilled: number;
  problems: string[];
}
const perKind = new Map<string, KindRow>();
const row = (kind: string): KindRow => {
  let r = perKind.get(kind);
  if (!r) perKind.set(kind, (r = { tables: 0, recognized: 0, planted: 0, found: 0, falseAlarms: 0, templates: 0, cleared: 0, filled: { formulas: 0, values: 0 }, generated: 0, genCleared: 0, genFilled: 0, problems: [] }));
  return r;
};
for (const d of KINDS) row(d.kind);

const key = (sheet: string, a: string) => `${sheet}!${a}`;
const inRange = (range: string, a: string): boolean => {
  const [from, to = from] = range.split(':');
  const p = parseAddress(a);
  const f = parseAddress(from);
  const t = parseAddress(to);
  return p.row >= f.row && p.row <= t.row && p.col >= f.col && p.col <= t.col;
};
/** The kind of the expected table holding a cell (`table` when none). */
function kindAt(s: Scenario, sheet: string, a: string): string {
  return s.expected.tables.find((t) => t.sheet === sheet && inRange(t.range, a))?.kind ?? 'table';
}
const notable = (r: CheckResult) => r.issues.filter((i) => i.severity !== 'info');

// 1. The corpus.
async function corpus(): Promise<void> {
  for (const s of scenarios) {
    const r = checkWorkbook(await parseXlsx(await buildXlsx(s.sheets)));
    const got = new Set(r.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`));
    for (const t of s.expected.tables) {
      const k = row(t.kind);
      k.tables++;
      if (got.has(`${t.kind}@${t.sheet}!${t.range}`)) k.recognized++;
      else k.problems.push(`${s.name}: ${t.kind} ${t.sheet}!${t.range} not recognized`);
    }
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    for (const e of s.expected.issues) {
      if (e.rule === 'missing-value') continue;
      const k = row(kindAt(s, e.sheet, e.address));
      k.planted++;
      const hit = r.issues.some((i) => i.rule === e.rule && i.cells[0].sheet === e.sheet && i.cells[0].address === e.address && (e.expected === undefined || (i.expected !== undefined && round(i.expected) === round(e.expected))));
      if (hit) k.found++;
      else k.problems.push(`${s.name}: ${e.rule} ${e.sheet}!${e.address}=${e.expected} not found`);
    }
    const allowed = new Set(s.expected.issues.map((e) => `${e.rule}@${e.sheet}!${e.address}`));
    for (const i of notable(r)) {
      if (allowed.has(`${i.rule}@${i.cells[0].sheet}!${i.cells[0].address}`)) continue;
      const k = row(kindAt(s, i.cells[0].sheet, i.cells[0].address));
      k.falseAlarms++;
      k.problems.push(`${s.name}: false ${i.rule} ${i.cells[0].sheet}!${i.cells[0].address} (${i.messageId} expected ${i.expected} actual ${i.actual})`);
    }
  }
}

/** Decimals a written number shows (26.9 → 1): the template's value is compared at those. */
function decimals(v: number): number {
  const s = String(v);
  const i = s.indexOf('.');
  return i < 0 || /e/i.test(s) ? 0 : Math.min(s.length - i - 1, 6);
}

// 2. Templates: every computed cell of a clean scenario cleared, filled back through the CLI.
async function templates(dir: string): Promise<void> {
  for (const s of scenarios) {
    if (s.expected.issues.some((e) => e.rule !== 'missing-value')) continue;
    const input = await buildXlsx(s.sheets);
    const wb = await parseXlsx(input);
    const a = analyze(wb);
    const targets = new Map<string, { value: number; kind: string }>();
    for (const t of a.tables)
      for (const inst of instances(t)) {
        if (!inst.computed) continue;
        const c = targetOf(inst);
        if (c.num.kind !== 'number' || c.num.value === undefined) continue;
        targets.set(key(t.sheet.name, address(t.sheet, c.row, c.col)), { value: c.num.value, kind: t.def.kind });
      }
    if (!targets.size) continue;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(input as unknown as ArrayBuffer);
    for (const k of targets.keys()) {
      const [sheet, a1] = k.split('!');
      book.getWorksheet(sheet)!.getCell(a1).value = null;
    }
    const file = path.join(dir, `${s.name}.xlsx`);
    await fs.writeFile(file, Buffer.from(await book.xlsx.writeBuffer()));
    const before = checkWorkbook(await parseXlsx(await fs.readFile(file)));
    const kinds = new Set([...targets.values()].map((x) => x.kind));
    for (const kind of kinds) {
      row(kind).templates++;
      row(kind).cleared += [...targets.values()].filter((x) => x.kind === kind).length;
    }
    const expectTables = a.tables.map((t) => `${t.def.kind}@${t.sheet.name}`).join(',');
    const gotTables = before.tables.map((t) => `${t.kind}@${t.sheet}`).join(',');
    if (gotTables !== expectTables) for (const kind of kinds) row(kind).problems.push(`template ${s.name}: tables ${gotTables} ≠ ${expectTables}`);
    for (const mode of ['formulas', 'values'] as const) {
      const out = path.join(dir, `${s.name}.${mode}.xlsx`);
      const code = await runFill(file, { out, mode, lang: 'ru' }, () => undefined, () => undefined);
      if (code !== 0) {
        for (const kind of kinds) row(kind).problems.push(`template ${s.name} (${mode}): fill exit ${code}`);
        continue;
      }
      const filled = await parseXlsx(await fs.readFile(out));
      for (const [k, { value, kind }] of targets) {
        const [sheet, a1] = k.split('!');
        const at = parseAddress(a1);
        const cell = filled.sheets.find((x) => x.name === sheet)?.rows[at.row]?.[at.col];
        const v = typeof cell?.value === 'number' ? cell.value : undefined;
        const d = decimals(value);
        const ok = v !== undefined && Math.abs(Math.round(v * 10 ** d) - Math.round(value * 10 ** d)) <= 1 && (mode === 'values' ? !cell?.formula : !!cell?.formula);
        if (ok) row(kind).filled[mode]++;
        else row(kind).problems.push(`template ${s.name} (${mode}): ${k} = ${v ?? 'empty'}${cell?.formula ? ` (${cell.formula})` : ''}, was ${value}`);
      }
      const after = checkWorkbook(filled);
      for (const i of after.issues.filter((x) => x.severity !== 'info' || x.rule === 'missing-value'))
        row(kindAt(s, i.cells[0].sheet, i.cells[0].address)).problems.push(`template ${s.name} (${mode}): after fill ${i.rule} ${i.cells[0].sheet}!${i.cells[0].address} (${i.messageId} expected ${i.expected} actual ${i.actual})`);
      const again = planFill(filled, { mode }).writes;
      for (const w of again) row(kindAt(s, w.sheet, w.address)).problems.push(`template ${s.name} (${mode}): second fill writes ${w.sheet}!${w.address}`);
    }
  }
}

// 2b. Generated tables (test/property/tables.ts: staff, fund movement, withdrawals, the grid) with
// every computed cell cleared at once, filled in memory in both modes.
function generated(runs: number): void {
  const books = fc.sample(genBook, { numRuns: runs, seed: SEED });
  for (const b of books)
    for (const mode of ['formulas', 'values'] as const) {
      const wb = cloneWorkbook(b.wb);
      const cleared = new Map<string, { v: number; kind: string }>();
      for (const t of b.tables)
        for (const c of t.gen.cells) {
          if (!c.computed) continue;
          const a = t.placed.addr(c.r, c.c);
          setCell(wb, t.sheet, a, undefined);
          cleared.set(key(t.sheet, a), { v: c.v, kind: t.gen.kind });
        }
      for (const t of b.tables) if (mode === 'formulas') row(t.gen.kind).generated++;
      const plan = planFill(wb, { mode });
      const planned = new Map(plan.writes.map((w) => [key(w.sheet, w.address), w]));
      for (const [k, { v, kind }] of cleared) {
        const w = planned.get(k);
        if (mode === 'formulas') row(kind).genCleared++;
        if (w && Math.abs(w.value - v) < 1e-6) {
          if (mode === 'formulas') row(kind).genFilled++;
        } else row(kind).problems.push(`generated ${describeBook(b)} (${mode}): ${k} = ${w?.value ?? 'not filled'}, was ${v}`);
      }
      for (const w of plan.writes) {
        const prev = getCell(wb, w.sheet, w.address);
        setCell(wb, w.sheet, w.address, { value: w.value, ...(w.formula ? { formula: w.formula } : {}), ...((w.numberFormat ?? prev?.numberFormat) ? { numberFormat: w.numberFormat ?? prev?.numberFormat } : {}) });
      }
      const after = checkWorkbook(wb);
      for (const i of after.issues.filter((x) => x.severity !== 'info' || x.rule === 'missing-value')) row(b.tables[0].gen.kind).problems.push(`generated ${describeBook(b)} (${mode}): after fill ${i.rule} ${i.cells[0].address}`);
      for (const w of planFill(wb, { mode }).writes) row(b.tables[0].gen.kind).problems.push(`generated ${describeBook(b)} (${mode}): second fill writes ${w.address}`);
    }
}

// 3. Hostile files through the built CLI.
interface Hostile {
  file: string;
  exit: number;
  ms: number;
  internal: boolean;
  note: string;
}
async function hostile(dir: string): Promise<Hostile[]> {
  const files: Array<[string, (b: ExcelJS.Workbook) => void, string]> = [
    ['two-cells.xlsx', (b) => ((b.addWorksheet('Лист1').getCell('A1').value = 'Движение фонда'), (b.getWorksheet('Лист1')!.getCell('B2').value = 5)), 'a label and one value'],
    ['stray-cell.xlsx', (b) => ((b.addWorksheet('Лист1').getCell('A1').value = 'Движение фонда'), (b.getWorksheet('Лист1')!.getCell('XFD1048576').value = 5)), 'a label in A1, one value at XFD1048576'],
    ['stray-row-end.xlsx', (b) => ((b.addWorksheet('Лист1').getCell('A1').value = 'Движение фонда'), (b.getWorksheet('Лист1')!.getCell('A1048576').value = 5)), 'one value at A1048576'],
    ['stray-col-end.xlsx', (b) => ((b.addWorksheet('Лист1').getCell('A1').value = 'Движение фонда'), (b.getWorksheet('Лист1')!.getCell('XFD1').value = 5)), 'one value at XFD1'],
    ['stray-text.xlsx', (b) => ((b.addWorksheet('Лист1').getCell('A1').value = 'Движение фонда'), (b.getWorksheet('Лист1')!.getCell('XFD1048576').value = 'x')), 'a text at XFD1048576'],
    [
      'stray-corners.xlsx',
      (b) => {
        const ws = b.addWorksheet('Лист1');
        for (const a of ['A1', 'XFD1', 'A1048576', 'XFD1048576']) ws.getCell(a).value = 1;
      },
      'a number in each corner of the sheet',
    ],
    [
      'stray-merge.xlsx',
      (b) => {
        const ws = b.addWorksheet('Лист1');
        ws.getCell('A1').value = 'Движение фонда';
        ws.getCell('XFC1048575').value = 7;
        ws.mergeCells('XFC1048575:XFD1048576');
      },
      'a merged area at the sheet’s end',
    ],
    [
      'stray-styled-column.xlsx',
      (b) => {
        const ws = b.addWorksheet('Лист1');
        ws.getCell('A1').value = 'Движение фонда';
        ws.getColumn(5).numFmt = '0.0';
        ws.getCell('E1048576').value = 0;
      },
      'a format pasted to a whole column, a value at its end',
    ],
  ];
  const out: Hostile[] = [];
  for (const [name, make, note] of files) {
    const b = new ExcelJS.Workbook();
    make(b);
    const f = path.join(dir, name);
    await fs.writeFile(f, Buffer.from(await b.xlsx.writeBuffer()));
    out.push(runCli(f, note));
  }
  return out;
}

function runCli(file: string, note: string): Hostile {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/report-check.js'), 'check', file, '--format', 'json'], { encoding: 'utf8', timeout: 120_000 });
  const ms = performance.now() - t0;
  const text = (r.stdout ?? '') + (r.stderr ?? '');
  const internal = /internal|внутренн|TypeError|RangeError|at .*:\d+:\d+/i.test(text) || r.status === null;
  let error = '';
  try {
    error = JSON.parse(r.stdout).files[0].error ?? '';
  } catch {
    error = 'no JSON';
  }
  return { file: path.basename(file), exit: r.status ?? -1, ms: Math.round(ms), internal, note: error ? `${note}; error: ${error}` : note };
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'measure-20-'));
  try {
    await corpus();
    if (!skip.has('templates')) await templates(dir);
    if (!skip.has('generated')) generated(Number(process.env.RUNS ?? 300));
    const hostileRows = skip.has('hostile') ? [] : await hostile(dir);
    const lines = ['kind | tables recognized | planted found | false alarms | templates (cells) | filled formulas | filled values | generated tables: cells filled (both modes) | problems'];
    for (const [kind, r] of perKind)
      lines.push(`${kind} | ${r.recognized}/${r.tables} | ${r.found}/${r.planted} | ${r.falseAlarms} | ${r.templates} (${r.cleared}) | ${r.filled.formulas}/${r.cleared} | ${r.filled.values}/${r.cleared} | ${r.generated}: ${r.genFilled}/${r.genCleared} | ${r.problems.length}`);
    process.stdout.write(lines.join('\n') + '\n\n');
    for (const [kind, r] of perKind) for (const p of r.problems.slice(0, Number(process.env.MAXP ?? 12))) process.stdout.write(`  ${kind}: ${p}\n`);
    if (hostileRows.length) {
      process.stdout.write('\nhostile file | exit | ms | internal error | note\n');
      for (const h of hostileRows) process.stdout.write(`${h.file} | ${h.exit} | ${h.ms} | ${h.internal ? 'YES' : 'no'} | ${h.note}\n`);
    }
    if (jsonOut) await fs.writeFile(jsonOut, JSON.stringify({ kinds: Object.fromEntries(perKind), hostile: hostileRows }, null, 1));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main();
