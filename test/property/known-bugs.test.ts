// Plain regression tests for the wrong-result bugs the properties found (shrunk counterexamples),
// all fixed; consistent.test.ts runs the properties in full.
import { checkWorkbook, planFill, type Sheet } from '../../src/core';
import { decoys } from '../fixtures/variants';
import { sheetFrom, workbook, type Raw } from '../helpers/grid';
import { sheetOfItems } from './support';

const book = (rows: Raw[][]) => workbook(sheetFrom('Лист1', rows));
const kinds = (wb: { sheets: Sheet[] }) => checkWorkbook(wb).tables.map((t) => `${t.kind} ${t.range}`);
const RATES_HEAD: Raw[][] = [
  ['Численность работников, относящихся к основному персоналу, человек', 'из них работающих:', null, null, null, null],
  [null, 'на полную ставку', 'на 0,75 ставки', 'на 0,5 ставки', 'на 0,25 ставки', 'другие (перечислить)'],
];

test('BUG-1: a fund-movement table with only the total column and an empty corner is recognized', () => {
  const wb = book([[null, 'Объем фонда'], ['Состояло на начало года', 10], ['Поступило за год', 2], ['Выбыло за год', 3], ['Состоит на конец года', 9]]);
  expect(kinds(wb)).toEqual(['fund-movement A1:B5']);
});

test('BUG-2: junk text in the single data row of a staff table is reported, and the table is still recognized', () => {
  const wb = book([...RATES_HEAD, [47, 'abc', 5, 3, 1, 0]]);
  const r = checkWorkbook(wb);
  expect(r.tables.map((t) => t.range)).toEqual(['A1:F3']);
  expect(r.issues.map((i) => `${i.rule}@${i.cells[0].address}`)).toContain('not-a-number@B3');
  // The same for the first cell and for a boolean.
  expect(checkWorkbook(book([...RATES_HEAD, ['178817 (+44311)=223128', 38, 5, 3, 1, 0]])).issues.map((i) => `${i.rule}@${i.cells[0].address}`)).toContain('not-a-number@A3');
  expect(kinds(workbook(sheetFrom('Лист1', [...RATES_HEAD, [47, { value: true }, 5, 3, 1, 0]])))).toEqual(['staff-rates A1:F3']);
});

// Found as BUG-3 (price list recognized as fund-composition, fill planned its Итого); fixed by the lead.
test('BUG-3 (fixed): the price-list decoy is not a report table and nothing is planned in it', () => {
  const wb = { sheets: [sheetOfItems('Лист1', [{ at: [0, 0], block: decoys.priceList.block }])] };
  // It is a table of no known kind (its Итого of the sums is checked); its empty Итого of prices is no computed cell.
  expect(kinds(wb)).toEqual(['table A1:D6']);
  expect(checkWorkbook(wb).issues).toEqual([]);
  expect(planFill(wb).writes).toEqual([]);
});

test('BUG-4: a first reason row of year-like counts is a data row, not a year header', () => {
  const wb = book([['Причины исключения документов', 'Количество экземпляров'], [null, '2005 г.'], ['Дефектность', 1990], ['Стихийные бедствия', 0], ['Недостача (по результатам проверок)', 5], ['Всего', 1995]]);
  expect(checkWorkbook(wb).issues.filter((i) => i.severity !== 'info')).toEqual([]);
});

test('BUG-5: a fund-movement table with its empty end row first is recognized and filled', () => {
  const wb = book([['Показатели (2023)', 'Объем фонда', 'Книг, брошюр'], ['Состоит на конец года', null, null], ['Выбыло за год', 5, 1], ['Поступило за год', 7, 2], ['Состояло на начало года', 100, 50]]);
  expect(kinds(wb)).toEqual(['fund-movement A1:C5']);
  expect(planFill(wb, { mode: 'values' }).writes.map((w) => `${w.address}=${w.value}`)).toEqual(['B2=102', 'C2=51']);
});

// Control: the working neighbours of the bug cases, so a test above that fails, fails for its bug and not the fixture.
test('controls: the working neighbours of the bug cases', () => {
  expect(kinds(book([['Показатели', 'Объем фонда'], ['Состояло на начало года', 10], ['Поступило за год', 2], ['Выбыло за год', 3], ['Состоит на конец года', 9]]))).toEqual(['fund-movement A1:B5']);
  expect(kinds(book([...RATES_HEAD, [47, 38, 5, 3, 1, 0]]))).toEqual(['staff-rates A1:F3']);
  const w = book([['Причины исключения документов', 'Количество экземпляров'], [null, '2005 г.'], ['Дефектность', 1989], ['Стихийные бедствия', 0], ['Недостача (по результатам проверок)', 5], ['Всего', 1994]]);
  expect(checkWorkbook(w).issues).toEqual([]);
  const m = book([['Показатели (2023)', 'Объем фонда', 'Книг, брошюр'], ['Выбыло за год', 5, 1], ['Поступило за год', 7, 2], ['Состояло на начало года', 100, 50], ['Состоит на конец года', null, null]]);
  expect(planFill(m, { mode: 'values' }).writes.map((x) => `${x.address}=${x.value}`).sort()).toEqual(['B5=102', 'C5=51']);
});
