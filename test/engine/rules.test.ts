// Rule by rule: small grids that must pass, and grids that must give exactly the listed issues.
import { checkWorkbook, type Sheet } from '../../src/core';
import { sheetFrom, type Raw } from '../helpers/grid';
import { ruleTester } from '../helpers/rule-tester';
import { FUND_WITHDRAWALS_REASONS } from '../fixtures/seed-001';

const RATES_HEAD: Raw[][] = [
  ['Численность работников, относящихся к основному персоналу, человек', 'из них работающих:'],
  [
    null,
    'на полную ставку',
    'на 0,75 ставки',
    'на 0,5 ставки',
    'на 0,25 ставки',
    'другие (перечислить)',
  ],
];
const rates = (row: Raw[]) => sheetFrom('Кадры', [...RATES_HEAD, row], ['A1:A2', 'B1:F1']);
const MOVEMENT_HEAD: Raw[] = [
  'Показатели (2023)',
  'Объем фонда',
  'Книг, брошюр',
  'Газет, журналов',
];
const movement = (rows: Raw[][]) => sheetFrom('Фонды', [MOVEMENT_HEAD, ...rows]);
const M_OK: Raw[][] = [
  ['Состояло на начало года', 1000, 700, 300],
  ['Поступило за год', 100, 60, 40],
  ['Выбыло за год', 50, 30, 20],
  ['Состоит на конец года', 1050, 730, 320],
];

ruleTester('sum-mismatch', {
  valid: [
    { name: 'exhaustive parts add up', sheet: rates([47, 38, 5, 3, 1, 0]) },
    { name: 'numbers as text add up', sheet: rates(['47', '38 ', '5', '3', '1', '-']) },
  ],
  invalid: [
    { name: 'total differs from its parts', sheet: rates([48, 38, 5, 3, 1, 0]), issues: ['A3=47'] },
  ],
});

ruleTester('missing-value', {
  valid: [{ name: 'complete table', sheet: rates([47, 38, 5, 3, 1, 0]) }],
  invalid: [
    { name: 'empty total can be filled', sheet: rates([null, 38, 5, 3, 1, 0]), issues: ['A3=47'] },
    {
      name: 'empty part: the total cannot be checked (a warning, per the contract)',
      sheet: rates([47, 38, 5, 3, 1, null]),
      issues: ['F3'],
    },
    {
      name: 'empty end of year can be filled',
      sheet: movement([...M_OK.slice(0, 3), ['Состоит на конец года', null, null, 320]]),
      issues: ['B5=1050', 'C5=730'],
    },
  ],
});

ruleTester('balance-mismatch', {
  valid: [{ name: 'balanced', sheet: movement(M_OK) }],
  invalid: [
    {
      name: 'end of year off by 10',
      sheet: movement([...M_OK.slice(0, 3), ['Состоит на конец года', 1050, 740, 320]]),
      issues: ['C5=730'],
    },
  ],
});

ruleTester('parts-exceed-total', {
  valid: [{ name: 'kinds below the total', sheet: movement(M_OK) }],
  invalid: [
    {
      name: 'kinds above the total',
      sheet: movement([
        ['Состояло на начало года', 900, 700, 300],
        ...M_OK.slice(1, 3),
        ['Состоит на конец года', 950, 730, 320],
      ]),
      issues: ['B2=1000', 'B5=1050'],
    },
  ],
});

ruleTester('number-as-text', {
  valid: [{ name: 'real numbers', sheet: rates([47, 38, 5, 3, 1, 0]) }],
  invalid: [
    {
      name: 'text numbers with spaces, period and trailing space',
      sheet: rates(['47', 38, '5 ', 3, 1, '0.0']),
      issues: ['A3=47', 'C3=5', 'F3=0'],
    },
  ],
});

ruleTester('not-a-number', {
  valid: [{ name: 'a dash is zero, not junk', sheet: rates([47, 38, 5, 3, 1, '—']) }],
  invalid: [
    {
      name: 'arithmetic in a cell',
      sheet: rates(['178817 (+44311)=223128', 38, 5, 3, 1, 0]),
      issues: ['A3'],
    },
    {
      name: 'an error value',
      sheet: rates([47, { value: null, error: '#DIV/0!' }, 5, 3, 1, 0]),
      issues: ['B3'],
    },
  ],
});

