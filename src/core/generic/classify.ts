// What a label says a row or column holds: a total, a change, a share, an indicator, a stock…
import { normalizeLabel } from '../grid/labels';
import { WHOLE_SETS, BALANCE, CONCEPTS, DELTA, GRAND, GROWTH, INDICATORS, matchesAny, NOT_SUMMED, PERCENT, TOTAL, type Concept } from './vocabulary';

export type ItemRole =
  | { type: 'total'; grand: boolean }
  | { type: 'delta'; base?: number }
  | { type: 'percent' }
  /** `rate`: new / old × 100 (`Темп роста`); `gain`: (new − old) / old × 100 (`Прирост, %`, `Темп прироста`). */
  | { type: 'growth'; gain: boolean }
  | { type: 'indicator'; id: string }
  | { type: 'balance'; part: 'start' | 'in' | 'out' | 'end' }
  | { type: 'not-summed'; why: 'year' | 'code' | 'average' | 'running' }
  | { type: 'value'; concept?: Concept };

const PLUS_MINUS = /^\+\s*[,/]?\s*[-–—−]\s*$|^\+\s*[,/]?\s*[-–—−]\s/;

/** Reads a label (raw text, its key, and for a column the headers above it). */
export function classify(raw: string, key: string, path: readonly string[]): ItemRole {
  const norm = normalizeLabel(raw);
  // `Прирост, %` is a gain in percent of the older figure, not a change in units.
  if (/^(прирост|темп прироста)( |$)/.test(key) && /%/.test(raw)) return { type: 'growth', gain: true };
  if (PLUS_MINUS.test(norm) || matchesAny(key, DELTA)) {
    const m = /(?:^|\s)к\s*((?:19|20)\d\d)/.exec(norm);
    return m ? { type: 'delta', base: Number(m[1]) } : { type: 'delta' };
  }
  if (matchesAny(key, GROWTH)) return { type: 'growth', gain: /прирост/.test(key) };
  if (TOTAL.test(key)) return { type: 'total', grand: GRAND.test(key) || isCapitals(raw) };
  for (const ind of INDICATORS) if (matchesAny(key, ind.words)) return { type: 'indicator', id: ind.id };
  if (matchesAny(key, PERCENT)) return { type: 'percent' };
  for (const part of ['start', 'in', 'out', 'end'] as const) if (matchesAny(key, BALANCE[part])) return { type: 'balance', part };
  for (const why of ['year', 'code', 'average', 'running'] as const) if (matchesAny(key, NOT_SUMMED[why])) return { type: 'not-summed', why };
  if (path.some((p) => /руб/i.test(p)) || /руб/i.test(raw)) return { type: 'value' };
  for (const c of Object.keys(CONCEPTS) as Concept[]) if (matchesAny(key, CONCEPTS[c])) return { type: 'value', concept: c };
  return { type: 'value' };
}

/** `ВСЕГО` in capitals: the grand total of a report's subtotals. */
function isCapitals(raw: string): boolean {
  const w = raw.trim().split(/\s+/)[0] ?? '';
  return w.length >= 5 && w === w.toUpperCase() && /^[А-ЯЁ]+:?$/.test(w);
}

/** Whether the labels of some parts say they make up their whole (see WHOLE_SETS). */
export function wholeByWords(keys: readonly string[]): boolean {
  return WHOLE_SETS.some((set) => set.every((w) => keys.some((k) => w.test(k))));
}
