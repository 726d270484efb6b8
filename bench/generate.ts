// Benchmark workbooks: the standard report tables of the fixtures (seed 001 / 002, their clean,
// noisy, text-number, transposed and formula variants) repeated down many sheets, with prose lines
// and decoy tables (price lists, plans of measures) between and beside them.
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { blockWidth, buildWorkbook, type Block, type CellSpec, type Item, type SheetSpec } from '../test/fixtures/xlsx-builder';
import * as S from '../test/fixtures/seed-001';
import type { TableFixture } from '../test/fixtures/seed-001';
import { kuzbassTable1, KUZBASS_PROSE, TABLE1_SUBTITLE, TABLE1_TITLE } from '../test/fixtures/seed-002';
import {
  clean,
  cleanWithdrawalsValues,
  decoys,
  labelNoise,
  numbersAsText,
  setCells,
  staffCategoriesByYearRows,
  transpose,
  withdrawalsWithTotal,
  YEAR_FORMS,
  yearForms,
} from '../test/fixtures/variants';
import { a1 } from '../test/fixtures/xlsx-builder';

/** Bump when the generated content changes (cached files are keyed by it). */
export const GENERATOR_VERSION = 5;

/** Non-empty cells of a block. */
function blockCells(b: Block): number {
  let n = 0;
  for (const r of b.rows) for (const c of r) if (c !== null && c !== undefined) n++;
  return n;
}

/** A small seeded generator (mulberry32): the varied workbook is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A table as another library would fill it in: its labels written with the noise of `labelNoise`
 * (line breaks, double spaces, ё/е, dashes, case), its whole numbers multiplied by one factor (so
 * its sums, balances and shares still hold), one figure in thirty stored as text and one in fifty
 * left empty (each table in other cells), and one figure in three tables off by a little (a
 * person's slip, reported as such).
 */
const TEXT_SHARE = 1 / 30;
const EMPTY_SHARE = 1 / 50;

function varied(t: TableFixture | Block, k: number, rnd: () => number): TableFixture | Block {
  if (!('block' in t)) return t;
  const noisy = k % 7 === 0 ? t : labelNoise(t, k);
  // Model Standard points are fixed values: that grid keeps its figures.
  const factor = t.kind === 'model-standard-grid' ? 1 : 2 + Math.floor(rnd() * 4);
  const slip = rnd() < 1 / 3;
  let slipped = false;
  const rows = noisy.block.rows.map((row, r) =>
    row.map((c, ci): CellSpec => {
      if (r < t.headerRows || ci < t.labelCols || typeof c !== 'number' || !Number.isInteger(c) || (c >= 1990 && c <= 2100)) return c;
      const v = c * factor;
      // Some figures stored as text, as pasted from Word (`2 195 067`), and some left empty.
      const form = rnd();
      if (form < TEXT_SHARE) return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
      if (form < TEXT_SHARE + EMPTY_SHARE) return null;
      if (!slip || slipped || rnd() > 0.2) return v;
      slipped = true;
      return v + 1 + Math.floor(rnd() * 9);
    }),
  );
  return { ...noisy, block: { ...noisy.block, rows } };
}

/** Places things down a sheet, counting the cells it writes. */
class Draft {
  readonly items: Item[] = [];
  row = 0;
  cells = 0;
  /** Set for the varied workbook: every table placed is varied (see `varied`). */
  vary?: { k: number; titles: number; rnd: () => number };
  constructor(readonly name: string) {}
  private own<T extends TableFixture | Block>(t: T): T {
    if (!this.vary) return t;
    return varied(t, ++this.vary.k, this.vary.rnd) as T;
  }
  /** A table's title; numbered in the varied workbook (`Таблица 12. …`), as many reports do. */
  private titleOf(title: string): string {
    return this.vary ? `Таблица ${++this.vary.titles}. ${title}` : title;
  }
  text(s: string, col = 0): this {
    this.items.push({ at: [this.row++, col], text: s });
    this.cells++;
    return this;
  }
  gap(n = 1): this {
    this.row += n;
    return this;
  }
  table(t0: TableFixture | Block, col = 0, title?: string): this {
    const t = this.own(t0);
    const block = 'block' in t ? t.block : t;
    if (title) this.text(this.titleOf(title), col);
    this.items.push({ at: [this.row, col], block });
    this.cells += blockCells(block);
    this.row += block.rows.length + 1;
    return this;
  }
  /** Tables side by side on the same rows (two empty columns between them), each with its title. */
  beside(tables: Array<{ t: TableFixture; title?: string }>): this {
    const top = this.row;
    let bottom = top;
    let col = 0;
    for (const { t: t0, title } of tables) {
      const t = this.own(t0);
      let r = top;
      if (title) {
        this.items.push({ at: [r++, col], text: this.titleOf(title) });
        this.cells++;
      }
      this.items.push({ at: [r, col], block: t.block });
      this.cells += blockCells(t.block);
      bottom = Math.max(bottom, r + t.block.rows.length);
      col += blockWidth(t.block) + 2;
    }
    this.row = bottom + 1;
    return this;
  }
  spec(): SheetSpec {
    return { name: this.name, items: this.items };
  }
}

