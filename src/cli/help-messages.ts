// The words of `report-check --help` and of commander's own notices, Russian first: commander
// writes them in English, so each is given here and put in through its configureHelp /
// helpOption / helpCommand / configureOutput hooks (help-language.ts).
import type { Lang } from '../core';

export type HelpCatalogue = {
  program: string;
  check: string;
  fill: string;
  /** Commander's section titles, by the English title it asks for. */
  titles: Record<string, string>;
  /** The words of a usage line, by commander's English word. */
  usageWords: Record<string, string>;
  /** The display names of the commands' arguments. */
  args: { fileOrFolder: string; inXlsx: string; lastYear: string; thisYear: string };
  /** The display names of the options' values. */
  values: {
    format: string;
    lang: string;
    score: string;
    n: string;
    out: string;
    mode: string;
    summary: string;
    file: string;
  };
  help: string;
  helpCommand: string;
  helpCommandArg: string;
  choices: string;
  default: string;
  /** How a boolean default is shown. */
  yesNo: (v: boolean) => string;
  format: string;
  lang: string;
  threshold: string;
  jobs: string;
  /** merge's --jobs. */
  mergeJobs: string;
  out: string;
  mode: string;
  overwrite: string;
  withoutObjects: string;
  mergeOut: string;
  template: string;
  /** Commander's error messages, by their English pattern, each applied in turn; `$1`… are its groups. */
  errors: Array<[RegExp, string]>;
};

export const HELP_TEXT: Record<Lang, HelpCatalogue> = {
  ru: {
    program: 'Проверка отчёта: проверка и заполнение таблиц годового отчёта библиотек (.xlsx)',
    check: 'проверить книги и папки с книгами',
    fill: 'заполнить вычисляемые ячейки и записать копию книги',
    titles: {
      'Usage:': 'Использование:',
      'Options:': 'Параметры:',
      'Commands:': 'Команды:',
      'Arguments:': 'Аргументы:',
      'Global Options:': 'Общие параметры:',
    },
    usageWords: { '[options]': '[параметры]', '[command]': '[команда]' },
    args: {
      fileOrFolder: '<файл-или-папка...>',
      inXlsx: '<книга.xlsx>',
      lastYear: '<прошлый-год.xlsx>',
      thisYear: '<этот-год.xlsx>',
    },
    values: {
      format: '<вид>',
      lang: '<язык>',
      score: '<баллы>',
      n: '<число>',
      out: '<копия.xlsx>',
      mode: '<чем>',
      summary: '<свод.xlsx>',
      file: '<книга>',
    },
    help: 'показать справку по команде',
    helpCommand: 'показать справку по команде',
    helpCommandArg: '[команда]',
    choices: 'варианты',
    default: 'по умолчанию',
    yesNo: (v) => (v ? 'да' : 'нет'),
    format: 'вид отчёта: text (текст) или json',
    lang: 'язык отчёта и справки (--lang en: по-английски)',
    threshold: 'порог Модельного стандарта, баллов',
    jobs: 'сколько книг проверять одновременно (потоков)',
    mergeJobs: 'во сколько потоков читать сводимые книги',
    out: 'куда записать заполненную копию',
    mode: 'чем заполнять: formulas (формулами) или values (значениями)',
    overwrite: 'перезаписывать непустые ячейки и формулы с неверным значением',
    withoutObjects:
      'записать копию, даже если в ней не сохранятся диаграммы, фигуры, макросы и т. п.',
    mergeOut: 'куда записать свод',
    template: 'книга-образец свода (по умолчанию первая)',
    errors: [
      [/^error: unknown option '([^']*)'/, 'ошибка: неизвестный параметр «$1»'],
      [/^error: unknown command '([^']*)'/, 'ошибка: неизвестная команда «$1»'],
      [/^error: missing required argument '([^']*)'/, 'ошибка: не указан аргумент «$1»'],
      [
        /^error: required option '(.*)' not specified/,
        'ошибка: не указан обязательный параметр «$1»',
      ],
      [/^error: option '(.*)' argument missing/, 'ошибка: у параметра «$1» нет значения'],
      [
        /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./,
        'ошибка: значение «$2» параметра «$1» не подходит; возможны: $3',
      ],
      [
        /^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./,
        'ошибка: лишние аргументы команды «$1»: ожидается $2, указано $3',
      ],
      [
        /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
        'ошибка: лишние аргументы: ожидается $1, указано $2',
      ],
      [/\(Did you mean one of (.*)\?\)/, '(Может быть, одно из: $1?)'],
      [/\(Did you mean (.*)\?\)/, '(Может быть, $1?)'],
    ],
  },
  en: {
    program:
      "Report Checker: checks and fills the tables of libraries' annual-report workbooks (.xlsx)",
    check: 'check workbooks and folders of workbooks',
    fill: 'fill the computed cells and write a copy of the workbook',
    titles: {},
    usageWords: {},
    args: {
      fileOrFolder: '<file-or-folder...>',
      inXlsx: '<in.xlsx>',
      lastYear: '<last-year.xlsx>',
      thisYear: '<this-year.xlsx>',
    },
    values: {
      format: '<format>',
      lang: '<lang>',
      score: '<score>',
      n: '<n>',
      out: '<out.xlsx>',
      mode: '<mode>',
      summary: '<summary.xlsx>',
      file: '<file>',
    },
    help: 'display help for command',
    helpCommand: 'display help for command',
    helpCommandArg: '[command]',
    choices: 'choices',
    default: 'default',
    yesNo: (v) => String(v),
    format: 'report format: text or json',
    lang: 'language of the report and of this help (--lang ru: in Russian)',
    threshold: 'Model Standard threshold score',
    jobs: 'how many workbooks to check at once (worker threads)',
    mergeJobs: 'how many threads read the workbooks merged',
    out: 'where to write the filled copy',
    mode: 'fill with formulas or values',
    overwrite: 'overwrite filled cells and formulas that hold a wrong value',
    withoutObjects: 'write the copy even if it loses charts, shapes, macros and the like',
    mergeOut: 'where to write the summary',
    template: 'the workbook whose layout the summary takes (the first by default)',
    errors: [],
  },
};
