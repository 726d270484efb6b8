// Generators of consistent report tables (random sizes, counts, label and year forms, layouts),
// each with the list of its data cells and what a mutation of each cell must break.
import fc from 'fast-check';
import type { Workbook } from '../../src/core';
import type { Block, CellSpec, Item } from '../fixtures/xlsx-builder';
import * as S from '../fixtures/seed-001';
import type { TableFixture } from '../fixtures/seed-001';
import { decoys, gridTotalRow, place, staffCategoriesByYearRows, sumOf, transpose, type Placed } from '../fixtures/variants';
import { sheetOfItems } from './support';

/** A data cell of a generated table, in the table's own (untransposed) block coordinates. */
export interface DataCell {
  r: number;
  c: number;
  v: number;
  /** A computed cell (total, balance, row sum) that the fill can write. */
  computed: boolean;
  /** The cell is in an exact relation (exhaustive sum or balance): any change of its value breaks it. */
  exact: boolean;
  /** Values that certainly break a partial relation the cell is in (parts above the total, subset above its set). */
  breaks: number[];
  /** Whole counts (not Model Standard scores). */
  count: boolean;
}

export interface GenTable {
  kind: string;
  fixture: TableFixture;
  cells: DataCell[];
  /** Layout traits that known engine bugs depend on (see KNOWN_BUGS in consistent.test.ts). */
  traits?: Trait[];
}

/** `one-data-row`: the data is a single row with no row-label column (staff tables as the seed prints them).
 *  `total-only-no-corner`: a fund-movement table with only the `Объем фонда` column and an empty corner cell. */
export type Trait = 'one-data-row' | 'total-only-no-corner' | 'year-like-first-row';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const yearForm = fc.constantFrom<(y: number) => CellSpec>((y) => `${y} г.`, (y) => `${y}г.`, (y) => y, (y) => `${y} г`, (y) => `${y}.`, (y) => String(y));
const years = (max: number) => fc.tuple(fc.integer({ min: 2005, max: 2024 }), fc.integer({ min: 1, max: max }), yearForm).map(([last, n, form]) => Array.from({ length: n }, (_, i) => last - n + 1 + i).map((y) => ({ y, cell: form(y) })));

function cell(r: number, c: number, v: number, o: Partial<DataCell> = {}): DataCell {
  return { r, c, v, computed: false, exact: true, breaks: [], count: true, ...o };
}

// ---------------------------------------------------------------------------------------------
// Staff categories: total = АУП + основной + вспомогательный, by year (two layouts).

const staffCategories: fc.Arbitrary<GenTable> = fc
  .record({
    ys: years(4),
    parts: fc.array(fc.tuple(fc.nat(20), fc.nat(300), fc.nat(60)), { minLength: 4, maxLength: 4 }),
    byRows: fc.boolean(),
  })
  .map(({ ys, parts, byRows }) => {
    const n = ys.length;
    const admin = ys.map((_, i) => parts[i][0]);
    const core = ys.map((_, i) => parts[i][1]);
    const support = ys.map((_, i) => parts[i][2]);
    const total = ys.map((_, i) => admin[i] + core[i] + support[i]);
    const cells: DataCell[] = [];
    if (byRows) {
      const fixture = staffCategoriesByYearRows({ total, admin, core, support }, ys.map((y) => y.cell));
      ys.forEach((_, i) => [total, admin, core, support].forEach((v, k) => cells.push(cell(2 + i, 1 + k, v[i], { computed: k === 0 }))));
      return { kind: 'staff-categories', fixture, cells };
    }
    const rows: CellSpec[][] = [
      ['Численность работников, человек', ...Array(n - 1).fill(null), 'из них, численность работников, относящихся:', ...Array(3 * n - 1).fill(null)],
      [...Array(n).fill(null), ...S.STAFF_CATEGORY_LABELS.flatMap((l) => [l, ...Array(n - 1).fill(null)])],
      Array.from({ length: 4 }, () => ys.map((y) => y.cell)).flat(),
      [...total, ...admin, ...core, ...support],
    ];
    const merges: Block['merges'] = [[0, 0, 1, n - 1], [0, n, 0, 4 * n - 1], ...[1, 2, 3].map((k) => [1, k * n, 1, k * n + n - 1] as [number, number, number, number])];
    [total, admin, core, support].forEach((v, k) => v.forEach((x, i) => cells.push(cell(3, k * n + i, x, { computed: k === 0 }))));
    return { kind: 'staff-categories', fixture: { kind: 'staff-categories', headerRows: 3, labelCols: 0, block: { rows, merges } }, cells, traits: ['one-data-row'] };
  });

