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
  const v = r.values[0][0];
  const s: CellState = { sheet: ref.sheet, address: ref.address, value: v, numberFormat: String(r.numberFormat[0][0]) };
  if (isFormula(f, v)) s.formula = f as string;
  return s;
}

/**
 * `formulas` gives a cell's value where it has no formula (Range.formulas), so text such as
 * `=A1+1` kept as text reads the same there as a formula. A formula's `values` entry is its result,
 * which is not its own text; text's is the text itself.
 */
export function isFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value;
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
