// Decimals shown, from the number format (the CLI) or the displayed text (the add-in): a value is
// compared at what the user sees. `0.0#` shows 26,9 for 26.9 and 26,88 for 26.88.
import fc from 'fast-check';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook, ReportSchema, type Cell } from '../../src/core';
import { formatIsPercent, generalDecimals, shownByFormat } from '../../src/core/grid/number-format';
import { readNum } from '../../src/core/grid/numbers';
import { runCheck } from '../../src/cli/main';
import type { CellSpec } from '../fixtures/xlsx-builder';
import { writeXlsx } from '../fixtures/xlsx-builder';
import { cleanTables, FUND_IND_ROW, REL_CELL } from '../fixtures/scenarios-indicators';
import { setCells } from '../fixtures/variants';
import { runProperty, sheetOfItems } from '../property/support';

const dec = (fmt: string | undefined, v: number) => shownByFormat(fmt, v).decimals;

describe('decimals a format shows', () => {
  test.each<[string, number, number | undefined]>([
    ['0.0#', 26.9, 1],
    ['0.0#', 26.88, 2],
    ['0.0#', 26.885, 2],
    ['0.0#', 26.9049, 1],
    ['0.0#', 26, 1],
    ['#,##0.##', 1234.5, 1],
    ['#,##0.##', 1234, 0],
    ['#,##0.##', 1234.567, 2],
    ['0.00', 26.9, 2],
    ['0.00', 26, 2],
    ['0', 26.9, 0],
    ['#,##0', 2195067, 0],
    ['#,##0.00', 1.5, 2],
    ['0.0??', 26.9, 1],
    ['0.0%', 0.141, 1],
    ['0%', 0.14, 0],
    ['0.0#%', 0.269, 1],
    ['0.0#%', 0.2688, 2],
    ['0.0" %"', 14.1, 1],
    ['0.00\\ "шт."', 3, 2],
    ['[Red]0.0;[Blue]-0.00', 5, 1],
    ['[Red]0.0;[Blue]-0.00', -5, 2],
    ['0.0;-0.0;"-"', 0, 0],
    ['0.0;-0.00;0', 0, 0],
    ['[$-419]0.0', 26.9, 1],
    ['[Цвет10]0.00', 3, 2],
    ['_-* #,##0.00 _₽_-;\\-* #,##0.00 _₽_-;_-* "-"?? _₽_-;_-@_-', 1234.5, 2],
    ['_-* #,##0.00 _₽_-;\\-* #,##0.00 _₽_-;_-* "-"?? _₽_-;_-@_-', 0, 0],
    ['[>=100]0;0.0', 150.5, 0],
    ['[>=100]0;0.0', 50.5, 1],
    ['[>=100]0;[<0]-0.00;0.0', -1, 2],
    ['[>=100]0;[<0]-0.00;0.0', 5.5, 1],
    ['0.0,', 26900, 1],
    ['0.0E+00', 26.88, 0],
    ['0.00E+00', 0.000123, 6],
    ['# ?/?', 26.875, 0],
    ['# ??/??', 0.5, 0],
    ['dd.mm.yyyy', 45292, undefined],
    ['[$-F800]dddd, mmmm dd, yyyy', 45292, undefined],
    ['h:mm', 0.5, undefined],
    ['[h]:mm', 1.5, undefined],
    [';;;', 5, undefined],
    ['General', 26.9, 1],
    ['Основной', 26.9, 1],
    // eslint-disable-next-line no-loss-of-precision -- the digits as a report stores them
    ['Standard', 26.883720930232558, 8],
    ['General" чел."', 12.5, 1],
    ['@', 26.9, 1],
    ['0.0;@', 26.9, 1],
  ])('%s with %p → %p', (fmt, v, d) => {
    expect(dec(fmt, v)).toBe(d);
  });

  test('percent: `%` outside quotes, escapes and brackets, in the first section', () => {
    expect(['0%', '0.0%', '0.00%;-0.00%', '#,##0.0%', '[Red]0.0%'].map(formatIsPercent)).toEqual([true, true, true, true, true]);
    expect(['0.0" %"', '0.0\\%', '0.0"%"', '0.0', 'General', '@', '0.0_%', '0.0*%'].map(formatIsPercent)).toEqual([false, false, false, false, false, false, false, false]);
    expect(shownByFormat('0.0%', 0.141)).toEqual({ decimals: 1, percent: true });
  });

  test("General: as many decimals as the value has, up to what fits in Excel's 11 characters", () => {
    // eslint-disable-next-line no-loss-of-precision -- the digits as a report stores them
    expect([26.9, 26.88, 0.5, 1 / 3, -1 / 3, 2 / 3, 26.883720930232558, 123456.789, 1234567890.5, 12345678901.5, 0.1 + 0.2, 1e-7].map(generalDecimals)).toEqual([1, 2, 1, 9, 8, 9, 8, 3, 0, 0, 1, 7]);
  });
});