/** Fund movement whose end row holds formulas with cached results once placed at (row, 0). */
function fundMovementWithFormulas(row: number): TableFixture {
  const t = clean.fundMovement;
  const v = (r: number, c: number) => t.block.rows[r][c] as number;
  const patches: Array<[number, number, CellSpec]> = [];
  for (let c = 1; c <= 4; c++) {
    const ref = (r: number) => a1(row + r, c);
    patches.push([4, c, { v: null, formula: `=${ref(1)}+${ref(2)}-${ref(3)}`, result: v(1, c) + v(2, c) - v(3, c) }]);
  }
  return setCells(t, patches);
}

/** Withdrawals with a `Всего` row of SUM formulas; the first year had no withdrawals (a cached 0). */
function withdrawalsWithSums(row: number): TableFixture {
  const values = cleanWithdrawalsValues().map((r) => [0, r[1], r[2]]);
  const t = withdrawalsWithTotal(values, 'correct');
  const n = values.length;
  const last = t.block.rows.length - 1;
  const patches: Array<[number, number, CellSpec]> = [];
  for (let c = 1; c <= 3; c++) {
    const col = String.fromCharCode(65 + c);
    const sum = values.reduce((a, r) => a + r[c - 1], 0);
    patches.push([last, c, { v: null, formula: `SUM(${col}${row + last - n + 1}:${col}${row + last})`, result: sum }]);
  }
  return setCells(t, patches);
}

/** Scales the numbers of a table's data cells, so repeated tables do not repeat every value. */
function scaled(t: TableFixture, k: number): TableFixture {
  if (k === 1) return t;
  const rows = t.block.rows.map((row, r) =>
    row.map((c, ci): CellSpec => (r >= t.headerRows && ci >= t.labelCols && typeof c === 'number' && Number.isInteger(c) && Math.abs(c) > 100 ? c + k : c)),
  );
  return { ...t, block: { ...t.block, rows } };
}

type Chapter = (d: Draft, i: number) => void;

const YEARS_MIXED = [YEAR_FORMS['YYYY'], YEAR_FORMS['YYYYг.'], YEAR_FORMS['YYYY г'], YEAR_FORMS['YYYY.']];

