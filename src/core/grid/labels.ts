// Label normalization and tolerant matching (case, ё/е, whitespace, dashes, punctuation, small typos).

/** Folds case, ё→е, dashes, whitespace runs; trims. */
export function normalizeLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f\u2000-\u200b\ufeff]+/g, ' ')
    .trim();
}

/** labelKey per distinct text: tables repeat their labels, and recognition keys every label of every block (a pure memo). */
let keyMemo = new Map<string, string>();

/** The matching key: normalized, punctuation dropped, words separated by single spaces. `%` is kept. */
export function labelKey(s: string): string {
  let k = keyMemo.get(s);
  if (k === undefined) {
    k = normalizeLabel(s)
      .replace(/\+\s*\/\s*-|±/g, ' ± ')
      .replace(/[^a-zа-я0-9%±]+/g, ' ')
      .trim();
    if (keyMemo.size >= 50_000) keyMemo = new Map();
    keyMemo.set(s, k);
  }
  return k;
}

/** Damerau-Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** Typos tolerated for a key of this length. */
export function typoBudget(len: number): number {
  if (len < 6) return 0;
  if (len < 14) return 1;
  return 2;
}

function digitsOf(s: string): string {
  return s.replace(/[^0-9]+/g, ' ').trim();
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The same numbers in both (`digitsOf` equal), without building strings when one has none. */
function sameDigits(a: string, b: string): boolean {
  const da = hasDigit(a);
  if (da !== hasDigit(b)) return false;
  return !da || digitsOf(a) === digitsOf(b);
}

export type MatchMode = 'exact' | 'phrase' | 'prefix';

/**
 * How well `textKey` (a cell's key) matches `label` (a definition label's key):
 * 3 equal (or within typos), 2 the label is a whole-word phrase inside the text, 0 none.
 */
export function matchKey(textKey: string, label: string, mode: MatchMode = 'phrase'): number {
  if (textKey === label) return 3;
  const budget = typoBudget(label.length);
  // Typos never touch numbers: `на 0,5 ставки` is not `на 0,25 ставки`.
  if (budget > 0 && Math.abs(textKey.length - label.length) <= budget && sameDigits(textKey, label) && editDistance(textKey, label, budget) <= budget) return 3;
  if (mode === 'exact') return 0;
  // Without building strings: a table of many distinct row labels is matched millions of times.
  if (mode === 'prefix') return textKey.length > label.length && textKey.charCodeAt(label.length) === 32 && textKey.startsWith(label) ? 2 : 0;
  return hasPhrase(textKey, label) ? 2 : 0;
}

/** `label` as whole words inside `text` (words separated by single spaces, as keys are). */
function hasPhrase(text: string, label: string): boolean {
  if (label === '') return (' ' + text + ' ').includes('  ');
  for (let i = text.indexOf(label); i >= 0; i = text.indexOf(label, i + 1)) {
    const end = i + label.length;
    if ((i === 0 || text.charCodeAt(i - 1) === 32) && (end === text.length || text.charCodeAt(end) === 32)) return true;
  }
  return false;
}