ruleTester('negative-value', {
  valid: [{ name: 'non-negative counts', sheet: rates([47, 38, 5, 3, 1, 0]) }],
  invalid: [{ name: 'a negative count', sheet: rates([47, 38, 5, 3, 2, -1]), issues: ['F3'] }],
});

ruleTester('non-integer-count', {
  valid: [{ name: 'whole people', sheet: rates([47, 38, 5, 3, 1, 0]) }],
  invalid: [
    { name: 'half a person', sheet: rates([47, 37.5, 5.5, 3, 1, 0]), issues: ['B3', 'C3'] },
  ],
});

/** Staff by education: 25 with higher education, `librarians` of them librarians. */
const education = (librarians: number): Sheet =>
  sheetFrom(
    'Кадры',
    [
      [
        'Численность работников, относящихся к основному персоналу, человек',
        'из них имеют образование:',
      ],
      [null, 'высшее', null, 'среднее профессиональное'],
      [null, 'всего', 'из них библиотечное', 'всего', 'из них библиотечное'],
      [47, 25, librarians, 21, 12],
    ],
    ['A1:A3', 'B1:E1', 'B2:C2', 'D2:E2'],
  );

ruleTester('subset-exceeds', {
  valid: [
    {
      name: 'librarian education within its total',
      sheet: education(18),
    },
  ],
  invalid: [
    {
      name: 'more librarians than graduates',
      sheet: education(26),
      issues: ['C4=25'],
    },
  ],
});

const plan = (row: Raw[]) =>
  sheetFrom(
    'План',
    [
      ['Выполнение плана по посещениям'],
      [],
      ['2022 г.', null, null, '2023 г.'],
      ['План', 'Выполнение', '+/-', 'План', 'Выполнение', '+/-'],
      row,
    ],
    ['A3:C3', 'D3:F3'],
  );
test('a plan-and-achievement table that does not speak of visits is not the visits plan', () => {
  const other = sheetFrom(
    'План',
    [
      ['Выполнение плана мероприятий'],
      [],
      ['2022 г.', null, null, '2023 г.'],
      ['План', 'Выполнение', '+/-', 'План', 'Выполнение', '+/-'],
      [100, 120, 20, 130, 125, 5],
    ],
    ['A3:C3', 'D3:F3'],
  );
  const r = checkWorkbook({ sheets: [other] });
  // A table of no known kind: its `+/-` read from its own labels, in both year blocks.
  expect(r.tables.map((t) => [t.kind, t.relations])).toEqual([['table', 2]]);
  expect(r.issues.map((i) => [i.rule, i.cells[0].address, i.expected])).toEqual([
    ['delta-mismatch', 'F5', -5],
  ]);
});

// 4.4 with years as columns: «Посещения» in its corner cell, or as a title line above it.
const planByRows = (delta: Raw, where: 'corner' | 'title') => {
  const rows: Raw[][] = [
    ['План', 100, 130],
    ['Выполнение', 120, 125],
    ['+/-', 20, delta],
  ];
  return where === 'corner'
    ? sheetFrom('План', [['Посещения', '2022 г.', '2023 г.'], ...rows])
    : sheetFrom('План', [['Посещения'], [], [null, '2022 г.', '2023 г.'], ...rows]);
};
test('a visits plan whose word «Посещения» stands only in its corner cell is the visits plan, as with that word above it', () => {
  for (const where of ['corner', 'title'] as const)
    expect(checkWorkbook({ sheets: [planByRows(-5, where)] }).tables.map((t) => t.kind)).toEqual([
      'visits-plan',
    ]);
});

ruleTester('delta-mismatch', {
  valid: [{ name: 'plan and achievement', sheet: plan([100, 120, 20, 130, 125, -5]) }],
  invalid: [
    { name: 'wrong sign', sheet: plan([100, 120, 20, 130, 125, 5]), issues: ['F5=-5'] },
    {
      name: 'wrong sign, «Посещения» in the corner cell',
      sheet: planByRows(5, 'corner'),
      issues: ['C4=-5'],
    },
    {
      name: 'wrong sign, «Посещения» in a title line',
      sheet: planByRows(5, 'title'),
      issues: ['C6=-5'],
    },
  ],
});

