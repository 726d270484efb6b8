// The areas of a block's tables. layout.ts sets apart the rows holding one long text (splitAtProse:
// a prose paragraph between tables; trimBlock: a title or a note glued to a table). In a table to be
// filled in, a long row label whose cells are all empty is such a row (`Численность работников,
// относящихся к основному персоналу, человек` over empty totals, 5.4's `Обновляемость фонда
// (разница между процентом поступления и выбытия …)` last): it is kept in its table.
import type { Definition } from '../tables/definition';
import type { Area } from '../grid/grid';
import { labelKey } from '../grid/labels';
import { splitAtProse, trimBlock } from './blocks';
import type { SheetView } from '../grid/sheet-view';
import { blankRow } from './template-layout';
import { matchesAnyLabel } from '../recognize/match';
import { cellYear } from '../grid/numbers';

/** The longest text read as a row label here; a longer one is prose. */
const LABEL_LENGTH = 160;

/**
 * Whether row `r` holds one text only, in `area`'s columns, that reads as a row label of a kind:
 * it names a label (a member, a total) and is no sentence (no full stop, no sentence break).
 */
function labelRow(view: SheetView, r: number, area: Area, defs: readonly Definition[]): boolean {
  let text: string | undefined;
  for (let c = area.left; c <= area.right; c++) {
    if (!view.origin(r, c)) continue;
    if (text !== undefined) return false;
    text = view.text(r, c);
    if (text === undefined) return false;
  }
  if (text === undefined || text.length > LABEL_LENGTH || /[.!?]$|[.!?]\s/.test(text)) return false;
  return matchesAnyLabel(labelKey(text), defs);
}

/** Whether every row from `top` to `bottom` is a label row (none when top > bottom). */
function allLabels(view: SheetView, top: number, bottom: number, area: Area, defs: readonly Definition[]): boolean {
  for (let r = top; r <= bottom; r++) if (!labelRow(view, r, area, defs)) return false;
  return top <= bottom;
}

/** The areas of the tables a block may hold: cut at prose, trimmed of titles and notes, label rows kept. */
export function tableAreas(view: SheetView, block: Area, defs: readonly Definition[]): Area[] {
  const parts: Area[] = [];
  for (const p of splitAtProse(view, block)) {
    const prev = parts[parts.length - 1];
    if (prev && allLabels(view, prev.bottom + 1, p.top - 1, block, defs)) parts[parts.length - 1] = { ...prev, bottom: p.bottom };
    else parts.push({ ...p });
  }
  // Label rows set apart at the block's bottom belong to its last part.
  const last = parts[parts.length - 1];
  if (last) while (last.bottom < block.bottom && labelRow(view, last.bottom + 1, block, defs)) last.bottom++;
  return parts.map((p) => {
    const a = trimBlock(view, p);
    // Trimmed from the bottom as a note, kept as the table's last row label.
    while (a.bottom < p.bottom && a.bottom > a.top && labelRow(view, a.bottom + 1, p, defs)) a.bottom++;
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = p.left; c < a.left; c++)
        if (view.occupied(r, c)) {
          a.left = c;
          break;
        }
    return a;
  });
}

/** The most rows of labels over a row of values in such a template (a long text-only list is none). */
const LABEL_ROWS = 4;

/**
 * Whether a block holds no number (nor a number written as text) but the years over its columns: a
 * template's, if a table's. A row of two years or more, whose numbers are all years, is such a
 * header: its years may be typed as numbers (`2021`) or as text reading as one (`2022`, `2023.`).
 */
function numberFree(view: SheetView, a: Area): boolean {
  for (let r = a.top; r <= a.bottom; r++) {
    let numbers = 0;
    let yearNumbers = 0;
    let years = 0;
    for (let c = a.left; c <= a.right; c++) {
      const year = cellYear(view.cell(r, c)) !== undefined;
      if (year) years++;
      const k = view.num(r, c).kind;
      if (k !== 'number' && k !== 'text-number') continue;
      numbers++;
      if (year) yearNumbers++;
    }
    if (numbers > 0 && (yearNumbers < numbers || years < 2)) return false;
  }
  return true;
}

/**
 * A template whose value rows are blank (4.5 as the seed prints it) falls apart into blocks of
 * label rows: the block at `i` (its table's area `first`, tableAreas), the blank row under it and each block of the same columns just
 * under that with its blank row, as one area, and the indices of the blocks it takes in. Undefined
 * when the block holds a number or no blank row follows it in the sheet.
 */
export function templateChain(view: SheetView, blocks: readonly Area[], i: number, first: Area): { area: Area; taken: number[] } | undefined {
  if (first.right === first.left || first.bottom - first.top >= LABEL_ROWS || !numberFree(view, first)) return undefined;
  const area = { ...first };
  const taken = [i];
  for (;;) {
    const r = area.bottom + 1;
    if (!blankRow(view, r, area)) return taken.length > 1 || area.bottom > first.bottom ? { area, taken } : undefined;
    area.bottom = r;
    const j = blocks.findIndex((b, k) => k > i && !taken.includes(k) && b.top === r + 1 && b.left === area.left && b.right === area.right && b.bottom - b.top < LABEL_ROWS);
    if (j < 0 || !numberFree(view, blocks[j])) return { area, taken };
    area.bottom = blocks[j].bottom;
    taken.push(j);
  }
}
