// Indicators of 5.4 read their inputs wherever the workbook holds them for their year, and say which tables they read.
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseXlsx } from '../../src/cli/read-xlsx';
import { checkWorkbook, planFill, type Sheet } from '../../src/core';
import { analyze } from '../../src/core/check';
import { instances } from '../../src/core/relations/relations';
import { getScenario } from '../fixtures/scenarios';
import { buildXlsx } from '../fixtures/xlsx-builder';
import { sheetFrom, type Raw } from '../helpers/grid';

test('every 5.4 indicator of 2021–2023 is recomputed with the fund of its year from the composition tables on another sheet', async () => {
  const wb = await parseXlsx(await buildXlsx(getScenario('indicators-from-compositions-apart').sheets));
  const a = analyze(wb);
  const fi = a.tables.find((t) => t.def.kind === 'fund-indicators')!;
  const read = new Map<string, string[]>();
  for (const inst of instances(fi)) {
    if (inst.type !== 'ratio') continue;
    const k = `${inst.target.key.indicator} ${inst.target.key.year}`;
    read.set(k, [...new Set([...inst.num, ...inst.den].map((x) => `${x.table.def.kind}${x.table.year ?? ''}`))].sort());
  }
  const fund = (y: number) => `fund-composition${y}`;
  const expected = new Map<string, string[]>();
  for (const y of [2021, 2022, 2023]) {
    expected.set(`reading ${y}`, ['basic-indicators']);
    expected.set(`turnover ${y}`, ['basic-indicators', fund(y)].sort());
    expected.set(`provision ${y}`, ['basic-indicators', fund(y)].sort());
    expected.set(`renewal ${y}`, ['fund-receipts', 'fund-withdrawals', fund(y)].sort());
  }
  expect(read).toEqual(expected);
});

test('a wrong indicator names the tables it was recomputed from', async () => {
  const wb = await parseXlsx(await buildXlsx(getScenario('indicators-from-compositions-apart-mistakes').sheets));
  const r = checkWorkbook(wb);
  const byCell = new Map(r.issues.filter((i) => i.rule === 'ratio-mismatch').map((i) => [i.cells[0].address, i.params.sources]));
  const composition = (y: number) => r.tables.find((t) => t.kind === 'fund-composition' && t.year === y)!;
  const at = (y: number) => `«Состав фонда по отраслям знаний» Состав фонда!${composition(y).range}`;
  expect(byCell.get('E40')).toEqual(['«Основные показатели» Показатели!A3:E17', at(2023)]);
  expect(byCell.get('C43')).toEqual(['«Новые поступления» Показатели!A21:L24', '«Выбытие документов» Показатели!A27:D34', at(2021)]);
});

// Small grids: 4.3, 5.3 and 5.4 of one year.
const basicRows = (users: number, loans: number): Raw[][] => [
  ['Наименование показателя', '2023 г.'],
  ['Число зарегистрированных пользователей', users],
  ['Число посещений библиотеки', users * 5],
  ['Выдано документов', loans],
  ['Количество массовых мероприятий', 50],
];
const movementRows = (fund: number): Raw[][] => [
  ['Показатели (2023)', 'Объем фонда'],
  ['Состояло на начало года', fund - 50],
  ['Поступило за год', 100],
  ['Выбыло за год', 50],
  ['Состоит на конец года', fund],
];
const indicatorRows = (turnover: number, reading: number, provision: number, renewal: number): Raw[][] => [
  ['Наименование показателя', '2023 г.'],
  ['Обращаемость фонда', turnover],
  ['Читаемость', reading],
  ['Книгообеспеченность', provision],
  ['Обновляемость фонда', renewal],
];
const ratios = (sheets: Sheet[]) => checkWorkbook({ sheets }).issues.filter((i) => i.rule === 'ratio-mismatch').map((i) => `${i.cells[0].sheet}!${i.cells[0].address}=${i.expected}`);

test("one system's report after another down a sheet: each 5.4 reads its own system's 4.3 and fund (those nearer to it than to the other 5.4), never the other's", () => {
  // System A: 4.3, movement, 5.4 (consistent); system B: 4.3 and 5.4 only, its fund (5 000) in no table here.
  const a = [...basicRows(1000, 20000), [], ...movementRows(10000), [], ...indicatorRows(2, 20, 10, 0.5)];
  const b = [...basicRows(500, 5000), [], ...indicatorRows(1, 10, 10, 1)];
  expect(ratios([sheetFrom('Свод', [...a, [], ['Бакчарская ЦБС'], [], ...b])])).toEqual([]);
  // B's own reading is still checked against B's own 4.3.
  expect(ratios([sheetFrom('Свод', [...a, [], ['Бакчарская ЦБС'], [], ...basicRows(500, 5000), [], ...indicatorRows(1, 12, 10, 1)])])).toEqual(['Свод!B29=10']);
});