// ---------------------------------------------------------------------------------------------
// Core staff by rate / tenure / age: total = sum of the parts (one row, no years).

const simpleBreakdown = (kind: 'staff-rates' | 'staff-tenure' | 'staff-age', nParts: number, make: (values: CellSpec[]) => TableFixture): fc.Arbitrary<GenTable> =>
  fc.array(fc.nat(40), { minLength: nParts, maxLength: nParts }).map((parts) => {
    const values = [sum(parts), ...parts];
    return { kind, fixture: make(values), cells: values.map((v, i) => cell(2, i, v, { computed: i === 0 })), traits: ['one-data-row'] };
  });

// Education: высшее + среднее ≤ total, библиотечное ≤ its всего (all partial).
const staffEducation: fc.Arbitrary<GenTable> = fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(10)).map(([h, s, hl0, sl0, extra]) => {
  const hl = Math.min(hl0, h);
  const sl = Math.min(sl0, s);
  const total = h + s + extra;
  const values = [total, h, hl, s, sl];
  const breaks = [
    [Math.max(h + s - 1, -1)], // total below its parts (or negative)
    [total - s + 1, hl - 1].filter((x) => x > total - s || x < hl), // higher above the rest of the total, or below its librarian part
    [h + 1],
    [total - h + 1, sl - 1].filter((x) => x > total - h || x < sl),
    [s + 1],
  ];
  return { kind: 'staff-education', fixture: S.staffEducationTable(values), cells: values.map((v, i) => cell(3, i, v, { exact: false, breaks: breaks[i] })), traits: ['one-data-row'] };
});

// ---------------------------------------------------------------------------------------------
// Fund movement: end = start + received − withdrawn per column; kinds ≤ total. Rows in any order, sometimes transposed.

const KIND_COLS = ['Книг, брошюр', 'Газет, журналов', 'CD - ROM', 'Аудиовизуальные', 'Электронные', 'Прочие'];

const fundMovement: fc.Arbitrary<GenTable> = fc
  .record({
    kinds: fc.subarray(KIND_COLS, { minLength: 0, maxLength: 4 }),
    col: fc.array(fc.tuple(fc.nat(300_000), fc.nat(6000), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 6, maxLength: 6 }),
    extra: fc.tuple(fc.nat(500), fc.nat(100), fc.double({ min: 0, max: 1, noNaN: true })),
    order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
    corner: fc.constantFrom('Показатели (2023)', 'Показатели', 'Показатели (2022)', ''),
    transposed: fc.boolean(),
  })
  .map(({ kinds, col, extra, order, corner, transposed }) => {
    const per = kinds.map((_, i) => {
      const [s, r, f] = col[i];
      const w = Math.floor((s + r) * f);
      return [s, r, w, s + r - w];
    });
    const [xs, xr, f] = extra;
    const xw = Math.floor((xs + xr) * f);
    const total = [0, 1, 2].map((k) => sum(per.map((p) => p[k])) + [xs, xr, xw][k]);
    total.push(total[0] + total[1] - total[2]);
    const columns = [total, ...per]; // columns[c][stage]
    const rows: CellSpec[][] = [[corner || null, 'Объем фонда', ...kinds], ...order.map((st) => [S.FUND_MOVEMENT_ROWS[st], ...columns.map((c) => c[st])])];
    const cells: DataCell[] = [];
    order.forEach((st, i) => columns.forEach((c, j) => cells.push(cell(1 + i, 1 + j, c[st], { computed: st === 3 }))));
    let fixture: TableFixture = { kind: 'fund-movement', headerRows: 1, labelCols: 1, block: { rows } };
    if (transposed) fixture = transpose(fixture);
    return { kind: 'fund-movement', fixture, cells, traits: kinds.length === 0 && !corner ? ['total-only-no-corner'] : [] };
  });

// ---------------------------------------------------------------------------------------------
// Withdrawals by reason and year, with a Всего row.

