// Number formatting for messages: Russian digit grouping and decimal comma, or English.
import type { Lang } from '../issue';

export interface NumberStyle {
  group: string;
  decimal: string;
  minus: string;
}

/** Styles made, per language and decimal separator: one object each, so numbers are kept formatted per style. */
const styles = new Map<string, NumberStyle>();

export function styleFor(lang: Lang, decimalSeparator?: string): NumberStyle {
  const k = decimalSeparator === undefined ? lang : `${lang}|${decimalSeparator}`;
  let style = styles.get(k);
  if (!style) styles.set(k, (style = makeStyle(lang, decimalSeparator)));
  return style;
}

function makeStyle(lang: Lang, decimalSeparator?: string): NumberStyle {
  const base = lang === 'ru' ? { group: '\u00a0', decimal: ',', minus: '−' } : { group: ',', decimal: '.', minus: '−' };
  if (decimalSeparator && decimalSeparator !== base.decimal) {
    base.decimal = decimalSeparator;
    if (base.group === decimalSeparator) base.group = decimalSeparator === ',' ? '\u00a0' : ',';
  }
  return base;
}

/** Formats a number with digit groups; `decimals` fixes the decimals shown (26 → `26,0`). */
export function formatNumber(v: number, s: NumberStyle, decimals?: number): string {
  if (!Number.isFinite(v)) return String(v);
  const neg = v < 0;
  // Counts are most numbers in a report: whole, no exponent, grouped by hand.
  if (decimals === undefined && Number.isInteger(v) && Math.abs(v) < 1e12) {
    // A report repeats its figures in thousands of messages: each whole number is formatted once per style.
    const memo = wholeMemo(s);
    let out = memo.get(v);
    if (out === undefined) {
      const i = String(neg ? -v : v);
      out = (neg ? s.minus : '') + (i.length > 3 ? group(i, s.group) : i);
      if (memo.size >= 100_000) memo.clear();
      memo.set(v, out);
    }
    return out;
  }
  // Shares and indicators repeat too (a report's ratios, its 100 %): formatted once per style and decimals.
  const memo = fractionMemo(s, decimals);
  let out = memo.get(v);
  if (out === undefined) {
    let str = decimals === undefined ? String(Number(Math.abs(v).toPrecision(12))) : Math.abs(v).toFixed(decimals);
    if (str.includes('e')) str = Math.abs(v).toFixed(10).replace(/0+$/, '');
    const dot = str.indexOf('.');
    const i = dot < 0 ? str : str.slice(0, dot);
    const f = dot < 0 ? '' : str.slice(dot + 1);
    out = (neg ? s.minus : '') + (i.length > 3 ? group(i, s.group) : i) + (f ? s.decimal + f : '');
    if (memo.size >= 100_000) memo.clear();
    memo.set(v, out);
  }
  return out;
}

/** Other numbers formatted, per style object and decimals shown (−1: as many as the number has). */
const fractions = new WeakMap<NumberStyle, Map<number, Map<number, string>>>();

function fractionMemo(s: NumberStyle, decimals: number | undefined): Map<number, string> {
  let byDecimals = fractions.get(s);
  if (!byDecimals) fractions.set(s, (byDecimals = new Map()));
  const d = decimals ?? -1;
  let m = byDecimals.get(d);
  if (!m) byDecimals.set(d, (m = new Map()));
  return m;
}

/** Whole numbers formatted, per style object (styleFor makes one per language and separator). */
const wholes = new WeakMap<NumberStyle, Map<number, string>>();

function wholeMemo(s: NumberStyle): Map<number, string> {
  let m = wholes.get(s);
  if (!m) wholes.set(s, (m = new Map()));
  return m;
}

function group(digits: string, sep: string): string {
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let k = out.length; k < digits.length; k += 3) out += sep + digits.slice(k, k + 3);
  return out;
}
