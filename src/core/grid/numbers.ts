// Russian number parsing: tells a real number from a number stored as text, a dash, and junk.
import type { Cell } from './grid';
import { formatIsPercent, generalDecimals, shownByFormat } from './number-format';

export type NumKind =
  | 'empty'
  | 'number' // a real number
  | 'text-number' // a number stored as text: "2 195 067", "0.25", "1060 "
  | 'dash' // "-" or "—": none, read as zero
  | 'not-number' // text that is not one number: "178817 (+44311)=223128"
  | 'error' // #DIV/0!, #REF!…
  | 'no-result'; // a formula with no cached result

export interface Num {
  kind: NumKind;
  /** The number the cell shows (0 for a dash); absent when not one number. */
  value?: number;
  /** Decimals shown, from the number format or the text. */
  decimals?: number;
  /** The cell's number format shows percents (value is a fraction). */
  percentFormat?: boolean;
  /** The raw text, for text cells. */
  text?: string;
}

// Spaces that separate thousands or pad text pasted from Word.
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const MINUS = /^[-\u2212\u2013\u2014\u2012\u2010\u2011]$/;
const DASH_ONLY = /^[-\u2212\u2013\u2014\u2012\u2010\u2011]+$/;
const DIGIT = /\d/;

type Parsed = { value: number; decimals: number; percent: boolean };
const parsedMemo = new Map<string, Parsed | null>();

/** Parses Russian-formatted number text. Returns undefined when the text is not one number. */
export function parseNumberText(raw: string): Readonly<Parsed> | undefined {
  // Text numbers repeat (a table copied, a column of zeros): parse each distinct text once.
  let p = parsedMemo.get(raw);
  if (p === undefined) {
    p = parseText(raw) ?? null;
    if (parsedMemo.size >= 50_000) parsedMemo.clear();
    parsedMemo.set(raw, p);
  }
  return p === null ? undefined : p;
}

function parseText(raw: string): Parsed | undefined {
  // Only spaces separate thousands; a line break or tab inside means two numbers (`60\n200`).
  if (/[\t\n\r\v\f\u2028\u2029]/.test(raw.trim())) return undefined;
  let s = raw.replace(SPACES, ' ').trim();
  if (s === '') return undefined;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = 1;
  const first = s.charAt(0);
  if (first === '+') s = s.slice(1).trim();
  else if (MINUS.test(first)) {
    sign = -1;
    s = s.slice(1).trim();
  }
  // Digits in groups of three separated by single spaces, or plain digits; then an optional decimal part.
  const m = /^(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?$/.exec(s);
  if (!m) return undefined;
  const intPart = m[1].replace(/ /g, '');
  const frac = m[2] ?? '';
  const value = sign * Number(frac ? `${intPart}.${frac}` : intPart);
  if (!Number.isFinite(value)) return undefined;
  return { value: value === 0 ? 0 : value, decimals: frac.length, percent };
}

/** The format shows percents (`0.0%`, not `0.0"%"`): the cell holds a fraction. See number-format.ts. */
export function isPercentFormat(fmt: string | undefined): boolean {
  return formatIsPercent(fmt);
}

const decimalsMemo = new Map<number, number>();

/** Decimals of a number as Excel's General shows it (see generalDecimals). */
export function naturalDecimals(v: number): number {
  if (Number.isInteger(v)) return 0;
  // Reports repeat their fractions (0,5 points, 14,1 %): format each distinct value once.
  let d = decimalsMemo.get(v);
  if (d === undefined) {
    d = generalDecimals(v);
    if (decimalsMemo.size >= 50_000) decimalsMemo.clear();
    decimalsMemo.set(v, d);
  }
  return d;
}

/**
 * Decimals a number cell shows: those of its displayed text when the host gives it (the add-in) and
 * it is this value as shown, else those its format shows for the value (the CLI), else General's.
 */
function shownDecimals(cell: Cell, v: number, percent: boolean): number {
  const fmt = cell.numberFormat;
  if (cell.text) {
    const t = parseNumberText(cell.text);
    if (t && sameAsShown(t, percent && t.percent ? v * 100 : v)) return t.decimals;
  }
  if (fmt && !GENERAL_FORMAT.test(fmt)) {
    const d = shownByFormat(fmt, v).decimals;
    if (d !== undefined) return d;
  }
  return naturalDecimals(percent ? v * 100 : v);
}

const GENERAL_FORMAT = /^general$/i;

/**
 * The text shows this value rounded to the text's decimals: not `###` or a scaled `26,9` of 26 900,
 * nor `1,234` of an English host, which is 1234 and not 1.234 (the sign may be shown as brackets).
 */
function sameAsShown(t: Readonly<Parsed>, v: number): boolean {
  const gap = Math.abs(Math.abs(t.value) - Math.abs(v));
  return gap <= 0.5 / 10 ** t.decimals + 1e-9 * Math.abs(v);
}

/**
 * Every reading has every field, in one order: the rules read millions of them, and objects of one
 * shape keep their code fast and stable (no recompiling when a new shape shows up).
 */
function num(kind: NumKind, value?: number, decimals?: number, percentFormat?: boolean, text?: string): Num {
  return { kind, value, decimals, percentFormat, text };
}

/** Readings without a value are shared (a sheet is mostly empty cells): never change a Num. */
const EMPTY: Num = num('empty');
const NO_RESULT: Num = num('no-result');

/** Reads a cell as a number the way a methodologist would. Never throws. */
export function readNum(cell: Cell | undefined): Num {
  if (!cell) return EMPTY;
  if (cell.error) return num('error', undefined, undefined, undefined, cell.error);
  if (cell.noResult) return NO_RESULT;
  const v = cell.value;
  if (v === null || v === undefined || v === '') return EMPTY;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return num('not-number', undefined, undefined, undefined, String(v));
    const pf = isPercentFormat(cell.numberFormat);
    return num('number', v, shownDecimals(cell, v, pf), pf);
  }
  if (typeof v === 'boolean') return num('not-number', undefined, undefined, undefined, String(v));
  const text = String(v);
  // Most text cells are labels: with no digit and no dash they cannot be a number.
  if (!/[\d\-\u2010-\u2014\u2212]/.test(text)) return FIRST_VISIBLE.test(text) ? num('not-number', undefined, undefined, undefined, text) : EMPTY;
  // Spaces only, or a dash: neither has a digit (and a text with one is most figures stored as text).
  if (!DIGIT.test(text)) {
    const trimmed = text.replace(SPACES, ' ').trim();
    if (trimmed === '') return EMPTY;
    if (isDash(trimmed)) return num('dash', 0, 0, undefined, text);
  }
  const p = parseNumberText(text);
  if (p) return num('text-number', p.value, p.decimals, undefined, text);
  return num('not-number', undefined, undefined, undefined, text);
}