/** The chapters a sheet is made of, in turn. Each leaves the cursor below what it placed. */
const CHAPTERS: Chapter[] = [
  (d, i) =>
    d
      .text('5. Библиотечные фонды (формирование, использование, сохранность)')
      .text(S.PROSE.fundIntro)
      .gap()
      .table(scaled(S.fundMovement, i), 0, S.FUND_MOVEMENT_TITLE)
      .text(S.FUND_RECEIPTS_TITLE)
      .text(S.PROSE.receiptsAsk)
      .table(S.fundReceipts, 0, S.FUND_RECEIPTS_SUBTITLE)
      .table(S.fundWithdrawals, 0, S.FUND_WITHDRAWALS_TITLE)
      .text(S.PROSE.withdrawals)
      .text(S.PROSE.withdrawals2)
      .gap(),
  (d, i) =>
    d
      .text(S.PROSE.staffSection)
      .gap()
      .table(S.staffCategories, 0, S.STAFF_TITLE)
      .text(S.PROSE.staffCategories)
      .gap()
      .table(S.staffRates, 0, S.STAFF_RATES_TITLE)
      .text(S.PROSE.staffRates)
      .gap()
      .beside([{ t: S.staffEducation, title: S.STAFF_EDUCATION_TITLE }, { t: S.staffTenure, title: S.STAFF_TENURE_TITLE }, { t: decoys.planOfMeasures, title: decoys.planOfMeasures.title }])
      .text(S.PROSE.staffTenure)
      .gap()
      .table(i % 2 ? S.staffAge : labelNoise(S.staffAge, i), 0, S.STAFF_AGE_TITLE)
      .text(S.PROSE.staffAge)
      .gap(),
  (d) => d.table(S.modelStandardGrid, 0, S.GRID_TITLE).text(S.PROSE.grid).gap(),
  (d, i) =>
    d
      .text(KUZBASS_PROSE[0])
      .text(KUZBASS_PROSE[3])
      .gap()
      .text(TABLE1_TITLE)
      .table(kuzbassTable1, 0, TABLE1_SUBTITLE)
      .text(KUZBASS_PROSE[4])
      .beside([{ t: decoys.priceList, title: decoys.priceList.title }, { t: scaled(clean.fundMovement, i), title: S.FUND_MOVEMENT_TITLE }])
      .gap(),
  (d, i) =>
    d
      .text('3. Библиотечная сеть')
      .text(S.NETWORK_TITLE)
      .text(S.PROSE.network)
      .table(S.libraryNetwork)
      .text(S.PROSE.networkKinds)
      .table(S.libraryNetworkKinds)
      .text(S.PROSE.networkEnd)
      .gap()
      .table(S.basicIndicators, 0, S.BASIC_INDICATORS_TITLE)
      .text(S.PROSE.basic)
      .text(S.PROSE.basic2)
      .gap()
      .table(S.visitsPlan, 0, S.VISITS_PLAN_TITLE)
      .table(S.relativeIndicators, 0, S.RELATIVE_INDICATORS_TITLE)
      .text(S.PROSE.relative)
      .gap()
      .table(decoys.population, 0, decoys.population.title)
      .table(S.fundReceiptsCopy)
      .beside([{ t: S.fundComposition(2021) }, { t: S.fundComposition(2022) }, { t: S.fundComposition(2023) }])
      .text(S.PROSE.fundEnd)
      .gap()
      .table(yearForms(S.fundIndicators, YEARS_MIXED), 0, S.FUND_INDICATORS_TITLE)
      .text(S.PROSE.fundIndicators)
      .table(decoys.subscriptionCosts, 0, decoys.subscriptionCosts.title)
      .gap()
      .table(numbersAsText(scaled(clean.fundMovement, i)).table, 0, S.FUND_MOVEMENT_TITLE)
      .gap(),
  (d, i) => {
    d.text(S.FUND_MOVEMENT_TITLE).table(fundMovementWithFormulas(d.row));
    d.text(S.FUND_WITHDRAWALS_TITLE).table(withdrawalsWithSums(d.row));
    d.table(transpose(labelNoise(S.fundMovement, i)), 0, S.FUND_MOVEMENT_TITLE)
      .table(staffCategoriesByYearRows(), 0, S.STAFF_TITLE)
      .table(clean.staffCategories)
      .table(withdrawalsWithTotal(cleanWithdrawalsValues(), 'empty'), 0, S.FUND_WITHDRAWALS_TITLE)
      .gap();
  },
];

export interface BookSpec {
  sheets: SheetSpec[];
  cells: number;
}

/**
 * About `target` non-empty cells over `sheetCount` sheets: each sheet takes chapters in turn
 * (starting at a different one per sheet) until it holds its share.
 */
export function benchBook(target: number, sheetCount: number, vary = false): BookSpec {
  if (target <= 0) return chapterBook(sheetCount);
  const perSheet = Math.ceil(target / sheetCount);
  const sheets: SheetSpec[] = [];
  let cells = 0;
  let k = 0;
  const rnd = prng(20261122);
  for (let s = 0; s < sheetCount && cells < target; s++) {
    const d = new Draft(`Раздел ${s + 1}`);
    if (vary) d.vary = { k: s * 1000, titles: 0, rnd };
    const goal = Math.min(perSheet, target - cells);
    for (let j = s; d.cells < goal; j++) {
      CHAPTERS[j % CHAPTERS.length](d, ++k);
    }
    cells += d.cells;
    sheets.push(d.spec());
  }
  return { sheets, cells };
}

/** Exactly `sheetCount` sheets of one chapter each (a sample-size section per sheet). */
export function chapterBook(sheetCount: number): BookSpec {
  const sheets: SheetSpec[] = [];
  let cells = 0;
  for (let s = 0; s < sheetCount; s++) {
    const d = new Draft(`Раздел ${s + 1}`);
    CHAPTERS[s % CHAPTERS.length](d, s + 1);
    cells += d.cells;
    sheets.push(d.spec());
  }
  return { sheets, cells };
}

/** Writes the workbook; column widths as a person would leave them. */
export async function writeBenchBook(file: string, book: BookSpec): Promise<void> {
  const wb: ExcelJS.Workbook = await buildWorkbook(book.sheets);
  const fixed = new Date(Date.UTC(2024, 0, 15, 9, 0, 0));
  wb.created = fixed;
  wb.modified = fixed;
  for (const ws of wb.worksheets) ws.getColumn(1).width = 42;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}
