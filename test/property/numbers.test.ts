// The number parser: Russian-formatted numbers parse back to themselves; text that is not one number never does.
import fc from 'fast-check';
import { parseNumberText, parseYearText, readNum } from '../../src/core/grid/numbers';
import { formatNumber, styleFor, type NumberStyle } from '../../src/core/report/messages/format';
import { runProperty } from './support';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A number written the Russian way, with the value it stands for. */
const russianNumber = fc
  .record({
    int: digits(1, 15).map((s) => s.replace(/^0+(?=\d)/, '')),
    frac: fc.option(digits(1, 4), { nil: undefined }),
    sign: fc.constantFrom('', '+', '-', '\u2212'),
    signSpace: fc.boolean(),
    sep: fc.constantFrom('', ' ', '\u00a0'),
    dec: fc.constantFrom(',', '.'),
    pad: fc.constantFrom('', ' ', '\u00a0', '  '),
  })
  .map(({ int, frac, sign, signSpace, sep, dec, pad }) => {
    const text = pad + (sign ? sign + (signSpace ? ' ' : '') : '') + group(int, sep) + (frac !== undefined ? dec + frac : '') + pad;
    const magnitude = Number(frac !== undefined ? `${int}.${frac}` : int);
    const value = sign === '-' || sign === '\u2212' ? -magnitude : magnitude;
    return { text, value: value === 0 ? 0 : value, decimals: frac?.length ?? 0 };
  });

test('a Russian-formatted number parses back to itself (parseNumberText and readNum)', () => {
  runProperty(
    'russian-number-roundtrip',
    fc.property(russianNumber, ({ text, value, decimals }) => {
      const p = parseNumberText(text);
      expect(p).toEqual({ value, decimals, percent: false });
      const n = readNum({ value: text });
      expect(n.kind).toBe('text-number');
      expect(n.value).toBe(value);
      expect(n.decimals).toBe(decimals);
    }),
    2000,
  );
});

test('a real number cell reads as itself', () => {
  runProperty(
    'number-cell-reads-as-itself',
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (v) => {
      const n = readNum({ value: v });
      expect(n.kind).toBe('number');
      expect(n.value).toBe(v);
    }),
    1000,
  );
});

const plainNumber = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), digits(1, 3), fc.constantFrom(',', '.')).map(([i, f, d]) => `${i}${d}${f}`),
);

/** Separators between two numbers that cannot be read as one number. */
const twoNumberSeparators = [' ; ', ';', ' / ', '/', ' и ', ' (', ') (', '=', ' + ', '+', ' * ', 'x', ' - ', ' – ', ', ', '\n(', '\n=', '; ', ' ('];

const notOneNumber = fc.oneof(
  // two numbers joined by a separator
  fc.tuple(plainNumber, fc.constantFrom(...twoNumberSeparators), plainNumber).map(([a, s, b]) => a + s + b),
  // a number and a word or unit
  fc.tuple(plainNumber, fc.constantFrom(' экз.', 'экз', ' чел.', ' руб', 'abc', ' тыс.', 'e5', 'E3', 'x', ' г.', 'k'), fc.boolean()).map(([n, w, before]) => (before ? w.trim() + ' ' + n : n + w)),
  // arithmetic as the seeds write it
  fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('\n', ' ', ''), fc.constantFrom('', ' сайт')).map(([a, b, br, note]) => `${a}${br}(+${b}${note})${br}=${a + b}`),
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('+', '*', '/', '^'), fc.integer({ min: 1, max: 9999 })).map(([a, op, b]) => `${a}${op}${b}`),
  // formats and words that JavaScript's Number() would accept
  fc.constantFrom('Infinity', '-Infinity', 'NaN', '0x1F', '0b101', '0o17', '1e5', '1E-3', '.5', '5.', ',5', '5,', '1,2,3', '1.234,5', '1 2', '12 34', '1 2345', '1234 567', '--5', '+-5', '- -5', '++1', '5-', '5+', 'пять', 'нет данных', '#DIV/0!', '#REF!', 'TRUE'),
  // letters only, or letters with digits inside
  fc.string({ unit: fc.constantFrom(...'абвгдежзийклмнопрстуфхцчшщъыьэюяABCxyz'), minLength: 1, maxLength: 8 }),
  fc.tuple(digits(1, 4), fc.constantFrom(...'абвxyzЁ'), digits(1, 4)).map(([a, l, b]) => a + l + b),
);