test('a visits plan not met has a negative +/-, which is no negative count', () => {
  for (const sheet of [plan([100, 120, 20, 130, 125, -5]), planByRows(-5, 'corner')])
    expect(checkWorkbook({ sheets: [sheet] }).issues.filter((i) => i.severity !== 'info')).toEqual(
      [],
    );
});

const shares = (pct: Raw[]) =>
  sheetFrom('Состав', [
    ['2023'],
    [],
    [null, 'Кол-во', '%'],
    ['Соц.-экон. литература', 29638, pct[0]],
    ['Техническая литература', 7203, pct[1]],
    ['Художественная литература', 83402, pct[2]],
    ['Детская литература', 47384, pct[3]],
    ['Всего', 167627, 100],
  ]);
ruleTester('ratio-mismatch', {
  valid: [
    {
      name: 'shares rounded',
      sheet: shares([{ value: 17.68, numberFormat: '0.00' }, 4.3, 49.75, 28.27]),
    },
    { name: 'shares truncated', sheet: shares([17.6, 4.2, 49.7, 28.2]) },
  ],
  invalid: [
    {
      name: 'one share wrong',
      sheet: shares([{ value: 17.78, numberFormat: '0.00' }, 4.3, 49.75, 28.27]),
      issues: ['C4=17.68'],
    },
  ],
});

const crit = (n: number) => `${n}) Критерий ${n} (1 балл)`;
const grid: Raw[][] = [
  [
    '№№',
    'Наименование библиотеки',
    crit(1),
    crit(2),
    crit(3),
    crit(4),
    crit(5),
    'Сумма баллов по каждой библиотеке',
  ],
  ['1.', 'Центральная библиотека', 1, 1, 0, 1, 1, 4],
  ['2.', 'Библиотека-филиал № 1', 1, 0, 0, 1, 0, 2],
  ['Всего:', null, 2, 1, 0, 2, 1, 6],
];
const network = (total: number): Raw[][] => [
  ['Количество библиотек (сетевые единицы), всего', 'из них имеющие статус по уставу:'],
  [null, 'центральная', 'филиал'],
  [total, 1, 1],
];
ruleTester('cross-table-mismatch', {
  valid: [
    {
      name: 'the network counts the libraries of the grid',
      sheet: sheetFrom('Сеть', [...network(2), [], ...grid], ['A1:A2', 'B1:C1', 'A8:B8']),
    },
  ],
  invalid: [
    {
      name: 'the network says 3 libraries, the grid lists 2',
      sheet: sheetFrom('Сеть', [...network(3), [], ...grid], ['A1:A2', 'B1:C1', 'A8:B8']),
      issues: ['A3=2'],
    },
  ],
});

// Two fund movement tables on one sheet: a table repeated with a slip, or two libraries' tables.
const twoMovements = (second: Raw[][], first: Raw[][] = M_OK) =>
  sheetFrom('Фонды', [
    MOVEMENT_HEAD,
    ...first,
    [],
    ['Библиотека-филиал № 2'],
    [],
    MOVEMENT_HEAD,
    ...second,
  ]);
const idle = (fund: number): Raw[][] => [
  ['Состояло на начало года', fund, fund, 0],
  ['Поступило за год', 0, 0, 0],
  ['Выбыло за год', 0, 0, 0],
  ['Состоит на конец года', fund, fund, 0],
];
const OTHER_LIBRARY: Raw[][] = [
  ['Состояло на начало года', 4210, 3900, 310],
  ['Поступило за год', 215, 180, 35],
  ['Выбыло за год', 120, 100, 20],
  ['Состоит на конец года', 4305, 3980, 325],
];
ruleTester('cross-table-mismatch', {
  valid: [
    {
      name: "another library's table of the same kind is no copy of the first",
      sheet: twoMovements(OTHER_LIBRARY),
    },
    {
      name: 'two libraries that received and withdrew nothing: their zeros agree, their funds do not',
      sheet: twoMovements(idle(4210), idle(1000)),
    },
  ],
  invalid: [
    {
      name: 'a repeated table with one slip: 66 books received where the first copy says 60',
      sheet: twoMovements(M_OK.map((r, i) => (i === 1 ? [r[0], 106, 66, 40] : r))),
      issues: ['B11=100', 'C11=60'],
    },
  ],
});