const fundWithdrawals: fc.Arbitrary<GenTable> = fc
  .record({
    reasons: fc.shuffledSubarray([...S.FUND_WITHDRAWALS_REASONS, 'Дефектность', 'Непрофильность', 'Прочие'], { minLength: 3, maxLength: 9 }),
    ys: years(4),
    values: fc.array(fc.array(fc.nat(3000), { minLength: 4, maxLength: 4 }), { minLength: 9, maxLength: 9 }),
    totalLabel: fc.constantFrom('Всего', 'Итого', 'ВСЕГО', 'Всего:'),
  })
  .map(({ reasons, ys, values, totalLabel }) => {
    const n = ys.length;
    const v = reasons.map((_, i) => values[i].slice(0, n));
    const totals = ys.map((_, j) => sum(v.map((r) => r[j])));
    const rows: CellSpec[][] = [
      ['Причины исключения документов', 'Количество экземпляров', ...Array(n - 1).fill(null)],
      [null, ...ys.map((y) => y.cell)],
      ...reasons.map((l, i) => [l, ...v[i]]),
      [totalLabel, ...totals],
    ];
    const merges: Block['merges'] = [[0, 0, 1, 0], ...(n > 1 ? [[0, 1, 0, n] as [number, number, number, number]] : [])];
    const cells: DataCell[] = [];
    v.forEach((r, i) => r.forEach((x, j) => cells.push(cell(2 + i, 1 + j, x))));
    totals.forEach((x, j) => cells.push(cell(2 + reasons.length, 1 + j, x, { computed: true })));
    const yearLike = v[0].every((x) => x >= 1990 && x <= 2100);
    return { kind: 'fund-withdrawals', fixture: { kind: 'fund-withdrawals', headerRows: 2, labelCols: 1, block: { rows, merges } }, cells, traits: yearLike ? ['year-like-first-row'] : [] };
  });

// ---------------------------------------------------------------------------------------------
// Model Standard grid: random libraries and scores (0 or the criterion's points), row sums, Всего row.

const PLACES = ['г. Асино', 'с. Батурино', 'с. Ново-Кусково', 'п. Светлый', 'д. Гарь', 'с. Минаевка'];
const modelStandardGrid: fc.Arbitrary<GenTable> = fc
  .array(fc.tuple(fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), fc.constantFrom(...PLACES), fc.constantFrom('', '\u00a0', ' ')), { minLength: 1, maxLength: 24 })
  .map((libs) => {
    const libraries: CellSpec[][] = libs.map(([has, placeName, pad], i) => {
      const scores = has.map((h, k) => (h ? S.GRID_POINTS[k] : 0));
      return [`${i + 1}.`, `${pad}Библиотека-филиал № ${i + 1}, ${placeName}`, ...scores, sumOf(scores)];
    });
    const total = gridTotalRow(libraries);
    const fixture = S.modelStandardGridTable(libraries, total);
    const h = S.GRID_HEADER_ROWS;
    const cells: DataCell[] = [];
    libraries.forEach((row, i) => row.slice(2).forEach((v, k) => cells.push(cell(h + i, 2 + k, v as number, { computed: k === 25, count: false }))));
    total.slice(2).forEach((v, k) => cells.push(cell(h + libraries.length, 2 + k, v as number, { computed: true, count: false })));
    return { kind: 'model-standard-grid', fixture, cells };
  });

export const GENERATORS: Record<string, fc.Arbitrary<GenTable>> = {
  'staff-categories': staffCategories,
  'staff-rates': simpleBreakdown('staff-rates', 5, S.staffRatesTable),
  'staff-tenure': simpleBreakdown('staff-tenure', 3, S.staffTenureTable),
  'staff-age': simpleBreakdown('staff-age', 3, S.staffAgeTable),
  'staff-education': staffEducation,
  'fund-movement': fundMovement,
  'fund-withdrawals': fundWithdrawals,
  'model-standard-grid': modelStandardGrid,
};

/** Kinds linked by a cross-table relation are not generated together (their values are independent). */
const LINKED: Array<[string, string]> = [
  ['staff-categories', 'staff-rates'],
  ['staff-categories', 'staff-tenure'],
  ['staff-categories', 'staff-age'],
  ['staff-categories', 'staff-education'],
  ['fund-movement', 'fund-withdrawals'],
];

