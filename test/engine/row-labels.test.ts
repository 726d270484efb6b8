// Row labels that start with a number are labels, not cells of arithmetic: staff by age laid out in
// rows (`55 лет и старше`), 4.3 with numbered rows (`1. Число зарегистрированных пользователей`).
import { checkWorkbook, planFill } from '../../src/core';
import { sheetFrom } from '../helpers/grid';

const CORE = 'Численность работников, относящихся к основному персоналу, человек';

test('staff by age in rows, its last part `55 лет и старше`, is recognized and its total checked', () => {
  const rows = (total: number) => [['Возраст', 'чел.'], [CORE, total], ['до 30 лет', 2], ['от 30 до 55 лет', 34], ['55 лет и старше', 11]];
  const ok = checkWorkbook({ sheets: [sheetFrom('Кадры', rows(47))] });
  expect(ok.tables.map((t) => `${t.kind} ${t.range}`)).toEqual(['staff-age A1:B5']);
  expect(ok.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  const off = checkWorkbook({ sheets: [sheetFrom('Кадры', rows(48))] });
  expect(off.issues.filter((i) => i.rule === 'sum-mismatch').map((i) => `${i.cells[0].address}=${i.expected}`)).toEqual(['B2=47']);
});

test('4.3 with numbered rows is recognized; arithmetic typed into a cell is still no number', () => {
  const r = checkWorkbook({
    sheets: [
      sheetFrom('4.3', [
        ['Показатель', '2022', '2023'],
        ['1. Число зарегистрированных пользователей', 100, 110],
        ['2. Число посещений', '500 (+20 сайт)', 520],
        ['3. Выдано документов', 900, 950],
        ['4. Количество массовых мероприятий', 10, 12],
      ]),
    ],
  });
  expect(r.tables.map((t) => `${t.kind} ${t.range}`)).toEqual(['basic-indicators A1:C5']);
  expect(r.issues.filter((i) => i.severity !== 'info').map((i) => `${i.rule}@${i.cells[0].address}`)).toEqual(['not-a-number@B3']);
});

// Another region's layout: a `№ п/п` column numbering rows and sub-rows, the first row's total still to fill.
const numbered = (totals: Array<number | null>) =>
  sheetFrom('Посещения', [
    ['№ п/п', 'Показатель', '2022 г.', '2023 г.'],
    ['1.', 'Число посещений, всего', totals[0], totals[1]],
    ['1.1.', '   для получения библиотечно-информационных услуг', 150210, 158400],
    ['1.2.', '   на массовых мероприятиях', 38410, 41020],
    ['2.', 'Количество мероприятий, всего', totals[2], totals[3]],
    ['2.1.', '   для детей', 210, 230],
    ['2.2.', '   для взрослых', 150, 160],
  ]);

test('rows numbered `1.`, `1.1.` in a `№ п/п` column: the first row is a row even before its totals are filled', () => {
  const plan = planFill({ sheets: [numbered([null, null, null, null])] });
  expect(plan.writes.map((w) => `${w.address}=${w.value}`).sort()).toEqual(['C2=188620', 'C5=360', 'D2=199420', 'D5=390']);
  const off = checkWorkbook({ sheets: [numbered([188620, 199420, 360, 391])] });
  expect(off.issues.filter((i) => i.severity !== 'info').map((i) => `${i.rule}@${i.cells[0].address}=${i.expected}`)).toEqual(['sum-mismatch@D5=390']);
});
