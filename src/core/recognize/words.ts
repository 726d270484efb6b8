// Where a table's words (its labels as messages show them) are read: a table moved to another
// block of its layout (block-cache.ts) reads them there, from the cells its first block's came from.
import type { SheetView } from '../grid/sheet-view';
import { cleanWords } from '../tables/table';

/** In a word's source: the longest of the labels that follow (a list's row, named by its longest label). */
export const LONGEST = -1;

/** A header's text as recognition reads it: a number as written, a text trimmed; undefined when empty. */
export function shownText(view: SheetView, r: number, c: number): string | undefined {
  const cell = view.shown(r, c);
  if (!cell) return undefined;
  const v = cell.value;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** The longest of a row's labels (the first of that length). */
export function longest(raw: readonly string[]): string {
  return raw.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/**
 * The word read from `source` (cells in pairs, row and column, after LONGEST when the longest of
 * them is the word, else their texts joined), in the block moved by (dr, dc).
 */
export function wordOf(view: SheetView, source: readonly number[], dr: number, dc: number): string {
  const pick = source[0] === LONGEST;
  const texts: string[] = [];
  for (let i = pick ? 1 : 0; i + 1 < source.length; i += 2) texts.push(shownText(view, source[i] + dr, source[i + 1] + dc) ?? '');
  return cleanWords(pick ? longest(texts) : texts.join(' '));
}
