// The words of `report-check merge` (the summary's sheets, its report lines), Russian first.
import type { Lang } from '../core';
import type { UnmergedReason } from '../core/merge/plan';

type Catalogue = {
  description: string;
  reading: string;
  sources: string;
  unmerged: string;
  sourcesHeader: [string, string, string, string, string, string, string];
  unmergedHeader: [string, string, string, string, string, string];
  /** How a summary cell was obtained. */
  sum: string;
  recomputed: (formula: string) => string;
  reason: Record<UnmergedReason, string>;
  /** A stacked list's sheet name starts with it. */
  stacked: string;
  library: string;
  total: string;
  stackedHow: string;
  stackedThere: (sheet: string) => string;
  share: (n: number, of: number, threshold: number) => string;
  input: (file: string, tables: number, matched: number, cells: number) => string;
  wrote: (out: string, inputs: number, cells: number, recomputed: number) => string;
  unmergedCount: (n: number) => string;
  nothingUnmerged: string;
  noInputs: string;
  outIsInput: string;
  outNotXlsx: string;
  cannotReadTemplate: (file: string, why: string) => string;
};

export const MERGE_TEXT: Record<Lang, Catalogue> = {
  ru: {
    description: 'собрать свод: сложить таблицы книг (по подписям строк и граф) в книгу по образцу первой',
    reading: 'Читается',
    sources: 'Источники',
    unmerged: 'Не сведено',
    sourcesHeader: ['Лист свода', 'Ячейка свода', 'Файл', 'Лист', 'Ячейка', 'Значение', 'Как получено'],
    unmergedHeader: ['Файл', 'Лист', 'Ячейка', 'Таблица', 'Что', 'Причина'],
    sum: 'сумма',
    recomputed: (formula) => (formula ? `пересчитано из сумм: ${formula}` : 'пересчитано из сумм'),
    reason: {
      'no-table': 'в своде нет такой таблицы',
      'no-label': 'подпись строки или графы не найдена в своде',
      'other-year': 'в своде нет этого года',
      'not-a-number': 'не число',
      'not-recomputed': 'не сумма, и пересчитать из сумм не из чего: в своде пусто',
    },
    stacked: 'Свод',
    library: 'Наименование библиотеки',
    total: 'Всего:',
    stackedHow: 'строка библиотеки',
    stackedThere: (sheet) => `Сводная таблица всех библиотек — на листе «${sheet}»`,
    share: (n, of, threshold) => `Набрали ${String(threshold).replace('.', ',')} и более баллов: ${n} из ${of} библиотек (${String(Math.round((n / of) * 1000) / 10).replace('.', ',')} %)`,
    input: (file, tables, matched, cells) => `  ${file}: таблиц ${tables}, сопоставлено ${matched}, ячеек сложено ${cells}`,
    wrote: (out, inputs, cells, recomputed) => `Свод записан в ${out}: книг ${inputs}, ячеек со суммами ${cells}, пересчитано ${recomputed}`,
    unmergedCount: (n) => `Не сведено: ${n} (лист «Не сведено»)`,
    nothingUnmerged: 'Сведено всё',
    noInputs: 'нет книг для свода',
    outIsInput: '--out указывает на одну из сводимых книг: свод не записывается поверх исходных данных',
    outNotXlsx: '--out должен быть файлом .xlsx',
    cannotReadTemplate: (file, why) => `Образец ${file} не прочитан: ${why}`,
  },
  en: {
    description: "merge the region's summary: add up the workbooks' tables (by their row and column labels) into a copy of the first",
    reading: 'Reading',
    sources: 'Источники',
    unmerged: 'Не сведено',
    sourcesHeader: ['Summary sheet', 'Summary cell', 'File', 'Sheet', 'Cell', 'Value', 'How'],
    unmergedHeader: ['File', 'Sheet', 'Cell', 'Table', 'What', 'Reason'],
    sum: 'sum',
    recomputed: (formula) => (formula ? `recomputed from the sums: ${formula}` : 'recomputed from the sums'),
    reason: {
      'no-table': 'no such table in the summary',
      'no-label': 'row or column label not found in the summary',
      'other-year': 'the summary has no such year',
      'not-a-number': 'not a number',
      'not-recomputed': 'no sum, and nothing to recompute it from: left empty in the summary',
    },
    stacked: 'Свод',
    library: 'Наименование библиотеки',
    total: 'Всего:',
    stackedHow: "the library's row",
    stackedThere: (sheet) => `The table of every library is on the sheet «${sheet}»`,
    share: (n, of, threshold) => `Libraries scoring ${threshold} or more: ${n} of ${of} (${Math.round((n / of) * 1000) / 10} %)`,
    input: (file, tables, matched, cells) => `  ${file}: tables ${tables}, matched ${matched}, cells added ${cells}`,
    wrote: (out, inputs, cells, recomputed) => `Summary written to ${out}: workbooks ${inputs}, summed cells ${cells}, recomputed ${recomputed}`,
    unmergedCount: (n) => `Not merged: ${n} (sheet «Не сведено»)`,
    nothingUnmerged: 'Everything merged',
    noInputs: 'no workbooks to merge',
    outIsInput: '--out names one of the workbooks merged: the summary is never written over its inputs',
    outNotXlsx: '--out must be an .xlsx file',
    cannotReadTemplate: (file, why) => `Template ${file} could not be read: ${why}`,
  },
};
