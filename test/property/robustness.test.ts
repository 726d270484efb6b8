// Random grids never make recognition, validation, fill planning or message rendering throw:
// random values, text, merges (overlapping, out of range), offsets, blank rows, error cells,
// formulas without results, huge and NaN-ish strings, and real report tables with random damage.
import fc from 'fast-check';
import { checkWorkbook, planFill, renderMessage, renderSummary, type Area, type Cell, type Sheet, type Workbook } from '../../src/core';
import { KINDS } from '../../src/core/kinds';
import * as S from '../fixtures/seed-001';
import { clean, decoys, transpose, withdrawalsWithTotal, cleanWithdrawalsValues, staffCategoriesByYearRows } from '../fixtures/variants';
import type { TableFixture } from '../fixtures/seed-001';
import { runProperty, sheetOfItems, cloneWorkbook } from './support';

// Label vocabulary: every label the definitions know, plus the header texts of the fixture tables,
// so random grids often look like report tables to the recognizer.
const vocab = new Set<string>();
for (const d of KINDS) {
  for (const dim of d.dims as Array<Record<string, unknown>>) {
    for (const m of (dim.members as Array<{ labels: string[] }> | undefined) ?? []) m.labels.forEach((l) => vocab.add(l));
    for (const k of ['totalLabels', 'sumLabels'] as const) ((dim[k] as string[] | undefined) ?? []).forEach((l) => vocab.add(l));
  }
}
const FIXTURES: TableFixture[] = [
  S.fundMovement,
  transpose(clean.fundMovement),
  S.fundReceipts,
  S.fundReceiptsCopy,
  S.fundWithdrawals,
  withdrawalsWithTotal(cleanWithdrawalsValues(), 'empty'),
  S.staffCategories,
  staffCategoriesByYearRows(),
  S.staffRates,
  S.staffEducation,
  S.staffTenure,
  S.staffAge,
  S.modelStandardGrid,
  ...Object.values(clean),
  ...Object.values(decoys),
];
for (const f of FIXTURES) for (const row of f.block.rows) for (const c of row) if (typeof c === 'string' && c.length < 300) vocab.add(c);
const VOCAB = [...vocab];

const hugeText = fc.constantFrom('9'.repeat(400), '1 '.repeat(5000), 'я'.repeat(100_000), '-'.repeat(1000), '0,' + '5'.repeat(400), 'Всего '.repeat(2000));
const nanish = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', 'undefined', 'null', '—', '-', '–', '--', '- -', '%', '+', '−', ',', '.', ' ', '\u00a0', '\u200b', '\ufeff1', '1\u0000', '\u202e123', '<img src=x onerror=alert(1)>', '=SUM(A1:A2)', '#DIV/0!', '#REF!');
const yearText = fc.tuple(fc.integer({ min: 1985, max: 2105 }), fc.constantFrom('', ' г.', 'г.', ' г', '.', ' год', ' ')).map(([y, s]) => `${y}${s}`);
const numberText = fc.tuple(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom(' ', '\u00a0', ''), fc.constantFrom(',', '.')).map(([v, sep, dec]) =>
  String(v).replace('.', dec).replace(/\B(?=(\d{3})+(?!\d))/g, sep),
);
const errorValue = fc.constantFrom('#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA');
const numberFormat = fc.option(fc.oneof(fc.constantFrom('0', '0.0', '0.00', '0%', '0.0%', '#,##0', '# ##0,00', '@', 'General', 'general', '[Red]0.0;-0.0', '"шт." 0', '0.0" %"', ';;;', '', '0.000E+00', 'dd.mm.yyyy'), fc.string({ maxLength: 12 })), { nil: undefined });

const value: fc.Arbitrary<Cell['value']> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 300_000 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.constantFrom(0, 0.25, 0.5, 1, 2023, 2022, 14, -0, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity, 1e21, 2 ** 53 + 1) },
  { weight: 8, arbitrary: fc.constantFrom(...VOCAB) },
  { weight: 3, arbitrary: yearText },
  { weight: 3, arbitrary: numberText },
  { weight: 2, arbitrary: nanish },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('') },
);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ value, numberFormat }, { requiredKeys: ['value'] }) },
  { weight: 1, arbitrary: fc.record({ value: fc.constant(null), error: errorValue, numberFormat }, { requiredKeys: ['value', 'error'] }) },
  { weight: 1, arbitrary: fc.record({ value: fc.constant(null), formula: fc.constantFrom('=A1+B1', '=SUM(C5:AA5)', '=1/0', '='), noResult: fc.constant(true) }) },
  { weight: 1, arbitrary: fc.record({ value, formula: fc.constantFrom('=A1+B1', '=SUM(C5:C9)', '=B4/B9*100'), text: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }) }, { requiredKeys: ['value', 'formula'] }) },
);

const area = (maxRow: number, maxCol: number): fc.Arbitrary<Area> =>
  fc.tuple(fc.nat(maxRow), fc.nat(maxCol), fc.nat(6), fc.nat(6)).map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const origin = fc.option(fc.record({ row: fc.nat(200), col: fc.nat(40) }), { nil: undefined });

