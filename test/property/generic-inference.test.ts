// Generated tables of no known kind in the dictionary's words (src/core/generic/vocabulary.ts):
// libraries in groups with `Итого` subtotals and a `ВСЕГО` grand total (or a `Всего` row first
// and `в том числе:` parts), years in several spellings, a `+/-` column, a `%` share column. The table layer must read
// them exactly: nothing raised when consistent, every computed cell emptied filled back to its
// value, a single changed number reported on a cell of a relation it breaks.
import fc from 'fast-check';
import { checkWorkbook, planFill, type IssueData, type Workbook } from '../../src/core';
import { matches } from '../fixtures/generic/filled';
import { sheetFrom, workbook, type Raw } from '../helpers/grid';
import { runProperty } from './support';

const SHEET = 'Лист1';
const NOT_FLAGS = new Set(['number-as-text', 'dash-as-zero']);
const LIBRARIES = ['Центральная библиотека', 'Детская библиотека', 'Библиотека-филиал № 1', 'Библиотека-филиал № 2', 'Сельская библиотека', 'Модельная библиотека', 'Библиотека семейного чтения', 'Юношеская библиотека'];
const GROUPS = ['Городские библиотеки', 'Сельские библиотеки', 'Детские библиотеки'];
const FORMS = ['Выставки', 'Громкие чтения', 'Викторины', 'Мастер-классы', 'Экскурсии', 'Литературные вечера', 'Конкурсы', 'Акции'];
const FORM_GROUPS = ['Массовые мероприятия', 'Для детей', 'Для молодежи'];
// Quantities no known kind claims (users, loans or visits by library make a `library-network` table).
const QUANTITIES = ['Количество мероприятий', 'Число участников мероприятий', 'Количество выставок', 'Число подписчиков', 'Количество клубов'];
const SUBTOTAL = ['Итого', 'Итого по разделу', 'Итого по группе'];
const GRAND = ['ВСЕГО', 'Всего', 'Всего по ЦБС', 'Итого по району'];
const DELTA = ['+/-', '+,-', 'Динамика', 'Отклонение'];
const yearForms: Array<(y: number) => Raw> = [(y) => `${y} г.`, (y) => `${y}г.`, (y) => y, (y) => `${y} год`];

/** A generated table: its rows (A1 at the sheet's A1), its computed cells and relations (sets of [row, col]). */
interface Gen {
  rows: Raw[][];
  computed: Array<[number, number]>;
  relations: Array<Array<[number, number]>>;
  /** The share column, if any. */
  shareCol?: number;
  describe: string;
}

const layout = fc.record({
  nYears: fc.integer({ min: 2, max: 3 }),
  last: fc.integer({ min: 2015, max: 2024 }),
  yearForm: fc.integer({ min: 0, max: yearForms.length - 1 }),
  delta: fc.option(fc.constantFrom(...DELTA), { nil: undefined }),
  /** A share column: the newest year's value as a % of the grand total, one decimal. */
  share: fc.option(fc.constantFrom('%', 'Доля, %', 'Удельный вес, %'), { nil: undefined }),
  quantity: fc.constantFrom(...QUANTITIES),
  grouped: fc.boolean(),
  /** Row labels: libraries (the engine may claim them as `library-network`) or forms of events. */
  libraries: fc.boolean(),
  groups: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 }),
  subtotal: fc.constantFrom(...SUBTOTAL),
  grand: fc.constantFrom(...GRAND),
  partsMark: fc.constantFrom('в том числе:', 'в т.ч.:'),
  seed: fc.array(fc.integer({ min: 0, max: 9000 }), { minLength: 60, maxLength: 60 }),
});
type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function build(l: Layout): Gen {
  const years = Array.from({ length: l.nYears }, (_, i) => l.last - l.nYears + 1 + i);
  const nCols = l.nYears + (l.delta ? 1 : 0);
  const pctCol = nCols + 1;
  const rows: Raw[][] = [[`Таблица 3. ${l.quantity} по библиотекам`], [l.quantity, ...years.map(yearForms[l.yearForm]), ...(l.delta ? [l.delta] : []), ...(l.share ? [l.share] : [])]];
  const valued: number[] = [];
  const computed: Array<[number, number]> = [];
  const relations: Array<Array<[number, number]>> = [];
  let k = 0;
  const names = l.libraries ? LIBRARIES : FORMS;
  const values = (): number[] => years.map(() => l.seed[k++ % l.seed.length] + 10);
  /** Appends a row; a delta column holds newest − previous. */
  const push = (label: string, v: number[] | null, isComputed = false): number => {
    const r = rows.length;
    rows.push([label, ...(v ? [...v, ...(l.delta ? [v[v.length - 1] - v[v.length - 2]] : [])] : [])]);
    if (v && l.delta) {
      computed.push([r, nCols]);
      relations.push([[r, nCols], [r, l.nYears], [r, l.nYears - 1]]);
    }
    if (v) valued.push(r);
    if (v && isComputed) for (let c = 1; c <= l.nYears; c++) computed.push([r, c]);
    return r;
  };
  const sumRelation = (total: number, parts: number[]): void => {
    for (let c = 1; c <= l.nYears; c++) relations.push([[total, c], ...parts.map((p) => [p, c] as [number, number])]);
  };
  const add = (vs: number[][]): number[] => years.map((_, c) => vs.reduce((a, v) => a + v[c], 0));
  if (l.grouped) {
    const subRows: number[] = [];
    const subVals: number[][] = [];
    let lib = 0;
    l.groups.forEach((n, g) => {
      push((l.libraries ? GROUPS : FORM_GROUPS)[g], null);
      const parts = Array.from({ length: n }, () => values());
      const partRows = parts.map((v) => push(names[lib++ % names.length] + (lib > names.length ? ` ${lib}` : ''), v));
      const s = add(parts);
      const r = push(l.subtotal, s, true);
      sumRelation(r, partRows);
      subRows.push(r);
      subVals.push(s);
    });
    sumRelation(push(l.grand, add(subVals), true), subRows);
  } else {
    const n = l.groups[0] + 1;
    const parts = Array.from({ length: n }, () => values());
    const total = push(l.grand, add(parts), true);
    push(l.partsMark, null);
    sumRelation(total, parts.map((v, i) => push(names[i], v)));
  }
  if (l.share) addShares(rows, valued, l.nYears, pctCol, computed, relations);
  return { rows, computed, relations, shareCol: l.share ? pctCol : undefined, describe: rows.map((r) => r.map((x) => (typeof x === 'object' && x ? '' : String(x ?? ''))).join(' | ')).join('\n') };
}

