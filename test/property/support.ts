// Shared setup of the property tests: one fixed seed, run counts printed for CI, and a converter
// from fixture blocks (test/fixtures/xlsx-builder.ts) to the engine's in-memory grid.
import fc from 'fast-check';
import { parseAddress, type Area, type Cell, type Sheet, type Workbook } from '../../src/core';
import type { CellSpec, Item } from '../fixtures/xlsx-builder';

export const SEED = 20261121;

/**
 * Runs one property with the fixed seed and prints `property <name>: <N> runs, seed <S>`.
 * A failure is rethrown with fast-check's report (counterexample, seed and path to replay it).
 */
export function runProperty<Ts extends [unknown, ...unknown[]]>(name: string, prop: fc.IPropertyWithHooks<Ts> | fc.IAsyncPropertyWithHooks<Ts>, numRuns: number): void | Promise<void> {
  const params = { seed: SEED, numRuns, endOnFailure: false };
  const done = (): void => {
    process.stdout.write(`property ${name}: ${numRuns} runs, seed ${SEED}\n`);
  };
  if ('isAsync' in prop && prop.isAsync()) {
    return (fc.assert(prop as fc.IAsyncPropertyWithHooks<Ts>, params) as Promise<void>).then(done);
  }
  fc.assert(prop as fc.IPropertyWithHooks<Ts>, params);
  done();
}

/** The engine cell a fixture cell spec stands for. */
export function cellOfSpec(spec: CellSpec | undefined): Cell | undefined {
  if (spec === null || spec === undefined) return undefined;
  if (typeof spec !== 'object') return { value: spec };
  const fmt = spec.numFmt ? { numberFormat: spec.numFmt } : {};
  if (spec.formula !== undefined) {
    const formula = spec.formula.startsWith('=') ? spec.formula : '=' + spec.formula;
    return spec.result === undefined ? { value: null, formula, noResult: true, ...fmt } : { value: spec.result, formula, ...fmt };
  }
  if (spec.v === null && !spec.numFmt) return undefined;
  return { value: spec.v, ...fmt };
}

/** A sheet built from placed fixture items, as the CLI reader would give it (merged text in the top-left only). */
export function sheetOfItems(name: string, items: Item[]): Sheet {
  const rows: (Array<Cell | undefined> | undefined)[] = [];
  const merges: Area[] = [];
  const put = (r: number, c: number, cell: Cell | undefined): void => {
    if (!cell) return;
    (rows[r] ??= [])[c] = cell;
  };
  for (const item of items) {
    const [r0, c0] = item.at;
    if ('text' in item) {
      put(r0, c0, { value: item.text });
      continue;
    }
    item.block.rows.forEach((row, r) => row.forEach((spec, c) => put(r0 + r, c0 + c, cellOfSpec(spec))));
    for (const [t, l, b, rt] of item.block.merges ?? []) {
      if (t === b && l === rt) continue;
      merges.push({ top: r0 + t, left: c0 + l, bottom: r0 + b, right: c0 + rt });
      // Excel keeps only the top-left cell of a merged area.
      for (let r = r0 + t; r <= r0 + b; r++) for (let c = c0 + l; c <= c0 + rt; c++) if (r !== r0 + t || c !== c0 + l) delete rows[r]?.[c];
    }
  }
  return { name, rows, merges };
}

/** A deep copy of a workbook's cells (sheets and rows are copied; merges are shared read-only). */
export function cloneWorkbook(wb: Workbook): Workbook {
  return { sheets: wb.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ? r.map((c) => (c ? { ...c } : c)) : r)) })) };
}

/** Writes a cell by A1 address (no origin offsets: sheets built here start at A1). */
export function setCell(wb: Workbook, sheet: string, a1: string, cell: Cell | undefined): void {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const p = parseAddress(a1);
  const row = (s.rows[p.row] ??= []);
  row[p.col] = cell;
}

export function getCell(wb: Workbook, sheet: string, a1: string): Cell | undefined {
  const s = wb.sheets.find((x) => x.name === sheet);
  const p = parseAddress(a1);
  return s?.rows[p.row]?.[p.col];
}