/** A sheet of random cells: sparse rows, blank rows, merges anywhere (also overlapping or past the data). */
const randomSheet = (name: fc.Arbitrary<string>): fc.Arbitrary<Sheet> =>
  fc
    .record({
      name,
      rows: fc.array(fc.option(fc.sparseArray(cell, { maxLength: 16, noTrailingHole: false }), { nil: undefined, freq: 4 }), { maxLength: 28 }),
      merges: fc.array(area(32, 18), { maxLength: 6 }),
      origin,
      // At most one huge cell per sheet: enough to show it is handled, cheap enough for many runs.
      huge: fc.option(fc.record({ row: fc.nat(30), col: fc.nat(16), value: hugeText }), { nil: undefined, freq: 3 }),
    })
    .map(({ name, rows, merges, origin: o, huge }) => {
      if (huge) (rows[huge.row] ??= [])[huge.col] = { value: huge.value };
      return o ? { name, rows, merges, origin: o } : { name, rows, merges };
    });

const sheetName = fc.oneof(fc.constantFrom('Лист1', 'Фонды', 'Кадры', '', "'", 'Sheet 1', 'Проверка'), fc.string({ maxLength: 10 }));

const randomWorkbook: fc.Arbitrary<Workbook> = fc.array(randomSheet(sheetName), { maxLength: 3 }).map((sheets) => ({ sheets }));

/** Report tables at random offsets, then damaged: cells replaced or removed, rows blanked, merges added. */
const damagedWorkbook: fc.Arbitrary<Workbook> = fc
  .record({
    tables: fc.array(fc.record({ t: fc.constantFrom(...FIXTURES), at: fc.tuple(fc.nat(12), fc.nat(8)) }), { minLength: 1, maxLength: 3 }),
    prose: fc.array(fc.record({ at: fc.tuple(fc.nat(60), fc.nat(10)), text: fc.oneof(fc.constantFrom(...VOCAB), fc.constantFrom(S.FUND_MOVEMENT_TITLE, S.GRID_TITLE, S.STAFF_TITLE)) }), { maxLength: 3 }),
    damage: fc.array(fc.record({ row: fc.nat(70), col: fc.nat(40), cell: fc.option(cell, { nil: undefined, freq: 3 }) }), { maxLength: 12 }),
    huge: fc.option(fc.record({ row: fc.nat(70), col: fc.nat(40), value: hugeText }), { nil: undefined, freq: 4 }),
    blankRows: fc.array(fc.nat(70), { maxLength: 3 }),
    merges: fc.array(area(70, 40), { maxLength: 3 }),
    stack: fc.boolean(),
  })
  .map(({ tables, prose, damage, huge, blankRows, merges, stack }) => {
    let top = 0;
    const items = tables.map(({ t, at }) => {
      const item = { at: [stack ? top + at[0] : at[0], at[1]] as [number, number], block: t.block };
      top = item.at[0] + t.block.rows.length + 1;
      return item;
    });
    const sheet = sheetOfItems('Лист1', [...items, ...prose]);
    for (const d of damage) (sheet.rows[d.row] ??= [])[d.col] = d.cell;
    if (huge) (sheet.rows[huge.row] ??= [])[huge.col] = { value: huge.value };
    for (const r of blankRows) sheet.rows[r] = undefined;
    sheet.merges.push(...merges);
    return { sheets: [sheet] };
  });

function exercise(wb: Workbook): void {
  const snapshot = JSON.stringify(wb.sheets.map((s) => s.rows.length));
  const result = checkWorkbook(wb);
  for (const i of result.issues) {
    expect(i.cells.length).toBeGreaterThan(0);
    expect(renderMessage(i, { lang: 'ru' })).toEqual(expect.any(String));
    expect(renderMessage(i, { lang: 'en' })).toEqual(expect.any(String));
  }
  for (const s of result.summaries) renderSummary(s, { lang: 'en' });
  checkWorkbook(wb, { threshold: Number.NaN });
  for (const [mode, overwrite] of [['formulas', false], ['values', true]] as const) {
    const plan = planFill(wb, { mode, overwrite });
    for (const w of plan.writes) expect(Number.isFinite(w.value)).toBe(true);
  }
  // The engine reads the grid, never changes it.
  expect(JSON.stringify(wb.sheets.map((s) => s.rows.length))).toBe(snapshot);
}

test('random grids never make checkWorkbook or planFill throw', () => {
  runProperty('random-grids-never-throw', fc.property(randomWorkbook, (wb) => exercise(wb)), 500);
});

test('damaged report tables never make checkWorkbook or planFill throw', () => {
  runProperty(
    'damaged-tables-never-throw',
    fc.property(damagedWorkbook, (wb) => {
      const before = JSON.stringify(cloneWorkbook(wb));
      exercise(wb);
      expect(JSON.stringify(wb)).toBe(before);
    }),
    200,
  );
});
