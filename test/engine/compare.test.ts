// `compare` on a 2022 and a 2023 report of one system laid out differently (sheets renamed, tables moved, rows reordered).
import { analyze } from '../../src/core';
import { compareReports, type CompareResult } from '../../src/core/compare/compare';
import { tableFigures } from '../../src/core/compare/figures';
import { address } from '../../src/core/grid/grid';
import { hasValue } from '../../src/core/grid/numbers';
import { renderMessage } from '../../src/core/report/messages/render';
import { currentReport, lastReport, regionPair, type Built, type PairOptions, type PlacedName } from '../fixtures/compare-pairs';
import { workbookFromSpec } from '../helpers/xlsx';

const LAST = 'отчёт-2022.xlsx';

async function run(opts: PairOptions = {}): Promise<{ r: CompareResult; last: Built; cur: Built }> {
  const last = lastReport(opts);
  const cur = currentReport(opts);
  const r = compareReports(analyze(await workbookFromSpec(last.sheets)), analyze(await workbookFromSpec(cur.sheets)), { lastFile: LAST });
  return { r, last, cur };
}

/** `Sheet!A1` of a table's own cell (row, column in the table's coordinates), as placed in a report. */
function at(b: Built, name: PlacedName, r: number, c: number): string {
  const p = b.at[name]!;
  return `${p.sheet}!${p.p.addr(r, c)}`;
}

/** rule@this year's cell ← last year's cell: expected (last year's) / actual (this year's). */
function project(r: CompareResult, severity = 'error'): string[] {
  return r.issues
    .filter((i) => i.severity === severity)
    .map((i) => {
      const [here, ...rest] = i.cells;
      const other = rest.find((c) => c.file) ?? here;
      return `${i.rule}@${here.file ? '' : `${here.sheet}!${here.address}`}<-${other.file}:${other.sheet}!${other.address}=${i.expected}/${i.actual ?? ''}`;
    })
    .sort();
}

