// What a cell's number format shows of a value: how many decimals (`0.0#` shows 26,9 for 26.9 and
// 26,88 for 26.88), and whether it shows percents. Format codes as Excel and LibreOffice store them
// (invariant: `.` decimal point, `,` thousands): up to four sections `positive;negative;zero;text`,
// conditions (`[>=100]`), quoted literals, `\x` escapes, `_x` and `*x` padding, colours and locale
// tags in brackets, `%`, thousands scaling (`0.0,`), `General`, scientific, fractions, dates, `@`.

/** How one section of a format shows a number. */
interface Section {
  kind: 'number' | 'general' | 'scientific' | 'fraction' | 'date' | 'text' | 'literal' | 'empty';
  /** A condition such as `[>=100]`. */
  cond?: { op: string; value: number };
  /** Decimal places always shown (`0`) and shown when not zero (`#`, `?`, which shows a space). */
  required: number;
  optional: number;
  /** `%` signs: each multiplies the value shown by 100. */
  percent: number;
  /** Commas after the last digit placeholder: each divides the value shown by 1000. */
  thousands: number;
}

interface Parsed {
  /** The sections numbers use, in the four-section order (positive, negative, zero). */
  sections: Section[];
  /** Sections have conditions, chosen by them (see pick). */
  conditional: boolean;
  /** The format shows percents: its first section multiplies by 100. */
  percent: boolean;
}

export interface Shown {
  /** Decimals shown; undefined when the format shows no decimal number (a date, nothing). */
  decimals: number | undefined;
  /** The section used multiplies by 100 (`0.0%`): the cell holds a fraction shown as percents. */
  percent: boolean;
}

const GENERAL = /^(general|основной|standard)/i;
const CONDITION = /^(<=|>=|<>|<|>|=)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)$/i;
/** Bracketed parts that make a date or time: elapsed `[h]`, `[mm]`, `[ss]`, the system's date and time. */
const DATE_TAG = /^(h+|m+|s+|\$-f[48]00|\$-x-sys(date|time))$/i;

/** A format's sections, parsed once per distinct format (a workbook has a handful). */
const parsedFormats = new Map<string, Parsed>();

function parsed(fmt: string): Parsed {
  let p = parsedFormats.get(fmt);
  if (!p) {
    p = parseFormat(fmt);
    if (parsedFormats.size >= 10_000) parsedFormats.clear();
    parsedFormats.set(fmt, p);
  }
  return p;
}

/** What `fmt` shows of `value` (undefined or empty format: General). */
export function shownByFormat(fmt: string | undefined, value: number): Shown {
  if (!fmt) return { decimals: generalDecimals(value), percent: false };
  const p = parsed(fmt);
  const s = pick(p, value);
  return { decimals: sectionDecimals(s, value), percent: s.percent > 0 };
}

/** The format shows percents (its first section has `%` outside quotes, escapes and brackets). */
export function formatIsPercent(fmt: string | undefined): boolean {
  return !!fmt && parsed(fmt).percent;
}

/** Splits a format at its `;` (not inside quotes, brackets or after `\`) and reads each section. */
export function parseFormat(fmt: string): Parsed {
  const raw: string[] = [];
  let start = 0;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      i = end < 0 ? fmt.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const end = fmt.indexOf(']', i + 1);
      i = end < 0 ? fmt.length : end;
    } else if (ch === ';') {
      raw.push(fmt.slice(start, i));
      start = i + 1;
    }
  }
  raw.push(fmt.slice(start));
  const all = raw.slice(0, 4).map(readSection);
  // A last section for text (`0.0;@`) is not for numbers.
  const numeric = all.length > 1 && all.length < 4 && all[all.length - 1].kind === 'text' ? all.slice(0, -1) : all.slice(0, 3);
  // One section with `@` alone: numbers show as General.
  const sections = numeric.length === 1 && numeric[0].kind === 'text' ? [section('general')] : numeric;
  const conditional = sections.slice(0, 2).some((s) => s.cond !== undefined);
  return { sections, conditional, percent: sections[0].percent > 0 };
}

function section(kind: Section['kind']): Section {
  return { kind, required: 0, optional: 0, percent: 0, thousands: 0 };
}

/** The section Excel uses for a value: by sign (positive and zero; negative; zero), or by condition. */
function pick(p: Parsed, v: number): Section {
  const s = p.sections;
  if (p.conditional) {
    // As Excel: the first section whose condition holds, else the third (both first sections
    // conditional) or the second.
    if (holds(s[0].cond, v)) return s[0];
    if (s.length > 1 && holds(s[1].cond, v)) return s[1];
    const rest = s[0].cond && s[1]?.cond ? s[2] : s[1];
    return rest ?? s[0];
  }
  if (v < 0 && s.length > 1) return s[1];
  if (v === 0 && s.length > 2) return s[2];
  return s[0];
}

function holds(cond: Section['cond'], v: number): boolean {
  if (!cond) return false;
  const x = cond.value;
  switch (cond.op) {
    case '<':
      return v < x;
    case '<=':
      return v <= x;
    case '>':
      return v > x;
    case '>=':
      return v >= x;
    case '=':
      return v === x;
    default:
      return v !== x;
  }
}