// One library system after another: each fund movement table and the withdrawals table beside it.
const WITHDRAWALS_HEAD: Raw[][] = [
  ['Причины исключения документов', 'Количество экземпляров', null, null],
  [null, '2021 г.', '2022 г.', '2023 г.'],
];
/** A withdrawals table with every reason but decay at zero; `all` lists the seed's six reasons, else three. */
const withdrawals = (byDecay: number, all = false): Raw[][] => [
  ...WITHDRAWALS_HEAD,
  ...(all
    ? FUND_WITHDRAWALS_REASONS
    : ['Утеряны читателями', 'По ветхости', 'Устаревшие по содержанию']
  ).map((reason): Raw[] =>
    reason === 'По ветхости' ? [reason, byDecay + 7, byDecay + 9, byDecay] : [reason, 0, 0, 0],
  ),
];
/** A system's movement and withdrawals tables; its withdrawn total is 50 (M_OK) or 120 (OTHER_LIBRARY). */
const system = (movement: Raw[][], decay: number): Raw[][] => [
  [MOVEMENT_HEAD[0] as string],
  [],
  MOVEMENT_HEAD,
  ...movement,
  [],
  ...withdrawals(decay),
];
const systemMerges = (top: number) => [`A${top + 8}:A${top + 9}`, `B${top + 8}:D${top + 8}`];
ruleTester('cross-table-mismatch', {
  valid: [
    {
      name: "two systems on one sheet: each movement table agrees with its own withdrawals, not the other's",
      sheet: sheetFrom(
        'Сводный',
        [...system(M_OK, 50), [], ['Бакчарская ЦБС'], [], ...system(OTHER_LIBRARY, 120)],
        [...systemMerges(0), ...systemMerges(16)],
      ),
    },
  ],
  invalid: [
    {
      name: "the second system's withdrawals add up to 110 where its movement says 120",
      sheet: sheetFrom(
        'Сводный',
        [...system(M_OK, 50), [], ['Бакчарская ЦБС'], [], ...system(OTHER_LIBRARY, 110)],
        [...systemMerges(0), ...systemMerges(16)],
      ),
      issues: ['B22=110'],
    },
  ],
});

test("a movement table under its own withdrawals is compared with them, not with the next system's, whose top is nearer", () => {
  // Withdrawals A rows 1-8, movement A 10-14; two empty rows; withdrawals B 17-24, movement B 26-30.
  const rows: Raw[][] = [
    ...withdrawals(50, true),
    [],
    MOVEMENT_HEAD,
    ...M_OK,
    [],
    [],
    ...withdrawals(120, true),
    [],
    MOVEMENT_HEAD,
    ...OTHER_LIBRARY,
  ];
  const r = checkWorkbook({
    sheets: [sheetFrom('Сводный', rows, ['A1:A2', 'B1:D1', 'A17:A18', 'B17:D17'])],
  });
  expect(r.tables.map((t) => `${t.kind} ${t.range}`)).toEqual([
    'fund-withdrawals A1:D8',
    'fund-movement A10:D14',
    'fund-withdrawals A17:D24',
    'fund-movement A26:D30',
  ]);
  expect(r.issues.filter((i) => i.rule === 'cross-table-mismatch')).toEqual([]);
});

test('a system per sheet: each movement table is compared with the withdrawals of its own sheet', () => {
  const sheets = [
    sheetFrom('Асиновская ЦБС', system(M_OK, 50), systemMerges(0)),
    sheetFrom('Бакчарская ЦБС', system(OTHER_LIBRARY, 120), systemMerges(0)),
  ];
  const r = checkWorkbook({ sheets });
  expect(r.tables.map((t) => t.kind)).toEqual([
    'fund-movement',
    'fund-withdrawals',
    'fund-movement',
    'fund-withdrawals',
  ]);
  expect(r.issues.filter((i) => i.rule === 'cross-table-mismatch')).toEqual([]);
});

