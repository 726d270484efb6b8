// The cells a formula reads: where an indicator or a total written as a formula takes its figures
// from, so it is checked against the tables it reads (see nearest-tables.ts).

/** A cell a formula names: on `sheet` (by name), or on the formula's own sheet when undefined. */
export interface FormulaRef {
  sheet: string | undefined;
  /** 0-based, as written (before the grid's origin is taken off). */
  row: number;
  col: number;
}

// `'Обслуживание 2'!B13`, `Фонды!$B$26`, or `B13` (a range's cells each count: `B6:B11` names B6 and
// B11). Not a function name followed by a bracket (`LOG10(`), nor part of a longer name.
const REF = /(?:'((?:[^']|'')+)'|([\p{L}\p{N}_.]+))!\$?([A-Z]{1,3})\$?(\d{1,7})(?![\p{L}\p{N}_(])|(?<![\p{L}\p{N}_.$!'])\$?([A-Z]{1,3})\$?(\d{1,7})(?![\p{L}\p{N}_(])/gu;

/** Cells named in `formula` (without its leading `=`, or with it), in the order written; at most `max`. */
export function formulaRefs(formula: string, max = 16): FormulaRef[] {
  const out: FormulaRef[] = [];
  // Texts in quotes are no references.
  const f = formula.replace(/"[^"]*"/g, '""');
  let prevEnd = -1;
  let prevSheet: string | undefined;
  for (const m of f.matchAll(REF)) {
    const quoted = m[1] !== undefined ? m[1].replace(/''/g, "'") : undefined;
    // The end of a range (`'5.3.2'!D6:D11`) is on its start's sheet.
    const sheet = quoted ?? m[2] ?? (m.index === prevEnd + 1 && f[prevEnd] === ':' ? prevSheet : undefined);
    prevEnd = m.index! + m[0].length;
    prevSheet = sheet;
    const letters = m[3] ?? m[5];
    const digits = m[4] ?? m[6];
    let col = 0;
    for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
    out.push({ sheet, row: Number(digits) - 1, col: col - 1 });
    if (out.length >= max) break;
  }
  return out;
}

const NONE: readonly FormulaRef[] = [];

/** The cells a cell's formula reads; none for a value. */
export function cellRefs(cell: { formula?: string } | undefined): readonly FormulaRef[] {
  return cell?.formula ? formulaRefs(cell.formula) : NONE;
}