describe('decimals of a number cell: the displayed text when it shows this value, else the format', () => {
  test.each<[Cell, number]>([
    [{ value: 26.9, numberFormat: '0.0#' }, 1],
    [{ value: 26.88, numberFormat: '0.0#' }, 2],
    // The add-in gives the text Excel shows.
    [{ value: 26.9, numberFormat: '0.0#', text: '26,9' }, 1],
    [{ value: 26.88372, text: '26,88' }, 2],
    [{ value: 0.141, numberFormat: '0.0%', text: '14,1%' }, 1],
    // Text that is not this value as shown: the format decides (an English host's `1,234`, `###`, scaling).
    [{ value: 1234, numberFormat: '#,##0', text: '1,234' }, 0],
    [{ value: 26.88, numberFormat: '0.0#', text: '###' }, 2],
    [{ value: 26900, numberFormat: '0.0,', text: '26,9' }, 1],
    [{ value: 26.9 }, 1],
  ])('%j → %p', (cell, d) => {
    expect(readNum(cell).decimals).toBe(d);
  });
});

/** A value with up to four decimals: a whole number over a power of ten, so the decimals are exact. */
const fraction = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, k]) => ({ n, k, v: n / 10 ** k }));

/** Decimals of n / 10^k rounded half-up to `places`, trailing zeros dropped down to `min`: integer arithmetic. */
function oracle(n: number, k: number, min: number, places: number): number {
  let m = n;
  let p = k;
  if (k > places) {
    const f = 10 ** (k - places);
    m = Math.floor(n / f) + (n % f >= f / 2 ? 1 : 0);
    p = places;
  }
  while (p > min && m % 10 === 0) {
    m /= 10;
    p--;
  }
  return Math.max(min, p);
}

test('optional digits: `0.` + required zeros + optional #/? show the value rounded, trailing zeros dropped', () => {
  runProperty(
    'format-optional-decimals',
    fc.property(fraction, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('#', '?'), ({ n, k, v }, req, opt, ch) => {
      const fmt = req + opt === 0 ? '0' : `0.${'0'.repeat(req)}${ch.repeat(opt)}`;
      return dec(fmt, v) === oracle(n, k, req, req + opt);
    }),
    2000,
  );
});

/** Decorations that change nothing of a positive number's decimals. */
const decorate = fc.record({
  colour: fc.constantFrom('', '[Red]', '[Color10]', '[Цвет10]', '[Синий]'),
  locale: fc.constantFrom('', '[$-419]', '[$-ru-RU]', '[$₽-419]'),
  before: fc.constantFrom('', '"шт. "', '\\ ', '_(', '* ', '"0.000%;"'),
  after: fc.constantFrom('', ' "чел."', '\\ ', '_)', '"%"', '\\%', ' "0.0"', '"[Red]"'),
  negative: fc.constantFrom('', ';-0.000', ';[Red]\\-0.0000;"-"', ';(0.0000);0;@'),
});

test('colours, locale tags, literals, escapes, padding and other sections leave a positive value’s decimals and percent alone', () => {
  runProperty(
    'format-decorations',
    fc.property(fraction, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), decorate, ({ v }, req, opt, pct, d) => {
      if (v === 0) return true;
      const core = `${req + opt === 0 ? '0' : `0.${'0'.repeat(req)}${'#'.repeat(opt)}`}${pct ? '%' : ''}`;
      const fmt = `${d.colour}${d.locale}${d.before}${core}${d.after}${d.negative}`;
      return dec(fmt, v) === dec(core, v) && formatIsPercent(fmt) === pct && shownByFormat(fmt, v).percent === pct;
    }),
    2000,
  );
});

test("General's decimals fit in 11 characters and show the value: no trailing zero, rounded right", () => {
  runProperty(
    'general-decimals',
    fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
      const d = generalDecimals(v);
      // Tiny values show as 1,23457E-05: their decimals are those of the mantissa's places, at most 30.
      if (Math.abs(v) < 1e-4) return Number.isInteger(d) && d >= 0 && d <= 30;
      const text = v.toFixed(d);
      // The last place shown is needed: dropping it changes the value shown.
      return text.length <= 11 && (d === 0 || Number(text) !== Number(v.toFixed(d - 1)));
    }),
    2000,
  );
});

