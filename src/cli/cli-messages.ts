// The CLI's own words (read failures, headings), Russian first.
import type { Lang } from '../core';
import type { Lost, LostKind } from './objects-lost';
import type { ReadFailure } from './read-errors';

type Catalogue = {
  failure: Record<ReadFailure, string>;
  file: string;
  tables: string;
  noTables: string;
  /** How many relations a table had checked; none: nothing checkable. */
  relations: (n: number) => string;
  counts: (e: number, w: number, i: number) => string;
  severity: Record<'error' | 'warning' | 'info', string>;
  /** The line standing for a table's further notes of one rule (see text-report.ts). */
  more: (n: number, cells: string) => string;
  cannotRead: string;
  sameOut: string;
  outNotXlsx: string;
  /** `fill` on a workbook only the fast reader reads (prefixed parts, as the Open XML SDK writes them). */
  cannotRewrite: string;
  /** What a filled copy would not keep (objects-lost.ts), one phrase per kind. */
  lostKinds: Record<LostKind, string>;
  /** `fill` refused: the list of what would be lost. */
  objectsLost: (list: string) => string;
  /** `fill --without-objects`: what the copy was written without. */
  writtenWithout: (list: string) => string;
  wrote: (n: number, out: string) => string;
  nothingToFill: string;
  filesSummary: (files: number, failed: number, errors: number) => string;
  /** Spreadsheets in the folders that are no .xlsx, not checked (files.ts). */
  skipped: (files: string[]) => string;
  internal: string;
  cannotWrite: string;
  /** The status line while one workbook is checked (a terminal only). */
  checking: string;
  writeFailure: Record<'no-dir' | 'denied' | 'is-directory' | 'no-space' | 'other', string>;
};

/** `ячейка` agreeing with a count: 1 ячейка, 3 ячейки, 5 ячеек, 21 ячейка. */
function ruCells(n: number): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return 'ячейка';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'ячейки';
  return 'ячеек';
}

/** What a filled copy would lose, in the catalogue's words: `диаграммы: 1, макросы (VBA)` (macros are not counted). */
export function lostText(lang: Lang, lost: readonly Lost[]): string {
  return lost.map((l) => (l.kind === 'macros' ? CLI_TEXT[lang].lostKinds[l.kind] : `${CLI_TEXT[lang].lostKinds[l.kind]}: ${l.count}`)).join(', ');
}

/** The first few of a list of files, then an ellipsis. */
function listed(files: string[]): string {
  return files.slice(0, 5).join(', ') + (files.length > 5 ? ', …' : '');
}