const composition = (totalPct: Raw) =>
  sheetFrom('Состав', [
    ['2021'],
    [],
    [null, 'Кол-во', '%'],
    ['Соц.-экон. литература', 30451, 14.1],
    ['Ест.- научная литература', 11586, 5.4],
    ['Техническая литература', 7427, 3.5],
    ['Сельхоз. литература', 6786, 3.2],
    ['Литература по искусству', 9167, 4.3],
    ['Литературоведение', 17442, 8.1],
    ['Худож. литература', 84520, 39.3],
    ['Детская литература', 47855, 22.2],
    ['Всего', 215234, totalPct],
  ]);
ruleTester('ratio-mismatch', {
  valid: [
    { name: 'the Всего share written as 100', sheet: composition(100) },
    {
      name: 'the Всего share written as the sum of the rounded parts, 100,1',
      sheet: composition(100.1),
    },
  ],
  invalid: [{ name: 'the Всего share far from 100', sheet: composition(101) }].map((c) => ({
    ...c,
    issues: ['C12=100'],
  })),
});

// Libraries one after another on a sheet per system: which table of another sheet one of them goes
// with is a guess, and a system's total of its branches goes with no branch's table.
const headOf = (year: number): Raw[] => [`Показатели (${year})`, ...MOVEMENT_HEAD.slice(1)];
const libraries = (year: number, ...tables: Raw[][][]): Raw[][] =>
  tables.flatMap((t, i) => [[`Библиотека-филиал № ${i + 1}`], headOf(year), ...t, []]);

test("a 2024 library's movement is not compared with the 2023 tables of another system's sheet", () => {
  const sheets = [
    sheetFrom('Фонд 1', libraries(2024, M_OK, OTHER_LIBRARY)),
    sheetFrom('Фонд 2', libraries(2023, idle(700), idle(900))),
  ];
  const r = checkWorkbook({ sheets });
  expect(r.tables.map((t) => `${t.sheet} ${t.kind}`)).toEqual([
    'Фонд 1 fund-movement',
    'Фонд 1 fund-movement',
    'Фонд 2 fund-movement',
    'Фонд 2 fund-movement',
  ]);
  expect(r.issues.filter((i) => i.rule === 'cross-table-mismatch')).toEqual([]);
});

test("one system's movement of 2024 is still compared with its movement of 2023 on another sheet", () => {
  const sheets = [
    sheetFrom('Фонды 2024', [headOf(2024), ...M_OK]),
    sheetFrom('Фонды 2023', [headOf(2023), ...idle(900)]),
  ];
  const r = checkWorkbook({ sheets });
  const found = r.issues
    .filter((i) => i.rule === 'cross-table-mismatch')
    .map((i) => i.cells.map((c) => `${c.sheet}!${c.address}`).join(' '));
  expect(found).toEqual([
    'Фонды 2024!B2 Фонды 2023!B5',
    'Фонды 2024!C2 Фонды 2023!C5',
    'Фонды 2024!D2 Фонды 2023!D5',
  ]);
});

