// The words of every region, as data: what a label says about a row or column of any table.
// Patterns match a label key (labels.ts `labelKey`: lower case, ё→е, punctuation to spaces, `%`
// and `±` kept). Adding a word here never needs code.

/** Concepts an indicator is computed from, and the words each is written in. */
export const CONCEPTS = {
  users: [/^(общее )?число (зарегистрированных )?(читателей|пользователей)/, /^(читатели|пользователи)( |$)/, /^количество (читателей|пользователей)/],
  loans: [/^(книговыдача|документовыдача)/, /^выдача (документов|книг)/, /^выдано (просмотрено )?документов/, /^(число|количество) выданных документов/],
  visits: [/^(число |количество )?посещений/, /^посещения( |$)/],
  fund: [/^(объем |совокупный )?(фонд|фонда)( |$)/, /^(объем )?(книжного|библиотечного|документного) фонда/, /^(книжный|библиотечный|документный) фонд( |$)/, /^фонд( |$)/],
  population: [/^(население|численность населения|число жителей|количество жителей)/],
} as const satisfies Record<string, readonly RegExp[]>;

export type Concept = keyof typeof CONCEPTS;

/** An indicator a table computes from its own rows: `target = num / den × factor`. */
export interface IndicatorWords {
  id: string;
  words: RegExp[];
  /** `received`: the stock's `Поступило`; a fund is also its `на конец` when no item says `Фонд`. */
  num: Concept | 'received';
  den: Concept;
  factor: number;
}

/**
 * `X на 1 Y`, `в среднем на одного Y`, `X на 1000 Y`: an amount per unit; group 1 the amount's
 * words, group 2 the units counted (none: one), group 3 the unit.
 */
export const PER_UNIT = /^(.*?) ?на (?:1|одного|одну|одно|(10|100|1000|10 000)) ([а-яё]+)/;

/** The unit of `на 1 Y` as a concept, when no item speaks of it in the same word (`на 1 читателя` beside `Число пользователей`). */
export const UNIT_CONCEPTS: ReadonlyArray<[Concept, RegExp]> = [
  ['users', /^(читател|пользовател|абонент)/],
  ['population', /^(жител|человек)/],
];

export const INDICATORS: readonly IndicatorWords[] = [
  { id: 'reading', words: [/^читаемость/], num: 'loans', den: 'users', factor: 1 },
  { id: 'attendance', words: [/^посещаемость/], num: 'visits', den: 'users', factor: 1 },
  { id: 'circulation', words: [/^обращаемость/], num: 'loans', den: 'fund', factor: 1 },
  { id: 'provision-resident', words: [/^(книго|документо)обеспеч[а-я ]*(на 1|на одного) жител/], num: 'fund', den: 'population', factor: 1 },
  { id: 'provision', words: [/^(книго|документо) ?обеспеченность/], num: 'fund', den: 'users', factor: 1 },
  { id: 'renewal', words: [/^обновляемость/, /^коэффициент обновления/], num: 'received', den: 'fund', factor: 100 },
  { id: 'coverage', words: [/^% охвата/, /^охват населения/, /^процент охвата/], num: 'users', den: 'population', factor: 100 },
];

/** A total row or column: `Всего`, `Итого`, `ВСЕГО`, `Всего по району`, `Итого по разделу`. */
export const TOTAL = /^(всего|итого|итог)( |$)/;
/** A total that sums subtotals (`ВСЕГО` in capitals is read from the raw text, see `isGrandTotal`). */
export const GRAND = /^(всего|итого) (по (району|округу|области|цбс|системе|мбу|учреждению|библиотекам)|в целом)/;

/** Parts that make up their total (`в том числе`) and parts that do not have to (`из них`). */
export const EXHAUSTIVE_MARK = /^(в том числе|в т ч|втч|в т ч )( |$)/;
export const PARTIAL_MARK = /^(из них|из общего числа|из общего количества)( |$)/;

/** A change between years: `+/-`, `+,-`, `Отклонение`, `Динамика`, `Изменение`, `Прирост`, `к 2022 г.`. */
export const DELTA = [/^±/, /^(отклонение|динамика|изменение|разница|прирост|рост снижение)( |$)/, /^к (19|20)\d\d( |$)/, /^[+] ?[-–]$/];
/** A share: `%`, `доля`, `удельный вес`, `% от общего числа`, `в %`. */
export const PERCENT = [/^%/, /^(доля|удельный вес|в %|процент)( |$)/, /( |^)%$/];
/** A growth in percent of the older year (`темп роста`, `% к 2022`). */
export const GROWTH = [/^(темп (роста|прироста)|% к (19|20)\d\d|в % к)/, /(^| )(в )?% к (19|20)\d\d/];

/** Values of these rows or columns are never summed nor checked as counts. */
export const NOT_SUMMED = {
  year: [/^год( |$)/, /год (подключения|открытия|создания|постройки|издания)/],
  code: [/^№/, /^(n|no) ?п ?п/, /^п ?п( |$)/, /^(код|инн|кпп|огрн|телефон|тел|индекс)( |$)/, /^номер( |$)/],
  // `среднее профессиональное` is an education, `численность` and `стоимость` are amounts: only
  // the per-unit words (`читаемость`, `обеспеченность`, `укомплектованность`) are averages.
  average: [
    /^средн(?!(ее|им|его|ем) (профессиональн|специальн|общ|полн|образован))/,
    /( |^)на (1|одного|одну|100|1000) /,
    /^в среднем/,
    /(аемость|ченность|ованность|щенность)( |$)/,
  ],
  // A running total (`Число пользователей (нарастающим итогом)`): its year is its last period's, no sum.
  running: [/нарастающ(им|ий) итог/, /с начала года/],
};

/** Start, in, out and end of a stock (a fund, a collection, staff): `end = start + in − out`. */
export const BALANCE = {
  start: [/^(состояло|состоит|состояние|числилось|было|остаток|фонд) на (начало|01 01|1 января)/, /^на начало (года|периода)/],
  in: [/^(поступило|поступления|поступление|принято|получено|приход|новые поступления)( |$)/],
  out: [/^(выбыло|выбытие|списано|исключено|расход)( |$)/],
  end: [/^(состоит|состояло|числится|остаток|фонд) на (конец|31 12|1 января след)/, /^на конец (года|периода)/],
};

export function matchesAny(key: string, patterns: readonly RegExp[]): boolean {
  for (const p of patterns) if (p.test(key)) return true;
  return false;
}

/**
 * Parts that make up their whole whatever their mark says (`из них: женщин, мужчин`; age bands up
 * to `старше 55`; a list closed by `прочие` or `и иные источники`): each set's words must all appear.
 */
export const WHOLE_SETS: readonly (readonly RegExp[])[] = [
  [/(^| )женщин|(^| )женск/, /(^| )мужчин|(^| )мужск/],
  [/(^| )до \d+/, /(более|старше|свыше) \d+|\d+ (лет )?и (старше|более)/],
  [/(^| )(прочие|иные|другие|остальные)( |$)/],
];