test('any format code: never throws, decimals whole and not negative, or undefined', () => {
  const code = fc.stringMatching(/^[0#?.,%;"\\_*@ EeyYmMdDhHsS/[\]$<>=\-+Red419Generalя ]{0,20}$/);
  runProperty(
    'format-any-code',
    fc.property(fc.oneof(code, fc.string({ maxLength: 20 })), fc.double({ noNaN: true, noDefaultInfinity: true }), (fmt, v) => {
      const d = dec(fmt, v);
      return d === undefined || (Number.isInteger(d) && d >= 0 && d <= 30);
    }),
    3000,
  );
});

// ---------------------------------------------------------------------------------------------
// The ratio comparison at what the user sees (issue 20: `… ≈ 26,88, в таблице 26,90` was a false alarm)

/** 4.3, 4.5 and 5.4 on one sheet, Читаемость 2021 (491 746 / 18 295 = 26,8787) written as `shown`. */
function indicatorsSheet(shown: CellSpec) {
  const t = cleanTables();
  const rel = setCells(t.relative, [[...REL_CELL.reading(0), shown]]);
  const fund = setCells(t.fundIndicators, [[FUND_IND_ROW.reading, 1, shown]]);
  return sheetOfItems('Показатели', [
    { at: [0, 0], block: t.basic.block },
    { at: [20, 0], block: rel.block },
    { at: [30, 0], block: fund.block },
  ]);
}

const ratioIssues = (cell: CellSpec) =>
  checkWorkbook({ sheets: [indicatorsSheet(cell)] })
    .issues.filter((i) => i.rule === 'ratio-mismatch')
    .map((i) => `${i.cells[0].address}=${i.expected}`);

describe('ratio-mismatch compares at the decimals shown', () => {
  test('Читаемость 26,9 under `0.0#` (26,8787 shown with one decimal): no issue, in 4.5 and 5.4', () => {
    const sheet = indicatorsSheet({ v: 26.9, numFmt: '0.0#' });
    const r = checkWorkbook({ sheets: [sheet] });
    expect(r.tables.map((t) => t.kind)).toEqual(['basic-indicators', 'relative-indicators', 'fund-indicators']);
    expect(r.issues.filter((i) => i.rule === 'ratio-mismatch')).toEqual([]);
  });

  test('a wrong value under the same format is still found, at the decimals it shows', () => {
    expect(ratioIssues({ v: 27.9, numFmt: '0.0#' })).toEqual(['A23=26.9', 'B34=26.9']);
    expect(ratioIssues({ v: 26.86, numFmt: '0.0#' })).toEqual(['A23=26.88', 'B34=26.88']);
    // 26,87 is 26,8787 truncated at the two decimals it shows: the contract accepts it.
    expect(ratioIssues({ v: 26.87, numFmt: '0.0#' })).toEqual([]);
  });

  test("the add-in's displayed text decides: `26,9` shown is compared at one decimal, whatever the format says", () => {
    const withText = (v: number, text: string, fmt: string) => {
      const sheet = indicatorsSheet({ v, numFmt: fmt });
      for (const [r, c] of [[22, 0], [33, 1]]) sheet.rows[r]![c] = { ...sheet.rows[r]![c]!, text };
      return checkWorkbook({ sheets: [sheet] }).issues.filter((i) => i.rule === 'ratio-mismatch').map((i) => `${i.cells[0].address}=${i.expected}`);
    };
    expect(withText(26.9, '26,9', '0.0#')).toEqual([]);
    expect(withText(27.9, '27,9', '0.0#')).toEqual(['A23=26.9', 'B34=26.9']);
  });

  test('through the CLI (the format code read from the file): no false alarm, the wrong value found', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'report-check-fmt-'));
    try {
      const t = cleanTables();
      const file = async (name: string, v: number) => {
        const rel = setCells(t.relative, [[...REL_CELL.reading(0), { v, numFmt: '0.0#' }]]);
        await writeXlsx(path.join(dir, name), [{ name: 'Показатели', items: [{ at: [0, 0], block: t.basic.block }, { at: [20, 0], block: rel.block }] }]);
        return path.join(dir, name);
      };
      let out = '';
      await runCheck([await file('right.xlsx', 26.9), await file('wrong.xlsx', 27.9)], { format: 'json', lang: 'ru', jobs: 1 }, (s) => (out += s));
      const [right, wrong] = ReportSchema.parse(JSON.parse(out)).files;
      expect(right.tables.map((x) => x.kind)).toEqual(['basic-indicators', 'relative-indicators']);
      expect(right.issues.filter((i) => i.rule === 'ratio-mismatch')).toEqual([]);
      const found = wrong.issues.filter((i) => i.rule === 'ratio-mismatch');
      expect(found.map((i) => [i.cells[0].address, i.expected])).toEqual([['A23', 26.9]]);
      expect(found[0].message).toContain('≈ 26,9, в таблице 27,9');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