test("a system's total of its branches' movement is not compared with the last branch's withdrawals", () => {
  // Branch A: movement rows 2-6, withdrawals 8-15; branch B: 18-22, 24-31; the total's movement 34-38.
  const branch = (m: Raw[][], decay: number): Raw[][] => [
    headOf(2023),
    ...m,
    [],
    ...withdrawals(decay, true),
    [],
  ];
  const sum = (col: string, row: number, v: number): Raw => ({
    value: v,
    formula: `${col}${row}+${col}${row + 16}`,
  });
  const total: Raw[][] = M_OK.map((r, i) => [
    r[0],
    ...[1, 2, 3].map((c) =>
      sum('BCD'[c - 1], 3 + i, (r[c] as number) + (OTHER_LIBRARY[i][c] as number)),
    ),
  ]);
  const rows: Raw[][] = [
    ['Библиотека-филиал № 1'],
    ...branch(M_OK, 50),
    ['Библиотека-филиал № 2'],
    ...branch(OTHER_LIBRARY, 120),
    ['Итого по ЦБС'],
    headOf(2023),
    ...total,
  ];
  const r = checkWorkbook({
    sheets: [sheetFrom('Фонды', rows, ['A8:A9', 'B8:D8', 'A24:A25', 'B24:D24'])],
  });
  expect(r.tables.map((t) => `${t.kind} ${t.range}`)).toEqual([
    'fund-movement A2:D6',
    'fund-withdrawals A8:D15',
    'fund-movement A18:D22',
    'fund-withdrawals A24:D31',
    'fund-movement A34:D38',
  ]);
  expect(r.issues.filter((i) => i.rule === 'cross-table-mismatch')).toEqual([]);
});

test("two systems side by side on a sheet: a movement table is compared with the withdrawals of its own column, not the other's beside it", () => {
  // System A in columns A–D: movement rows 1–5, withdrawals 7–14. System B in G–J: withdrawals 1–8, movement 10–14.
  const a: Raw[][] = [MOVEMENT_HEAD, ...M_OK, [], ...withdrawals(50, true)];
  const b: Raw[][] = [...withdrawals(120, true), [], MOVEMENT_HEAD, ...OTHER_LIBRARY];
  const pad = (row: Raw[] = []): Raw[] => [...row, null, null, null, null].slice(0, 4);
  const rows = Array.from({ length: 14 }, (_, i): Raw[] => [
    ...pad(a[i]),
    null,
    null,
    ...(b[i] ?? []),
  ]);
  const r = checkWorkbook({
    sheets: [sheetFrom('Свод', rows, ['A7:A8', 'B7:D7', 'G1:G2', 'H1:J1'])],
  });
  expect(r.tables.map((t) => `${t.kind} ${t.range}`)).toEqual([
    'fund-movement A1:D5',
    'fund-withdrawals G1:J8',
    'fund-withdrawals A7:D14',
    'fund-movement G10:J14',
  ]);
  expect(r.issues.filter((i) => i.rule === 'cross-table-mismatch')).toEqual([]);
});

// `26,0` pasted from Word is the number 26 in a general format: among figures that show one
// decimal it is read at one decimal too (517 395 / 20 006 = 25,86 is 25,9, not 26,0).
const reading = (users2023: number): Sheet =>
  sheetFrom('Показатели', [
    ['Показатель', '2021 г.', '2022 г.', '2023 г.'],
    ['Число пользователей', 20000, 20100, users2023],
    ['Книговыдача', 538000, 524610, 517395],
    ['Читаемость', 26.9, 26.1, 26],
  ]);
ruleTester('ratio-mismatch', {
  valid: [
    {
      name: 'a whole indicator among one-decimal ones that is right at one decimal',
      sheet: reading(19900),
    },
  ],
  invalid: [
    {
      name: 'a whole indicator among one-decimal ones, wrong at one decimal',
      sheet: reading(20006),
      issues: ['D4=25.9'],
    },
  ],
});

// `из них:` marked on its first part only: the rows that add up to the whole exactly somewhere are its parts.
const visits = (y2023: number[]) =>
  sheetFrom('Посещения', [
    ['Посещения, тыс.', '2021 г.', '2022 г.', '2023 г.'],
    ['Посещений всего', 120.5, 131, 140.2],
    ['из них: массовых мероприятий', 30.5, 35, y2023[0]],
    ['клубов по интересам', 10, 12, y2023[1]],
    ['удалённых', 80, 84, y2023[2]],
  ]);
ruleTester('parts-exceed-total', {
  valid: [
    { name: '`из них:` parts that stay within their whole', sheet: visits([41, 14, 80]) },
    {
      name: 'overlapping `из них:` parts that never add up to their whole',
      sheet: sheetFrom('Пользователи', [
        ['Пользователи', '2022 г.', '2023 г.'],
        ['Число пользователей, всего', 5000, 5200],
        ['из них: детей', 2000, 2100],
        ['молодёжи', 1500, 1600],
        ['пенсионеров', 1800, 1900],
      ]),
    },
  ],
  invalid: [
    {
      name: '`из них:` parts above their whole in one year',
      sheet: visits([41, 14, 90]),
      issues: ['D2=145'],
    },
  ],
});