test('text that is not one number never parses as one', () => {
  runProperty(
    'not-one-number-rejected',
    fc.property(notOneNumber, (text) => {
      expect(parseNumberText(text)).toBeUndefined();
      expect(readNum({ value: text }).kind).toBe('not-number');
    }),
    2000,
  );
});

// BUG (wrong result, for the lead): parseNumberText folds every whitespace run, line breaks and tabs
// included, into the thousands separator, so two numbers on two lines of one cell (`60\n200`, as
// pasted from Word) read as the single number 60200 instead of `not-a-number`. Only a space or
// U+00A0 (and U+202F) between digit groups is a thousands separator. Skipped until the parser is fixed.
test('two numbers separated by a line break or a tab are not one number', () => {
  runProperty(
    'line-break-between-numbers-rejected',
    fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('\n', '\r\n', '\t', ' \n'), fc.integer({ min: 0, max: 999 }), (a, sep, b) => {
      const text = `${a}${sep}${String(b).padStart(3, '0')}`;
      expect(parseNumberText(text)).toBeUndefined();
    }),
    300,
  );
});

test('regression: "60\\n200" is not one number', () => {
  expect(parseNumberText('60\n200')).toBeUndefined();
  expect(readNum({ value: '60\t200' }).kind).toBe('not-number');
});

/** parseYearText by its plain definition: spaces of every kind collapsed, trimmed, matched whole. */
function yearByDefinition(text: string): number | undefined {
  const m = /^((?:19|20)\d\d)\s*(?:г\.?|год|гг\.?)?\s*\.?$/i.exec(text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim());
  return m ? Number(m[1]) : undefined;
}

test('a year text is read by its definition, whatever spaces pad it (the quick rejects change nothing)', () => {
  const space = fc.constantFrom(' ', '\u00a0', '\t', '\n', '\u1680', '\u2003', '\u202f', '\u3000', '\ufeff');
  const pad = fc.array(space, { maxLength: 30 }).map((a) => a.join(''));
  const year = fc.oneof(fc.integer({ min: 1900, max: 2099 }).map(String), digits(1, 6));
  const suffix = fc.constantFrom('', ' г.', 'г.', ' г', ' год', ' гг.', '.', ' Г.', ' года', 'x', ' 2023');
  const text = fc.oneof(
    fc.tuple(pad, year, suffix, pad).map(([a, y, s, b]) => a + y + s + b),
    fc.string({ maxLength: 50 }),
  );
  runProperty(
    'year-text-definition',
    fc.property(text, (t) => {
      expect(parseYearText(t)).toBe(yearByDefinition(t));
      // A second read comes from the memo and agrees.
      expect(parseYearText(t)).toBe(yearByDefinition(t));
    }),
    2000,
  );
  // Padded past the length the quick reject lets through without reading the text.
  expect(parseYearText(`${'\u00a0'.repeat(25)}2023 г.${' '.repeat(25)}`)).toBe(2023);
  expect(parseYearText(`\u1680${'\n'.repeat(40)}2021`)).toBe(2021);
});

/** formatNumber as first written (regex grouping, no memo), for the property below. */
function formatPlain(v: number, s: NumberStyle, decimals?: number): string {
  if (!Number.isFinite(v)) return String(v);
  let str = decimals === undefined ? String(Number(Math.abs(v).toPrecision(12))) : Math.abs(v).toFixed(decimals);
  if (/e/.test(str)) str = Math.abs(v).toFixed(10).replace(/0+$/, '');
  const [i, f] = str.split('.');
  return (v < 0 ? s.minus : '') + group(i, s.group) + (f ? s.decimal + f : '');
}

test('numbers in messages: grouped, with the style’s decimal mark, the same formatted again (memo) as first', () => {
  const value = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -99999, max: 99999 }).map((n) => n / 100));
  const styles = [styleFor('ru'), styleFor('en'), styleFor('ru', '.')];
  const decimals = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
  runProperty(
    'format-number-as-plain',
    fc.property(value, fc.constantFrom(...styles), decimals, (v, s, d) => {
      const want = formatPlain(v, s, d);
      expect(formatNumber(v, s, d)).toBe(want);
      expect(formatNumber(v, s, d)).toBe(want);
    }),
    3000,
  );
});
