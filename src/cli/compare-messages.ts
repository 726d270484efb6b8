// The words of `report-check compare` (headings of the comparison), Russian first.
import type { Lang } from '../core';

type Catalogue = {
  description: string;
  heading: (file: string) => string;
  /** How many of last year's tables have a counterpart this year. */
  matched: (n: number, of: number) => string;
  lastUnreadable: (file: string, why: string) => string;
  nothingFound: string;
};

export const COMPARE_TEXT: Record<Lang, Catalogue> = {
  ru: {
    description: 'сравнить отчёт этого года с отчётом прошлого года',
    heading: (file) => `Сравнение с отчётом прошлого года: ${file}`,
    matched: (n, of) => `Таблиц прошлого года найдено в этом отчёте: ${n} из ${of}`,
    lastUnreadable: (file, why) => `Отчёт прошлого года ${file} не прочитан: ${why}; сравнение не выполнено`,
    nothingFound: 'Расхождений с отчётом прошлого года нет',
  },
  en: {
    description: "compare this year's report with last year's",
    heading: (file) => `Comparison with last year's report: ${file}`,
    matched: (n, of) => `Tables of last year found in this report: ${n} of ${of}`,
    lastUnreadable: (file, why) => `Last year's report ${file} could not be read: ${why}; nothing compared`,
    nothingFound: "No differences from last year's report",
  },
};