// A growth row naming its quantity, the years across: each year's figure over the year before's × 100.
const growthRow = (y2023: number) =>
  sheetFrom('Динамика', [
    ['Показатель', '2021 г.', '2022 г.', '2023 г.'],
    ['Число посещений', 182400, 188950, 195210],
    ['Книговыдача', 468200, 455870, 461020],
    ['Темп роста посещений, %', '-', 103.6, y2023],
  ]);
ruleTester('ratio-mismatch', {
  valid: [{ name: 'a growth row that is right in both years', sheet: growthRow(103.3) }],
  invalid: [{ name: 'a growth row wrong in 2023', sheet: growthRow(105.3), issues: ['D4=103.3'] }],
});

// A share block by year (`Удельный вес, % > 2022`) beside the counts by year, the total row first.
const sharesByYear = (youth2022: number) =>
  sheetFrom(
    'Пользователи',
    [
      ['Группы пользователей', 'Число пользователей, чел.', null, 'Удельный вес, %', null],
      [null, 2022, 2023, 2022, 2023],
      ['Всего пользователей', 12410, 12615, 100, 100],
      ['в том числе:'],
      ['   дети до 14 лет', 5120, 5230, 41.3, 41.5],
      ['   молодёжь 15-30 лет', 2310, 2280, youth2022, 18.1],
      ['   взрослые старше 30 лет', 4980, 5105, 40.1, 40.5],
      ['      из них: пенсионеры', 1830, 1912, 14.7, 15.2],
    ],
    ['A1:A2', 'B1:C1', 'D1:E1'],
  );
ruleTester('ratio-mismatch', {
  valid: [{ name: 'shares by year of the total row above', sheet: sharesByYear(18.6) }],
  invalid: [{ name: 'a 2022 share taken of the 2023 total', sheet: sharesByYear(18.3), issues: ['D6=18.6'] }],
});

ruleTester('parts-exceed-total', {
  valid: [],
  invalid: [
    {
      name: 'an `из них` row indented under the last part is of that part, and reads as one part',
      sheet: sheetFrom('Пользователи', [
        ['Группы пользователей', 2022, 2023],
        ['Всего пользователей', 12410, 12615],
        ['в том числе:'],
        ['   дети до 14 лет', 5120, 5230],
        ['   молодёжь 15-30 лет', 2310, 2280],
        ['   взрослые старше 30 лет', 4980, 5105],
        ['      из них: пенсионеры', 8130, 1912],
      ]),
      issues: ['B6=8130'],
    },
  ],
});

// One total typed wrong: its sum says so; its `+/-`, right of the sum, is not reported again.
const usersWithDelta = (total2023: number, delta: number) =>
  sheetFrom('Пользователи', [
    ['Группы пользователей', 2022, 2023, '+/-'],
    ['Всего пользователей', 12410, total2023, delta],
    ['в том числе:'],
    ['   дети до 14 лет', 5120, 5230, 110],
    ['   молодёжь 15-30 лет', 2310, 2280, -30],
    ['   взрослые старше 30 лет', 4980, 5105, 125],
  ]);
ruleTester('delta-mismatch', {
  valid: [{ name: 'a +/- that holds of the wrong total’s sum is explained by the total', sheet: usersWithDelta(12165, 205) }],
  invalid: [{ name: 'a +/- wrong whatever the total', sheet: usersWithDelta(12615, 206), issues: ['D2=205'] }],
});
test('the wrong total itself is still reported, with its sum', () => {
  const r = checkWorkbook({ sheets: [usersWithDelta(12165, 205)] });
  expect(r.issues.filter((i) => i.severity !== 'info').map((i) => `${i.rule}@${i.cells[0].address}=${i.expected}`)).toEqual(['sum-mismatch@C2=12615']);
});
