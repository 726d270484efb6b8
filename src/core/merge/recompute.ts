// The summary's cells that are not sums: shares, changes and indicators recomputed from the sums, and those that cannot be.
import type { Analysis } from '../check';
import { address } from '../grid';
import { instances } from '../relations';
import { what } from '../rules/rule';
import type { TableCell } from '../table';
import type { MergePlan } from './plan';

export interface SummaryCell {
  sheet: string;
  address: string;
  row: number;
  col: number;
  table: string;
  what: string;
  value?: number;
}

/**
 * In the summary's analysis: every computed cell that is not a sum of the inputs (a `%`, a `+/-`, an
 * indicator), with the value recomputed from the sums; and every other figure of a table that is not
 * summed (an indicator with nothing to recompute it from, a Model Standard score): the template's
 * own value, no summary's, to be emptied and listed.
 */
export function recomputedCells(a: Analysis, plan: MergePlan): { computed: SummaryCell[]; stale: SummaryCell[] } {
  const summed = new Set(plan.writes.map((w) => `${w.sheet}!${w.address}`));
  const computed: SummaryCell[] = [];
  const stale: SummaryCell[] = [];
  const seen = new Set<TableCell>();
  for (const t of a.tables)
    for (const inst of instances(t)) {
      if (!inst.computed) continue;
      const c = inst.target;
      const at = address(t.sheet, c.row, c.col);
      if (seen.has(c) || summed.has(`${t.sheet.name}!${at}`)) continue;
      seen.add(c);
      const value = a.values.compute(inst);
      const cell = { sheet: t.sheet.name, address: at, row: c.row, col: c.col, table: t.id, what: what(t, c) };
      if (value !== undefined) computed.push({ ...cell, value });
      else if (c.num.kind !== 'empty') stale.push(cell);
    }
  for (const t of a.tables) {
    if (t.def.valueType === 'count') continue;
    for (const c of t.cells) {
      const at = address(t.sheet, c.row, c.col);
      if (seen.has(c) || c.num.kind === 'empty' || summed.has(`${t.sheet.name}!${at}`)) continue;
      stale.push({ sheet: t.sheet.name, address: at, row: c.row, col: c.col, table: t.id, what: what(t, c) });
    }
  }
  return { computed, stale };
}