test('a 5.4 alone on its sheet reads a 4.3 of another sheet only when the other sheets agree on it', () => {
  const indicators = sheetFrom('5.4', indicatorRows(2, 10, 10, 0.5));
  const fund = sheetFrom('Фонд', movementRows(10000));
  // Two systems' 4.3 on two sheets: which one 5.4 goes with is a guess; none is read.
  expect(ratios([sheetFrom('4.3 А', basicRows(1000, 20000)), sheetFrom('4.3 Б', basicRows(500, 5000)), fund, indicators])).toEqual([]);
  // The same 4.3 printed twice: read, and 10 is found wrong (20 000 / 1 000 = 20).
  expect(ratios([sheetFrom('4.3 А', basicRows(1000, 20000)), sheetFrom('4.3 копия', basicRows(1000, 20000)), fund, indicators])).toEqual(['5.4!B3=20']);
  // Beside a copy still being filled in, its loans empty: an empty cell lends nothing and contradicts nothing.
  const halfFilled = sheetFrom('К заполнению', basicRows(1000, 20000).map((r) => (r[0] === 'Выдано документов' ? [r[0], null] : r)));
  expect(ratios([sheetFrom('4.3 А', basicRows(1000, 20000)), halfFilled, fund, indicators])).toEqual(['5.4!B3=20']);
});

test("two systems' fund movements on two sheets, their end totals still to fill: 5.4 on a third sheet reads neither (their ends would differ)", () => {
  // The end total is computed (start + received − withdrawn): empty, it is no value one could check against the other's.
  const toFill = (name: string, start: number): Sheet => sheetFrom(name, movementRows(start + 50).map((r, i) => (i === 4 ? [r[0], null] : r)));
  const sheets = [sheetFrom('4.3', basicRows(1000, 20000)), toFill('Фонд А', 10000), toFill('Фонд Б', 5000), sheetFrom('5.4', indicatorRows(2, 20, 10, 0.5).map((r, i) => (i === 1 || i === 3 ? [r[0], null] : r)))];
  const writes = planFill({ sheets }, { mode: 'values' }).writes.map((w) => `${w.sheet}!${w.address}=${w.value}`);
  // Each movement's end is filled; no indicator of 5.4 is filled from either system's fund.
  expect(writes).toEqual(['Фонд А!B5=10050', 'Фонд Б!B5=5050']);
});

test("two systems over two pairs of sheets: the 5.4 of `Фонд 1` reads the 4.3 of `Обслуживание 1`, that of `Фонд 2` the 4.3 of `Обслуживание 2`", () => {
  // System 1: 1 000 users, 20 000 loans, fund 10 000; system 2: 500 users, 5 000 loans, fund 5 000.
  const funds = (n: number, fund: number, ind: Raw[][]) => sheetFrom(`Фонд ${n}`, [...movementRows(fund), [], ...ind]);
  const service = (n: number, users: number, loans: number) => sheetFrom(`Обслуживание ${n}`, basicRows(users, loans));
  const services = [service(1, 1000, 20000), service(2, 500, 5000)];
  expect(ratios([...services, funds(1, 10000, indicatorRows(2, 20, 10, 0.5)), funds(2, 5000, indicatorRows(1, 10, 10, 1))])).toEqual([]);
  // A reading typed wrong in each: found with its own system's figures (20 000 / 1 000, 5 000 / 500).
  expect(ratios([...services, funds(1, 10000, indicatorRows(2, 25, 10, 0.5)), funds(2, 5000, indicatorRows(1, 12, 10, 1))]).sort()).toEqual(['Фонд 1!B9=20', 'Фонд 2!B9=10']);
  // Filled from them when empty.
  const empty = indicatorRows(0, 0, 0, 0).map((r, i) => (i === 0 ? r : [r[0], null]));
  const writes = planFill({ sheets: [...services, funds(1, 10000, empty), funds(2, 5000, empty)] }, { mode: 'values' }).writes.map((w) => `${w.sheet}!${w.address}=${Math.round(w.value * 100) / 100}`);
  expect(writes.sort()).toEqual(['Фонд 1!B8=2', 'Фонд 1!B9=20', 'Фонд 1!B10=10', 'Фонд 1!B11=0.5', 'Фонд 2!B8=1', 'Фонд 2!B9=10', 'Фонд 2!B10=10', 'Фонд 2!B11=1'].sort());
});

test("seed 001: 5.4's renewal reads the fund's receipts (5.3.1), not the legal deposit's laid out alike (5.2, 5.3 3))", async () => {
  const file = path.join(__dirname, '../fixtures/seed-001-full/seed-001.xlsx');
  const r = checkWorkbook(await parseXlsx(readFileSync(file)));
  const at = (range: string) => r.tables.find((t) => t.sheet === '5 Фонды' && t.range === range)!;
  expect([at('A67:L70').kind, at('A98:L101').kind, at('A82:L85').kind]).toEqual(['table', 'table', 'fund-receipts']);
  const renewal = r.issues.find((i) => i.rule === 'ratio-mismatch' && i.cells[0].address === 'B121')!;
  expect(renewal.params.sources).toContain('«Новые поступления» 5 Фонды!A82:L85');
  expect(renewal.expected).toBeCloseTo(((8273 - 5535) / 215234) * 100, 2);
});
