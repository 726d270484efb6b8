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
  const s: CellState = { ...ref, value: r.values[0][0], numberFormat: String(r.numberFormat[0][0]) };
  if (typeof f === 'string' && f.startsWith('=')) s.formula = f;
  return s;
}

export function sameState(a: CellState, b: CellState): boolean {
  return a.formula === b.formula && a.value === b.value && a.numberFormat === b.numberFormat;
}

/**
 * Queues writes that put a cell back as it was. Text that Excel would read as something else
 * (a number, a date, a formula) is written with a leading apostrophe so it stays text.
 */
export function queueRestore(r: XlRange, s: CellState): void {
  r.numberFormat = [[s.numberFormat]];
  if (s.formula) r.formulas = [[s.formula]];
  else if (typeof s.value === 'string' && s.value !== '' && s.numberFormat !== '@' && wouldCoerce(s.value)) {
    r.values = [[`'${s.value}`]];
  } else r.values = [[s.value ?? '']];
}

function wouldCoerce(text: string): boolean {
  return (
    /^\s*[-+=@']/.test(text) ||
    /^[\s\d.,:%/\u00a0\u202f$€₽()eE-]+$/.test(text) ||
    /^(true|false|истина|ложь)$/i.test(text.trim())
  );
}