/** Reads one section: its kind, decimal places, `%` and thousands scaling. */
function readSection(src: string): Section {
  const s = section('literal');
  if (src === '') return section('empty');
  let placeholders = 0;
  let afterPoint = false;
  let exponent = false;
  let slash = false;
  let date = false;
  let text = false;
  let general = false;
  let pendingCommas = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      i = end < 0 ? src.length : end;
      continue;
    }
    if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
      continue;
    }
    if (ch === '[') {
      const end = src.indexOf(']', i + 1);
      const tag = src.slice(i + 1, end < 0 ? src.length : end).trim();
      i = end < 0 ? src.length : end;
      const m = CONDITION.exec(tag);
      if (m) s.cond = { op: m[1], value: Number(m[2]) };
      else if (DATE_TAG.test(tag)) date = true;
      continue;
    }
    const word = GENERAL.exec(src.slice(i, i + 8));
    if (word) {
      general = true;
      i += word[0].length - 1;
      continue;
    }
    if (ch === '0' || ch === '#' || ch === '?') {
      placeholders++;
      pendingCommas = 0;
      if (afterPoint && !exponent && !slash) {
        if (ch === '0') s.required++;
        else s.optional++;
      }
      continue;
    }
    if (ch === ',') {
      if (placeholders > 0) pendingCommas++;
      continue;
    }
    if (ch === '.') {
      if (!afterPoint && !exponent && !slash) afterPoint = true;
      s.thousands += pendingCommas;
      pendingCommas = 0;
      continue;
    }
    if (ch === '%') s.percent++;
    else if (ch === '@') text = true;
    else if ((ch === 'E' || ch === 'e') && (src[i + 1] === '+' || src[i + 1] === '-') && placeholders > 0) {
      exponent = true;
      i++;
    } else if (ch === '/' && placeholders > 0) slash = true;
    else if (/[ydhsmgb]/i.test(ch) || (ch === 'A' && /^(AM\/PM|A\/P)/i.test(src.slice(i)))) date = true;
  }
  s.thousands += pendingCommas;
  s.kind = general ? 'general' : date ? 'date' : exponent ? 'scientific' : slash ? 'fraction' : placeholders > 0 ? 'number' : text ? 'text' : 'literal';
  return s;
}

/** Excel shows at most 30 decimal places (and a message formats no more than that). */
const MAX_PLACES = 30;

/** Decimals a section shows of a value. */
function sectionDecimals(s: Section, v: number): number | undefined {
  const shown = (Math.abs(v) * 100 ** s.percent) / 1000 ** s.thousands;
  switch (s.kind) {
    case 'number':
      if (s.required + s.optional > MAX_PLACES) return MAX_PLACES;
      return s.optional ? s.required + significantPlaces(shown, s.required, s.optional) : s.required;
    case 'general':
    case 'text':
      return generalDecimals(shown);
    case 'scientific': {
      // `0.0E+00` shows 2,7E+01 for 26.88: one decimal of the mantissa, none of the number.
      if (shown === 0) return s.required;
      const e = Math.floor(Math.log10(shown));
      return Math.min(MAX_PLACES, Math.max(0, s.required + s.optional - e));
    }
    case 'fraction':
      // `# ?/?` shows 26 7/8: no decimals; compared at whole numbers, it raises no false alarm.
      return 0;
    case 'literal':
      // A section of text only (`"-"` for zero): no digits shown.
      return 0;
    default:
      return undefined;
  }
}

/** How many of `optional` places after `required` a value rounded to all of them shows (trailing zeros dropped). */
function significantPlaces(shown: number, required: number, optional: number): number {
  const scaled = shown * 10 ** (required + optional);
  // Past 2^53 the places are not told apart: show the fewest (fewer decimals, fewer false alarms).
  if (!(scaled < 2 ** 53)) return 0;
  // Half away from zero on the decimal value (26.885 shows 26,89), binary noise removed first.
  let n = Math.floor(Number(scaled.toPrecision(15)) + 0.5);
  let places = optional;
  while (places > 0 && n % 10 === 0) {
    n /= 10;
    places--;
  }
  return places;
}

/** Characters Excel's General shows a number in (a column of the standard width). */
const GENERAL_WIDTH = 11;

/**
 * Decimals of a value as Excel's General shows it: as many as the value has, up to what fits in 11
 * characters with its sign, integer part and decimal point (26.883720930232558 → 26,88372093).
 */
export function generalDecimals(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
  const a = Math.abs(v);
  if (a >= 1e10) return 0;
  if (a < 1e-4) {
    // Shown as 1,23457E-05: five decimals of the mantissa.
    const e = -Math.floor(Math.log10(a));
    return Math.min(placesOf(a), e + 5, MAX_PLACES);
  }
  const intLen = a < 1 ? 1 : Math.floor(Math.log10(a)) + 1;
  const room = GENERAL_WIDTH - (v < 0 ? 1 : 0) - intLen - 1;
  if (room <= 0) return 0;
  return significantPlaces(a, 0, Math.min(room, 15));
}

/** Decimals of a number written out in full (12 significant digits). */
function placesOf(a: number): number {
  const s = String(Number(a.toPrecision(12)));
  const e = /e-(\d+)$/.exec(s);
  if (e) {
    const mantissa = s.slice(0, s.indexOf('e'));
    const dot = mantissa.indexOf('.');
    return Number(e[1]) + (dot < 0 ? 0 : mantissa.length - dot - 1);
  }
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