/** A dash or two standing for zero (`-`, `—`, `--`), spaces trimmed. */
function isDash(trimmed: string): boolean {
  return trimmed.length <= 2 && DASH_ONLY.test(trimmed);
}

/** A text read as a dash (none, zero): see readNum. */
export function isDashText(text: string): boolean {
  return isDash(text.replace(SPACES, ' ').trim());
}

/** True for kinds that give a usable number. */
export function hasValue(n: Num): n is Num & { value: number } {
  return n.value !== undefined && (n.kind === 'number' || n.kind === 'text-number' || n.kind === 'dash');
}

/** The first character that is neither in SPACES nor removed by trim(). */
const FIRST_VISIBLE = /[^\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const YEAR_TEXT = /^((?:19|20)\d\d)\s*(?:г\.?|год|гг\.?)?\s*\.?$/i;

/** A year header such as `2023 г.`, `2023г.`, `2023`, `2023 г`, `2022.`. */
export function parseYearText(text: string): number | undefined {
  // Most texts are no year by their first visible character: rejected before the memo, which
  // would hash every fresh text (data cells stored as text are read here too).
  if (!mayBeYear(text)) return undefined;
  // Header texts repeat from table to table: read each once.
  let y = yearTexts.get(text);
  if (y === undefined) {
    y = readYearText(text) ?? 0;
    if (yearTexts.size >= 50_000) yearTexts.clear();
    yearTexts.set(text, y);
  }
  return y === 0 ? undefined : y;
}

const yearTexts = new Map<string, number>();

/** Whether a year text may start here: `19dd` or `20dd` and no fifth digit, after any spaces. */
function mayBeYear(text: string): boolean {
  let i = 0;
  const c = text.charCodeAt(0);
  // A space of any kind first (U+2000 on holds spaces too): the text starts at its first visible character.
  if (!(c > 32 && c !== 0xa0 && c !== 0x1680 && c < 0x2000)) {
    const first = FIRST_VISIBLE.exec(text);
    if (!first) return false;
    i = first.index;
  }
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 4));
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function readYearText(text: string): number | undefined {
  const m = YEAR_TEXT.exec(text.replace(SPACES, ' ').trim());
  return m ? Number(m[1]) : undefined;
}

/** A whole number between 1990 and 2100: a year where a header or a label holds it. */
export function isYearNumber(v: number): boolean {
  return Number.isInteger(v) && v >= 1990 && v <= 2100;
}

/** A year header cell: a year text, or a whole number between 1990 and 2100. */
export function cellYear(cell: Cell | undefined): number | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (typeof v === 'number') return isYearNumber(v) ? v : undefined;
  if (typeof v === 'string') return parseYearText(v);
  return undefined;
}

/** A year mentioned inside a label: `Показатели (2023)`, `на 01.01.2023`. */
export function yearInText(text: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d\d)(?:[^\d]|$)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Rounds half-up (away from zero) to `d` decimals, robust to binary noise. */
export function roundHalfUp(x: number, d: number): number {
  const f = 10 ** d;
  const y = Math.abs(x) * f;
  const r = Math.floor(y + 0.5 + 1e-9);
  return (Math.sign(x) * r) / f;
}

export function truncate(x: number, d: number): number {
  const f = 10 ** d;
  return (Math.sign(x) * Math.floor(Math.abs(x) * f + 1e-9)) / f;
}

/** A reported value matches x when it equals x rounded half-up or truncated to its decimals. */
export function matchesAtDecimals(reported: number, x: number, d: number): boolean {
  const shown = roundHalfUp(reported, d);
  const eps = 0.5 / 10 ** (d + 3);
  return Math.abs(shown - roundHalfUp(x, d)) < eps || Math.abs(shown - truncate(x, d)) < eps;
}