describe('compare: last year\'s report against this year\'s', () => {
  test('consistent reports laid out differently: every table paired, figures compared, nothing flagged', async () => {
    const { r } = await run();
    expect(r.issues).toEqual([]);
    expect(r.tables.length).toBe(14);
    expect(r.tables.every((t) => t.current !== undefined)).toBe(true);
    // 2021 and 2022 figures of 4.3, 4.5, 5.3.1, 5.3.2, 5.4, staff, network, plan, 5.1.1 2022, the local-history dynamics.
    expect(r.compared.figures).toBeGreaterThanOrEqual(90);
    expect(r.compared.carryOvers).toBeGreaterThanOrEqual(4);
  });

  test('an indicator shown with more decimals last year agrees at the decimals shown (10,55 and 10,6)', async () => {
    const { r } = await run({ last: { relative: [[4, 5, { v: 10.55, numFmt: '0.00' }]] } });
    expect(r.issues).toEqual([]);
  });

  test('planted disagreements are found on this year\'s cell, with last year\'s cell, file and value', async () => {
    const opts: PairOptions = {
      last: {
        receipts: [[3, 5, 3872]], // books 2022: 3 827 this year
        staffCategories: [[3, 7, 46]], // core staff 2021: 47
        composition2022: [[1, 1, 29931]], // social science 2022: 29 913
        relative: [[2, 2, 26.2]], // loans per user 2022: 26,1
        basic: [[1, 2, 491764]], // loans 2021 (the first row last year): 491 746
        localHistory: [[1, 2, 1550]], // users of the local-history fund 2022: 1 500
        grants: [[2, 2, 7]], // a table of no known kind, numbered 7 last year and 9 this year: applications 2022, 6
      },
    };
    const { r, last, cur } = await run(opts);
    const expected = [
      [cur, 'receipts', 3, 4, last, 'receipts', 3, 5, 3872, 3827],
      [cur, 'staffCategories', 3, 6, last, 'staffCategories', 3, 7, 46, 47],
      [cur, 'composition2022', 1, 1, last, 'composition2022', 1, 1, 29931, 29913],
      [cur, 'relative', 2, 1, last, 'relative', 2, 2, 26.2, 26.1],
      [cur, 'basic', 10, 1, last, 'basic', 1, 2, 491764, 491746],
      [cur, 'localHistory', 3, 1, last, 'localHistory', 1, 2, 1550, 1500],
      [cur, 'grants', 1, 1, last, 'grants', 2, 2, 7, 6],
    ] as const;
    expect(project(r)).toEqual(
      expected.map(([c, cn, cr, cc, l, ln, lr, lc, e, a]) => `previous-report-mismatch@${at(c, cn, cr, cc)}<-${LAST}:${at(l, ln, lr, lc)}=${e}/${a}`).sort(),
    );
    expect(r.issues.filter((i) => i.severity !== 'error')).toEqual([]);
    const receipts = r.issues.find((i) => i.table === 'fund-receipts#1')!;
    expect(renderMessage(receipts, { lang: 'ru' })).toMatch(/в отчёте прошлого года 3\s872/u);
    expect(renderMessage(receipts, { lang: 'en' })).toContain(`${LAST}: ${at(last, 'receipts', 3, 5)}`);
  });

  test('last year typed otherwise (label noise, figures as text, year forms, the fund movement transposed): as many figures compared, the planted ones found', async () => {
    const clean = await run();
    const noisy = await run({ lastNoise: true });
    expect(noisy.r.issues).toEqual([]);
    expect(noisy.r.compared).toEqual(clean.r.compared);
    const { r, last, cur } = await run({ lastNoise: true, last: { receipts: [[3, 5, 3872]], movement: [[4, 1, 212700]] } });
    expect(project(r)).toEqual(
      [
        `previous-report-mismatch@${at(cur, 'receipts', 3, 4)}<-${LAST}:${at(last, 'receipts', 3, 5)}=3872/3827`,
        `carry-over-mismatch@${at(cur, 'movement', 1, 1)}<-${LAST}:${at(last, 'movement', 4, 1)}=212700/212768`,
      ].sort(),
    );
  });

  test('a broken carry-over: this year\'s start of the fund differs from last year\'s end', async () => {
    const { r, last, cur } = await run({ last: { movement: [[4, 1, 212700], [4, 2, 206000]] } });
    expect(project(r)).toEqual(
      [
        `carry-over-mismatch@${at(cur, 'movement', 1, 1)}<-${LAST}:${at(last, 'movement', 4, 1)}=212700/212768`,
        `carry-over-mismatch@${at(cur, 'movement', 1, 2)}<-${LAST}:${at(last, 'movement', 4, 2)}=206000/206281`,
      ].sort(),
    );
  });

  test('a stock named at the start and the end of the year carries over (a table of no known kind, in its own words)', async () => {
    // The local-history fund's movement, one year per report: 2023 starts with 5 125 where 2022 ended with 5 120.
    const rows = (start: number, books: number, received: number, withdrawn: number, booksEnd: number): Array<[string, number]> => [
      ['Состоит на начало года', start],
      ['из них книги', books],
      ['Поступило за год', received],
      ['Выбыло за год', withdrawn],
      ['Состоит на конец года', start + received - withdrawn],
      ['из них книги', booksEnd],
    ];
    const { r, last, cur } = await run({ localFund: { last: rows(4990, 4650, 250, 120, 4800), current: rows(5125, 4800, 300, 100, 4950) } });
    expect(project(r)).toEqual([`carry-over-mismatch@${at(cur, 'localFund', 1, 1)}<-${LAST}:${at(last, 'localFund', 5, 1)}=5120/5125`]);
    // The fund's four columns of 5.3 and this one; nothing else flagged, no figure missing.
    expect(r.compared.carryOvers).toBeGreaterThanOrEqual(4 + 1);
    expect(r.issues).toHaveLength(1);
  });

  test('a table of last year with no counterpart, a row and a cell no longer given: info, nothing else', async () => {
    const { r, last, cur } = await run({ currentWithout: ['visitsPlan'], currentDrop: { basic: [13] }, current: { relative: [[4, 4, null]] } });
    expect(project(r)).toEqual([]);
    const info = r.issues.map((i) => `${i.messageId}@${i.cells.map((x) => `${x.file ?? ''}:${x.sheet}!${x.address}`).join(',')}`).sort();
    const vp = last.at.visitsPlan!;
    expect(info).toEqual(
      [
        `previous-report-mismatch/no-table@${LAST}:${vp.sheet}!${vp.p.addr(0, 0)}`,
        // Book exhibitions (the last row of 4.3) of 2021 and 2022.
        `previous-report-mismatch/missing@${LAST}:${at(last, 'basic', 14, 2)}`,
        `previous-report-mismatch/missing@${LAST}:${at(last, 'basic', 14, 3)}`,
        // Items per user 2022 left empty this year.
        `previous-report-mismatch/empty@:${at(cur, 'relative', 4, 4)},${LAST}:${at(last, 'relative', 4, 5)}`,
      ].sort(),
    );
    expect(r.issues.every((i) => i.severity === 'info')).toBe(true);
  });

  test('a district\'s workbook, one library per sheet, sheets renamed and reordered: each library compared with itself', async () => {
    const compare = async (pair: ReturnType<typeof regionPair>) =>
      compareReports(analyze(await workbookFromSpec(pair.last.sheets)), analyze(await workbookFromSpec(pair.cur.sheets)), { lastFile: LAST });
    const clean = await compare(regionPair());
    expect(clean.issues).toEqual([]);
    expect(clean.tables.map((t) => `${t.last.sheet}→${t.current}`)).toEqual([
      'Библиотека 1→fund-receipts#2',
      'Библиотека 1→staff-categories#2',
      'Библиотека 1→basic-indicators#2',
      'Библиотека 2→fund-receipts#3',
      'Библиотека 2→staff-categories#3',
      'Библиотека 2→basic-indicators#3',
      'Библиотека 3→fund-receipts#1',
      'Библиотека 3→staff-categories#1',
      'Библиотека 3→basic-indicators#1',
    ]);
    // Books received in 2022 by the second library: 383 (3 827 × 0,1) this year.
    const pair = regionPair({ library: 1, table: 'receipts', cell: [3, 5, 390] });
    const r = await compare(pair);
    expect(project(r)).toEqual([`previous-report-mismatch@${at(pair.cur, 'receipts', 3, 4)}<-${LAST}:${at(pair.last, 'receipts', 3, 5)}=390/383`]);
  });

  test('every fourth figure both reports give, changed in last year\'s report one at a time: each found with its cell, nothing else flagged', async () => {
    const lastSpec = lastReport().sheets;
    const cur = analyze(await workbookFromSpec(currentReport().sheets));
    const base = analyze(await workbookFromSpec(lastSpec));
    // What this year gives as a number: a kind, labels and year; and last year's end of year, carried over.
    const given = new Set(cur.tables.flatMap((t) => tableFigures(t, 2023).list.filter((f) => hasValue(f.cell.num)).map((f) => `${t.def.kind}|${f.id}|${f.year}`)));
    const targets = base.tables.flatMap((t) =>
      tableFigures(t, 2022)
        .list.filter((f) => typeof f.cell.num.value === 'number' && (given.has(`${t.def.kind}|${f.id}|${f.year}`) || (f.id.startsWith('stage=end') && f.year === 2022)))
        .map((f) => ({ sheet: t.sheet.name, row: f.cell.row, col: f.cell.col, at: `${t.sheet.name}!${address(t.sheet, f.cell.row, f.cell.col)}` })),
    );
    const missed: string[] = [];
    let other = 0;
    for (const tg of targets.filter((_, i) => i % 4 === 0)) {
      const last = await workbookFromSpec(lastSpec);
      const cell = last.sheets.find((x) => x.name === tg.sheet)!.rows[tg.row]![tg.col]!;
      cell.value = Number(cell.value) + 7;
      delete cell.text;
      const errors = compareReports(analyze(last), cur, { lastFile: LAST }).issues.filter((i) => i.severity === 'error');
      const hit = errors.filter((i) => i.cells.some((c) => c.file && `${c.sheet}!${c.address}` === tg.at));
      if (!hit.length) missed.push(tg.at);
      other += errors.length - hit.length;
    }
    expect(targets.length).toBeGreaterThanOrEqual(100);
    expect(missed).toEqual([]);
    expect(other).toBe(0);
  }, 120_000);
});
