// What recognition of a block can see, as one string: equal signatures recognize alike.
import type { Area, Cell } from './grid';
import type { SheetView } from './layout';

/** Lines above a block that recognition reads (its title, a year over it). */
export const LINES_ABOVE = 3;

/**
 * Recognition reads texts, a cell's kind (number, text, formula, error, empty), merges and year-like
 * numbers; it never reads the other numbers' values. So the signature keeps texts verbatim and
 * numbers as a mark (year-like whole numbers with their value), and two copies of a table with
 * different figures share one signature.
 */
function token(cell: Cell | undefined): string {
  if (!cell) return '.';
  let t = '';
  if (cell.formula) t += 'f';
  if (cell.error) t += 'e';
  if (cell.noResult) t += 'n';
  if (cell.indent) t += `i${cell.indent}`;
  const v = cell.value;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) t += `X${v}`;
    else t += Number.isInteger(v) && v >= 1990 && v <= 2100 ? `Y${v}` : '#';
  } else if (typeof v === 'string') t += `S${v.length}:${v}`;
  else if (typeof v === 'boolean') t += v ? 'T' : 'F';
  else t += '_';
  return t;
}

export function blockSignature(view: SheetView, area: Area): string {
  const top = Math.max(0, area.top - LINES_ABOVE);
  let s = `${area.bottom - area.top}x${area.right - area.left}^${area.top - top}|`;
  for (let r = top; r <= area.bottom; r++) {
    const row = view.sheet.rows[r];
    for (let c = area.left; c <= area.right; c++) {
      const m = view.coveredBy(r, c);
      if (m) s += `m${m.top - r},${m.left - c},${m.bottom - r},${m.right - c}:${token(view.cell(m.top, m.left))}`;
      else {
        const o = view.mergeAt(r, c);
        if (o) s += `o${o.bottom - r},${o.right - c}:`;
        s += token(row ? row[c] : undefined);
      }
      s += ',';
    }
    s += ';';
  }
  return s;
}
