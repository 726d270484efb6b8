// What a cell holds (value, formula, number format), read from a range and written back exactly.
import type { XlRange } from './xl-types';

export interface CellRef {
  sheet: string;
  address: string;
}

/** A cell's contents as Office.js reports them, enough to put them back exactly. */
export interface CellState extends CellRef {
  /** `values[0][0]`: a number, string, boolean, or '' when empty. */
  value: unknown;
  /** The formula when the cell holds one. */
  formula?: string;
  numberFormat: string;
}

export const STATE_PROPS = ['values', 'formulas', 'numberFormat', 'valueTypes'];

export function stateOf(ref: CellRef, r: XlRange): CellState {
  const f = r.formulas[0][0];
  const s: CellState = { sheet: ref.sheet, address: ref.address, value: r.values[0][0], numberFormat: String(r.numberFormat[0][0]) };
  if (typeof f === 'string' && f.startsWith('=')) s.formula = f;
  return s;
}

export function sameState(a: CellState, b: CellState): boolean {
  return a.formula === b.formula && a.value === b.value && a.numberFormat === b.numberFormat;
}

/**
 * Queues writes that put a cell back as it was. Text that Excel would read as something else
 * (a number, a date) is entered under the Text format, then the cell's own format is put back:
 * Excel does not re-read a value when only its format changes, so the text stays text.
 */
export function queueRestore(r: XlRange, s: CellState): void {
  const asText = typeof s.value === 'string' && s.value !== '' && !s.formula && s.numberFormat !== '@' && wouldCoerce(s.value);
  r.numberFormat = [[asText ? '@' : s.numberFormat]];
  if (s.formula) r.formulas = [[s.formula]];
  else r.values = [[s.value ?? '']];
  if (asText) r.numberFormat = [[s.numberFormat]];
}

function wouldCoerce(text: string): boolean {
  return (
    /^\s*[-+=@']/.test(text) ||
    /^[\s\d.,:%/\u00a0\u202f$€₽()eE-]+$/.test(text) ||
    /^(true|false|истина|ложь)$/i.test(text.trim())
  );
}
