// A stray cell far from the data (a careless Ctrl+End, a format pasted to a whole column) must not make
// the engine size anything by the sheet's extent: the sheet is checked as the cells it holds.
import fc from 'fast-check';
import { checkWorkbook, planFill, type Area, type Cell, type Sheet, type Workbook } from '../../src/core';
import { findBlocks } from '../../src/core/layout/blocks';
import { SheetView } from '../../src/core/grid/sheet-view';
import { heldRows } from '../../src/core/grid/sparse-blocks';
import { clean } from '../fixtures/variants';
import { runProperty, sheetOfItems } from '../property/support';

const LAST_ROW = 1_048_575; // row 1 048 576, 0-based
const LAST_COL = 16_383; // column XFD

/** The sheet with one more cell at (row, col): its row array is as sparse as a reader makes it. */
function withStray(sheet: Sheet, row = LAST_ROW, col = LAST_COL, value: Cell['value'] = 5): Sheet {
  const rows = sheet.rows.slice();
  const r: Array<Cell | undefined> = [];
  r[col] = { value };
  rows[row] = r;
  return { ...sheet, rows };
}

/** The staff-rates table with its total broken (48 where the parts add up to 47), at B2. */
function staffSheet(): Sheet {
  const block = clean.staffRates.block;
  return sheetOfItems('Кадры', [{ at: [1, 1], block: { rows: [...block.rows.slice(0, 2), [48, 38, 5, 3, 1, 0]], merges: block.merges } }]);
}

describe('a stray cell at XFD1048576', () => {
  test('a label in A1 and one value at XFD1048576: checked, nothing found, no per-cell array', () => {
    const sheet = withStray({ name: 'Лист1', rows: [[{ value: 'Движение фонда' }]], merges: [] });
    const view = new SheetView(sheet);
    expect([view.height, view.width]).toEqual([LAST_ROW + 1, LAST_COL + 1]);
    // The box holds 17 179 869 184 cells: no array of them is made.
    expect(view.occupancy()).toBeUndefined();
    expect(view.held).toEqual([0, LAST_ROW]);
    expect(findBlocks(view)).toEqual([]);
    const result = checkWorkbook({ sheets: [sheet] });
    expect(result).toEqual({ tables: [], issues: [], summaries: [] });
    expect(planFill({ sheets: [sheet] }, { mode: 'formulas' }).writes).toEqual([]);
  });

  test.each([
    ['XFD1048576', LAST_ROW, LAST_COL],
    ['Z300000 (a box within the per-cell arrays’ limit, but mostly empty)', 299_999, 25],
    ['A1048576', LAST_ROW, 0],
  ])('a report table with a stray cell at %s: the same tables, issues and fill as without it', (_name, row, col) => {
    const plain: Workbook = { sheets: [staffSheet()] };
    const stray: Workbook = { sheets: [withStray(staffSheet(), row, col)] };
    const view = new SheetView(stray.sheets[0]);
    expect(view.occupancy()).toBeUndefined();
    const a = checkWorkbook(plain);
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([['staff-rates', 'B2:G4']]);
    expect(a.issues.some((i) => i.rule === 'sum-mismatch' && i.cells[0].address === 'B4')).toBe(true);
    expect(checkWorkbook(stray)).toEqual(a);
    expect(planFill(stray, { mode: 'formulas', overwrite: true })).toEqual(planFill(plain, { mode: 'formulas', overwrite: true }));
  });

  test('heldRows lists the rows a sheet holds, sparse or dense', () => {
    const sparse: unknown[] = [];
    sparse[3] = [];
    sparse[LAST_ROW] = [];
    expect(heldRows(sparse)).toEqual([3, LAST_ROW]);
    const dense = Array.from({ length: 70_000 }, (_, i) => (i % 3 ? [] : undefined));
    expect(heldRows(dense)).toEqual(dense.flatMap((r, i) => (r ? [i] : [])));
  });
});

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 500 }).map((v) => ({ value: v })) },
  { weight: 1, arbitrary: fc.constantFrom('Всего', 'Итого', '', ' ', 'Штатных единиц').map((v) => ({ value: v })) },
  { weight: 1, arbitrary: fc.constant({ value: null, formula: '=A1+B1', noResult: true }) },
);
const area: fc.Arbitrary<Area> = fc
  .tuple(fc.nat(30), fc.nat(14), fc.nat(4), fc.nat(4))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
const randomSheet: fc.Arbitrary<Sheet> = fc
  .record({
    rows: fc.array(fc.option(fc.array(cell, { maxLength: 14 }), { nil: undefined, freq: 4 }), { maxLength: 30 }),
    merges: fc.array(area, { maxLength: 5 }),
    table: fc.option(fc.tuple(fc.nat(20), fc.nat(6)), { nil: undefined }),
  })
  .map(({ rows, merges, table }) => {
    // Copies: a generated value changed in place would make fast-check's shrinking go round in circles.
    const sheet: Sheet = { name: 'Лист1', rows: rows.map((r) => r && r.slice()), merges: merges.slice() };
    if (table) {
      const t = sheetOfItems('Лист1', [{ at: table, block: clean.staffRates.block }]);
      t.rows.forEach((r, i) => r?.forEach((c, j) => c && ((sheet.rows[i] ??= [])[j] = c)));
      sheet.merges.push(...t.merges);
    }
    // Readers give a row to every row a merge covers (the stray cell would lengthen the sheet past them).
    for (const m of sheet.merges) sheet.rows[m.bottom] ??= [];
    return sheet;
  });

test('blocks found from the cells that exist are the blocks found cell by cell', () => {
  runProperty(
    'sparse-blocks-equal-dense',
    fc.property(randomSheet, (sheet) => {
      const dense = new SheetView(sheet);
      // The stray cell makes the box mostly empty: the same sheet is then read from its runs.
      const sparse = new SheetView(withStray(sheet));
      // Booleans, not expect: a failing expect per shrinking step makes a failure take minutes.
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      return (
        sparse.occupancy() === undefined &&
        same(findBlocks(sparse), findBlocks(dense)) &&
        same(checkWorkbook({ sheets: [withStray(sheet)] }), checkWorkbook({ sheets: [sheet] }))
      );
    }),
    300,
  );
});