const PROSE = [
  S.FUND_MOVEMENT_TITLE,
  S.FUND_WITHDRAWALS_TITLE,
  S.STAFF_TITLE,
  S.GRID_TITLE,
  'Анализ показывает, что фонд библиотек в целом сохраняет стабильность.',
  'Всего за год поступило 3346 экз., выбыло 5058 экз.',
  'Таблица 1',
  '* по данным формы 6-НК',
];

export interface GenBook {
  wb: Workbook;
  tables: Array<{ gen: GenTable; placed: Placed; sheet: string }>;
  /** Titles of the decoy tables placed beside or below the report tables. */
  decoys: string[];
}

const DECOYS = Object.values(decoys);

/** One to three generated tables (no two linked kinds), stacked at random offsets on one or two sheets, with prose and decoys. */
export const genBook: fc.Arbitrary<GenBook> = fc
  .record({
    kinds: fc.uniqueArray(fc.constantFrom(...Object.keys(GENERATORS)), { minLength: 1, maxLength: 3 }),
    seeds: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 4 }), col: fc.nat(6), title: fc.boolean(), prose: fc.option(fc.constantFrom(...PROSE), { nil: undefined }), decoy: fc.option(fc.tuple(fc.constantFrom(...DECOYS), fc.constantFrom('below', 'beside')), { nil: undefined, freq: 3 }) }), { minLength: 3, maxLength: 3 }),
    twoSheets: fc.boolean(),
  })
  .chain(({ kinds, seeds, twoSheets }) => {
    const picked = kinds.filter((k, i) => !kinds.slice(0, i).some((o) => LINKED.some(([a, b]) => (a === k && b === o) || (a === o && b === k))));
    return fc.tuple(...picked.map((k) => GENERATORS[k])).map((gens) => {
      const sheets = new Map<string, { items: Item[]; top: number }>();
      const tables: GenBook['tables'] = [];
      const decoyTitles: string[] = [];
      gens.forEach((gen, i) => {
        const sheet = twoSheets && i % 2 === 1 ? 'Кадры' : 'Лист1';
        const s = sheets.get(sheet) ?? { items: [], top: 0 };
        sheets.set(sheet, s);
        const o = seeds[i];
        let top = s.top + o.gap;
        if (o.title && gen.fixture.title) s.items.push({ at: [top++, o.col], text: gen.fixture.title });
        const placed = place(gen.fixture, [top, o.col]);
        s.items.push(placed.item);
        tables.push({ gen, placed, sheet });
        top += placed.height;
        if (o.prose) {
          s.items.push({ at: [top + 1, o.col], text: o.prose });
          top += 2;
        }
        if (o.decoy) {
          const [d, where] = o.decoy;
          decoyTitles.push(d.title ?? '');
          if (where === 'beside') s.items.push({ at: [placed.at[0], o.col + placed.width + 2], block: d.block });
          else {
            s.items.push({ at: [top + 2, o.col], block: d.block });
            top += 2 + d.block.rows.length;
          }
          top = Math.max(top, placed.at[0] + d.block.rows.length);
        }
        s.top = top;
      });
      const wb: Workbook = { sheets: [...sheets].map(([name, s]) => sheetOfItems(name, s.items)) };
      const book: GenBook = { wb, tables, decoys: decoyTitles };
      // Counterexamples print as the tables and the grid rows, not as the whole object graph.
      Object.defineProperty(book, fc.toStringMethod, { value: () => `GenBook(${describeBook(book)}) ${gridText(wb)}`, enumerable: false });
      return book;
    });
  });

export function describeBook(b: GenBook): string {
  return b.tables.map((t) => `${t.gen.kind}@${t.sheet}!${t.placed.range}`).join(', ');
}

/** The non-empty rows of a workbook as `Sheet!row: v | v | …`, for counterexamples. */
export function gridText(wb: Workbook): string {
  const out: string[] = [];
  for (const s of wb.sheets)
    s.rows.forEach((r, i) => {
      if (!r || !r.some((c) => c)) return;
      out.push(`${s.name}!${i + 1}: ` + Array.from(r, (c) => (c === undefined ? '' : c.error ?? (c.noResult ? '=?' : JSON.stringify(c.value)))).join(' | '));
    });
  return out.join('\n');
}
