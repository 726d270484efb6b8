// Shares, changes and indicators of the summary, recomputed from its sums; what cannot be is said.
import type { FillOptions, FillWrite } from '../api-types';
import { analyze } from '../check';
import { planFill } from '../fill/fill';
import { address, type Workbook } from '../grid/grid';
import { instances } from '../relations/relations';
import { mergedWorkbook } from './apply';
import type { MergePlan, TemplateCell } from './plan';

export interface Recomputed {
  /** Writes into the summary: the cells recomputed from the sums (formulas with results, or values). */
  writes: FillWrite[];
  /** Cells whose template value already equals their recomputation at the decimals shown: kept, and traced. */
  kept: Array<{ sheet: string; address: string; value: number }>;
  /** Cells that are no sum and that nothing recomputes: emptied, and listed. */
  stale: TemplateCell[];
}

const at = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address}`;

/**
 * First with every cell that is no sum emptied (a share whose old figure would contradict the sums
 * is read as a share again); then, for those the first pass left empty (a table that its figures
 * alone make recognizable, emptied, is no longer recognized), with their template values back,
 * recomputing those that differ and keeping those that agree.
 */
export function recompute(template: Workbook, plan: MergePlan, opts: FillOptions): Recomputed {
  const first = planFill(mergedWorkbook(template, plan), { ...opts, overwrite: false });
  const done = new Set(first.writes.map(at));
  const rest = plan.emptied.filter((c) => !done.has(at(c)));
  if (!rest.length) return { writes: first.writes, kept: [], stale: [] };
  const again = { ...plan, emptied: plan.emptied.filter((c) => done.has(at(c))) };
  const grid = mergedWorkbook(template, again);
  const a = analyze(grid);
  const wanted = new Set(rest.map(at));
  const second = planFill(grid, { ...opts, overwrite: true }, a).writes.filter((w) => wanted.has(at(w)));
  const written = new Set(second.map(at));
  const kept: Recomputed['kept'] = [];
  const computed = new Set<string>(written);
  for (const t of a.tables)
    for (const inst of instances(t)) {
      if (!inst.computed) continue;
      const ref = { sheet: t.sheet.name, address: address(t.sheet, inst.target.row, inst.target.col) };
      const k = at(ref);
      if (!wanted.has(k) || computed.has(k)) continue;
      const value = a.values.compute(inst);
      if (value === undefined) continue;
      computed.add(k);
      kept.push({ ...ref, value });
    }
  return { writes: [...first.writes, ...second], kept, stale: rest.filter((c) => !computed.has(at(c))) };
}
