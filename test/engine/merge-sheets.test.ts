// The summary as new sheets of the open workbook (the pane's «Собрать свод…»): names apart from the
// workbook's (Excel ignores case), the sums at their template addresses, lists split at Excel's last row.
import type { Workbook } from '../../src/core';
import type { MergePlan } from '../../src/core/merge/plan';
import { freeSheetName, summarySheets, type SummaryWords } from '../../src/core/merge/sheets';
import { TraceBuilder } from '../../src/core/merge/trace';

const words: SummaryWords = {
  tableSheet: (s) => `Свод ${s}`,
  stackSheet: (s) => `Свод МС ${s}`,
  sources: 'Источники',
  unmerged: 'Не сведено',
  sourcesHeader: ['Лист свода', 'Ячейка свода', 'Файл', 'Лист', 'Ячейка', 'Значение', 'Как получено'],
  unmergedHeader: ['Файл', 'Лист', 'Ячейка', 'Таблица', 'Что', 'Причина'],
  sum: 'сумма',
  recomputed: 'пересчитано из сумм',
  reason: { 'no-table': 'нет таблицы', 'no-label': 'нет подписи', 'other-year': 'другой год', 'not-a-number': 'не число', 'not-recomputed': 'не пересчитано' },
  total: 'Всего:',
  stackedHow: 'строка библиотеки',
  stackedThere: (s) => `на листе «${s}»`,
  share: (n, of) => `${n} из ${of}`,
};

const template: Workbook = {
  sheets: [{ name: 'Фонды', origin: { row: 2, col: 1 }, rows: [[{ value: 'Поступило' }, { value: 10, numberFormat: '#,##0' }]], merges: [] }],
};

// Three contributions of 10, one per municipal report, in the plan's trace.
const trace = new TraceBuilder();
const sources = ['mo-1.xlsx', 'mo-2.xlsx', 'mo-3.xlsx'].map((file) => trace.add(trace.text(file), trace.text('Фонд'), trace.text('D7'), 10));

const plan: MergePlan = {
  writes: [
    {
      sheet: 'Фонды',
      address: 'C3',
      row: 2,
      col: 2,
      table: 'fund-movement#1',
      value: 30,
      sources,
    },
  ],
  cleared: [],
  emptied: [],
  unmerged: [],
  stacks: [],
  inputs: [],
  trace: trace.trace(),
};

test('a free sheet name: ignoring case, within 31 characters, without the characters Excel refuses', () => {
  const used = new Set(['источники', 'источники (2)']);
  expect(freeSheetName('Источники', used)).toBe('Источники (3)');
  expect(freeSheetName('Свод: 5.3 [фонд]/итог', used)).toBe('Свод  5.3  фонд  итог');
  expect(freeSheetName('Свод очень длинное имя листа отчёта', used)).toBe('Свод очень длинное имя листа от');
});

test('the sums at their template addresses on a sheet of a free name; «Источники» split past its last row', () => {
  const sheets = summarySheets(template, plan, { writes: [], kept: [], stale: [] }, words, ['Фонды', 'СВОД ФОНДЫ'], 6, 2);
  expect(sheets.map((s) => [s.name, s.role])).toEqual([
    ['Свод Фонды (2)', 'table'],
    ['Источники', 'sources'],
    ['Источники (2)', 'sources'],
    ['Не сведено', 'unmerged'],
  ]);
  const t = sheets[0];
  expect([t.top, t.left, t.values, t.formats]).toEqual([2, 1, [['Поступило', 30]], [['@', '#,##0']]]);
  expect(sheets[1].values).toEqual([words.sourcesHeader, ['Свод Фонды (2)', 'C3', 'mo-1.xlsx', 'Фонд', 'D7', 10, 'сумма'], ['Свод Фонды (2)', 'C3', 'mo-2.xlsx', 'Фонд', 'D7', 10, 'сумма']]);
  expect(sheets[2].values).toEqual([words.sourcesHeader, ['Свод Фонды (2)', 'C3', 'mo-3.xlsx', 'Фонд', 'D7', 10, 'сумма']]);
  expect(sheets[3].values).toEqual([words.unmergedHeader]);
});
