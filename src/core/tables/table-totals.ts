// The totals of a table's dimension, which a `*` selection leaves out: read by the selection of
// cells (select.ts) and by the relations built on it (relations.ts), so it is in neither.
import type { TableModel } from './table';

/**
 * The members of `dim` a `*` selection leaves out: totals of a sum relation, and nested rows
 * (already counted in the row they belong to).
 */
export function totalsOf(t: TableModel, dim: string): Set<string> {
  const s = new Set<string>();
  for (const r of t.def.relations) if (r.type === 'sum' && r.dim === dim) s.add(r.total);
  for (const k of t.nesting.keys()) if (k.startsWith(`${dim}:`)) s.add(k.slice(dim.length + 1));
  return s;
}
