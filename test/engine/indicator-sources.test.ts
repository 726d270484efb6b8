// Indicators of 5.4 read their inputs wherever the workbook holds them for their year, and say which tables they read.
import { parseXlsx } from '../../src/cli/read-xlsx';
import { checkWorkbook } from '../../src/core';
import { analyze } from '../../src/core/check';
import { instances } from '../../src/core/relations';
import { getScenario } from '../fixtures/scenarios';
import { buildXlsx } from '../fixtures/xlsx-builder';

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