/** Fills the share column: each row's newest value / the grand total's × 100, one decimal. */
function addShares(rows: Raw[][], valued: number[], newest: number, col: number, computed: Array<[number, number]>, relations: Array<Array<[number, number]>>): void {
  const grand = valued.find((r) => GRAND.includes(String(rows[r][0])))!;
  const base = rows[grand][newest] as number;
  for (const r of valued) {
    rows[r][col] = base ? Math.round(((rows[r][newest] as number) * 1000) / base) / 10 : 0;
    computed.push([r, col]);
    relations.push([[r, col], [r, newest], [grand, newest]]);
  }
}

/** A written value against the table's: exact, or at one decimal (a share unrounded in values mode is right). */
const same = (w: unknown, v: number, share: boolean): boolean => typeof w === 'number' && matches(w, v, share ? 'round' : 'eq', 1);

const wbOf = (rows: Raw[][]): Workbook => workbook(sheetFrom(SHEET, rows));
const a1 = (r: number, c: number): string => `${String.fromCharCode(65 + c)}${r + 1}`;
const flagsOf = (wb: Workbook): IssueData[] => checkWorkbook(wb).issues.filter((i) => i.severity !== 'info' && !NOT_FLAGS.has(i.rule));
const clone = (rows: Raw[][]): Raw[][] => rows.map((r) => [...r]);
const describeFlag = (i: IssueData): string => `${i.rule} ${i.cells.map((c) => c.address).join(',')}`;

describe('generated tables of no known kind', () => {
  test('a consistent table raises nothing', () => {
    runProperty(
      'consistent',
      fc.property(layout, (l) => {
        const g = build(l);
        const res = checkWorkbook(wbOf(g.rows));
        const flags = res.issues.filter((i) => i.severity !== 'info' && !NOT_FLAGS.has(i.rule)).map(describeFlag);
        if (flags.length) throw new Error(`flags ${flags.join('; ')} on\n${g.describe}`);
        // Read as one table with every relation it holds checked (libraries or a `+/-` column can
        // make a known kind claim it, `library-network` or `dynamics`, which build on this layer).
        const tables = res.tables.map((t) => `${t.kind}:${t.relations}`);
        const noKnownKind = !l.libraries && !l.delta;
        if (res.tables.length !== 1 || res.tables[0].relations < g.relations.length || (noKnownKind && res.tables[0].kind !== 'table')) throw new Error(`tables [${tables.join(' ')}], ${g.relations.length} relations, on\n${g.describe}`);
      }),
      50,
    );
  });

  test('every computed cell emptied is filled back to its value (values mode)', () => {
    runProperty(
      'fill',
      fc.property(layout, (l) => {
        const g = build(l);
        const rows = clone(g.rows);
        for (const [r, c] of g.computed) rows[r][c] = null;
        const plan = planFill(wbOf(rows), { mode: 'values' });
        const written = new Map(plan.writes.map((w) => [w.address, w.value]));
        const wrong = g.computed.filter(([r, c]) => !same(written.get(a1(r, c)), g.rows[r][c] as number, c === g.shareCol)).map(([r, c]) => `${a1(r, c)}=${String(g.rows[r][c])} got ${String(written.get(a1(r, c)))}`);
        if (wrong.length || written.size !== g.computed.length) throw new Error(`fill wrong: ${wrong.join(', ')}; ${written.size} writes for ${g.computed.length} cells, on\n${g.describe}`);
      }),
      50,
    );
  });

  test('a single changed computed or part cell is reported on a cell of a relation it breaks', () => {
    runProperty(
      'mutation',
      fc.property(layout, fc.nat(), fc.integer({ min: 1, max: 500 }), fc.boolean(), (l, pick, d, up) => {
        const g = build(l);
        const cells = [...new Map(g.relations.flat().map(([r, c]) => [a1(r, c), [r, c] as [number, number]])).values()];
        const [r, c] = cells[pick % cells.length];
        const rows = clone(g.rows);
        rows[r][c] = (rows[r][c] as number) + (up ? d : -d);
        const broken = new Set(g.relations.filter((rel) => rel.some(([x, y]) => x === r && y === c)).flat().map(([x, y]) => a1(x, y)));
        const flags = flagsOf(wbOf(rows));
        if (!flags.some((i) => i.cells.some((x) => broken.has(x.address)))) throw new Error(`${a1(r, c)} changed by ${up ? d : -d}: flags [${flags.map(describeFlag).join('; ')}] on\n${g.describe}`);
      }),
      50,
    );
  });
});
