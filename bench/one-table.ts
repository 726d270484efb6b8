// One table of about a million cells: a Model Standard grid of 36 000 libraries on one sheet (the
// shape the block cache cannot help with), then `report-check check` against exceljs's read, side by
// side in fresh processes. Not part of `npm run bench`; run after `npm run build:cli`:
//   npx tsx bench/one-table.ts [ROWS] [ROUNDS]
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as S from '../test/fixtures/seed-001';
import { buildWorkbook, type CellSpec } from '../test/fixtures/xlsx-builder';

const ROOT = path.join(__dirname, '..');

/** The seed's grid with `rows` libraries (its figures repeated, names numbered) and an empty total row to fill. */
async function write(file: string, rows: number): Promise<void> {
  const libs = S.GRID_LIBRARIES;
  // Numbered as a report numbers its rows; `1000.` would read as a bad number, not a row number.
  const libraries = Array.from({ length: rows }, (_, i): CellSpec[] => {
    const src = libs[i % libs.length];
    return [`${(i % 999) + 1}.`, `${String(src[1])} (${i + 1})`, ...src.slice(2)];
  });
  const total = S.GRID_TOTAL_ROW.map((v, c) => (c >= 2 && typeof v === 'number' ? null : v));
  const t = S.modelStandardGridTable(libraries, total);
  const wb = await buildWorkbook([{ name: 'Сводная', items: [{ at: [0, 0], text: S.GRID_TITLE }, { at: [2, 0], block: t.block }] }]);
  await wb.xlsx.writeFile(file);
}

function seconds(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited with ${r.status}`);
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 36_000);
  const rounds = Number(process.argv[3] ?? 2);
  const file = path.join(os.tmpdir(), 'report-check-bench', `one-table-${rows}.xlsx`);
  if (!existsSync(file)) await write(file, rows);
  console.log(`${file}: ${rows} libraries × 28 columns`);
  for (let i = 0; i < rounds; i++) {
    const exceljs = seconds([path.join(__dirname, 'exceljs-read.js'), file]);
    const check = seconds([path.join(ROOT, 'bin', 'report-check.js'), 'check', file]);
    console.log(`exceljs read ${exceljs.toFixed(2)} s, report-check check ${check.toFixed(2)} s (${(check / exceljs).toFixed(2)}×)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