export const CLI_TEXT: Record<Lang, Catalogue> = {
  ru: {
    failure: {
      'not-found': 'файл не найден',
      unreadable: 'файл не удалось прочитать (нет доступа)',
      'not-xlsx': 'это не книга Excel .xlsx (файл не является zip-архивом)',
      encrypted: 'книга зашифрована паролем или сохранена в старом формате .xls; сохраните её как .xlsx без пароля',
      xls: 'старый формат .xls; сохраните книгу как .xlsx',
      corrupt: 'файл .xlsx повреждён или обрезан',
      'is-directory': 'это папка, а не файл',
      'too-large': 'файл слишком велик',
      'not-a-file': 'это не обычный файл (канал, устройство или сокет)',
      'empty-file': 'файл пуст (0 байт)',
      'not-workbook': 'это zip-архив, но не книга Excel (возможно, .docx, .ods или другой архив)',
      internal: 'внутренняя ошибка программы при проверке файла',
    },
    file: 'Файл',
    tables: 'Найдено таблиц',
    noTables: 'Таблицы отчёта не найдены',
    relations: (n) => (n ? `проверено связей: ${n}` : 'проверять нечего'),
    counts: (e, w, i) => `Ошибок: ${e}, предупреждений: ${w}, сведений: ${i}`,
    severity: { error: 'Ошибка', warning: 'Предупреждение', info: 'Сведения' },
    more: (n, cells) => `…и ещё ${n} ${ruCells(n)} с тем же замечанием: ${cells} (все — в --format json)`,
    cannotRead: 'Не удалось прочитать',
    sameOut: 'Выходной файл совпадает с входным: укажите другой путь в --out',
    outNotXlsx: 'Копия записывается как книга .xlsx: дайте файлу в --out расширение .xlsx',
    cannotRewrite: 'книгу можно проверить, но не заполнить: она записана программой, чей формат не удаётся переписать без потерь (например, Open XML SDK). Откройте её в Excel, сохраните и повторите',
    lostKinds: {
      charts: 'диаграммы',
      shapes: 'фигуры и надписи',
      sparklines: 'спарклайны',
      validations: 'проверки данных по спискам с других листов',
      pivots: 'сводные таблицы',
      macros: 'макросы (VBA)',
      slicers: 'срезы и временные шкалы',
      links: 'связи с другими книгами',
      connections: 'подключения к внешним данным',
      controls: 'элементы управления',
      threads: 'цепочки примечаний',
    },
    objectsLost: (list) =>
      `в книге есть то, чего заполненная копия не сохранит: ${list}. Заполните книгу в Excel из панели «Проверка отчёта» (там ничего не теряется) или повторите команду с --without-objects, чтобы записать копию без этого`,
    writtenWithout: (list) => `Копия записана без: ${list}`,
    wrote: (n, out) => `Заполнено ячеек: ${n}. Записано в ${out}`,
    nothingToFill: 'Заполнять нечего: все вычисляемые ячейки уже заполнены',
    filesSummary: (f, failed, e) => `Проверено файлов: ${f}, не прочитано: ${failed}, файлов с ошибками: ${e}`,
    skipped: (files) => `Не проверены (в папках, но не .xlsx): ${files.length} — ${listed(files)}. Чтобы проверить такую книгу, сохраните её как .xlsx`,
    internal: 'внутренняя ошибка программы',
    cannotWrite: 'Не удалось записать',
    checking: 'Проверяется',
    writeFailure: {
      'no-dir': 'папка для выходного файла не существует',
      denied: 'нет прав на запись',
      'is-directory': 'по этому пути находится папка',
      'no-space': 'на диске нет места',
      other: 'ошибка записи',
    },
  },
  en: {
    failure: {
      'not-found': 'file not found',
      unreadable: 'the file could not be read (permission denied)',
      'not-xlsx': 'not an Excel .xlsx workbook (the file is not a zip archive)',
      encrypted: 'the workbook is password-protected or in the old .xls format; save it as .xlsx without a password',
      xls: 'old .xls format; save the workbook as .xlsx',
      corrupt: 'the .xlsx file is damaged or truncated',
      'is-directory': 'this is a folder, not a file',
      'too-large': 'the file is too large',
      'not-a-file': 'not a regular file (a pipe, device or socket)',
      'empty-file': 'the file is empty (0 bytes)',
      'not-workbook': 'a zip archive but not an Excel workbook (perhaps .docx, .ods or another archive)',
      internal: 'internal error while checking the file',
    },
    file: 'File',
    tables: 'Tables found',
    noTables: 'No report tables found',
    relations: (n) => (n ? `relations checked: ${n}` : 'nothing to check'),
    counts: (e, w, i) => `Errors: ${e}, warnings: ${w}, info: ${i}`,
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    more: (n, cells) => `…and ${n} more ${n === 1 ? 'cell' : 'cells'} with the same note: ${cells} (all of them in --format json)`,
    cannotRead: 'Could not read',
    sameOut: 'The output file is the input file: give another path in --out',
    outNotXlsx: 'The copy is written as an .xlsx workbook: give the file in --out the extension .xlsx',
    cannotRewrite: 'the workbook can be checked but not filled: it was written by a program whose format cannot be rewritten without loss (the Open XML SDK, for one). Open it in Excel, save it and try again',
    lostKinds: {
      charts: 'charts',
      shapes: 'shapes and text boxes',
      sparklines: 'sparklines',
      validations: 'data validations reading other sheets',
      pivots: 'pivot tables',
      macros: 'macros (VBA)',
      slicers: 'slicers and timelines',
      links: 'links to other workbooks',
      connections: 'connections to external data',
      controls: 'form controls',
      threads: 'comment threads',
    },
    objectsLost: (list) =>
      `the workbook holds what a filled copy would not keep: ${list}. Fill it in Excel from the Report Checker pane (nothing is lost there), or run again with --without-objects to write the copy without them`,
    writtenWithout: (list) => `The copy was written without: ${list}`,
    wrote: (n, out) => `Cells filled: ${n}. Written to ${out}`,
    nothingToFill: 'Nothing to fill: every computed cell is already filled',
    filesSummary: (f, failed, e) => `Files checked: ${f}, unreadable: ${failed}, files with errors: ${e}`,
    skipped: (files) => `Not checked (in the folders, but not .xlsx): ${files.length} — ${listed(files)}. To check such a workbook, save it as .xlsx`,
    internal: 'internal error',
    cannotWrite: 'Could not write',
    checking: 'Checking',
    writeFailure: {
      'no-dir': 'the output folder does not exist',
      denied: 'permission denied',
      'is-directory': 'a folder is in the way',
      'no-space': 'no space left on the disk',
      other: 'write error',
    },
  },
};
