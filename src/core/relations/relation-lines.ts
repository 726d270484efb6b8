// The lines of a table's relations: its cells grouped by every key part except one dimension.
import type { TableCell, TableModel } from '../tables/table';

/**
 * The cells of one line by their member of the relation's dimension, with a Map's semantics (a
 * later cell of the same member replaces the earlier one, which keeps its place) but held in
 * arrays: a table of 36 000 library rows has 28 lines of 36 000 members, and a Map per line cost
 * more than the rest of its relations.
 */
export class Line {
  private readonly at: Array<TableCell | undefined> = [];
  private readonly order: number[] = [];

  /** `pos` and `names` number the members, shared by every line of the dimension. */
  constructor(
    private readonly pos: Map<string, number>,
    private readonly names: string[],
  ) {}

  set(member: string, cell: TableCell): void {
    let i = this.pos.get(member);
    if (i === undefined) {
      i = this.names.length;
      this.pos.set(member, i);
      this.names.push(member);
    }
    if (this.at[i] === undefined) this.order.push(i);
    this.at[i] = cell;
  }

  get(member: string): TableCell | undefined {
    const i = this.pos.get(member);
    return i === undefined ? undefined : this.at[i];
  }

  has(member: string): boolean {
    return this.get(member) !== undefined;
  }

  /** The cells of the members `keep` accepts, in that order. */
  cellsWhere(keep: (member: string) => boolean): TableCell[] {
    const out: TableCell[] = [];
    // Indexed: on one 36 000-row table, for-of made an iterator result per member (like the per-cell loops elsewhere).
    for (let k = 0; k < this.order.length; k++) {
      const i = this.order[k];
      if (keep(this.names[i])) out.push(this.at[i]!);
    }
    return out;
  }
}

/** A table's lines per dimension: a pure memo per table (tables are made per analysis, never changed). */
const lineCache = new WeakMap<TableModel, Map<string, Map<string, Line>>>();

/** Cells grouped by every key part except `dim` (one group = one line of the relation). */
export function linesOf(t: TableModel, dim: string, measure: string): Map<string, Line> {
  let perTable = lineCache.get(t);
  if (!perTable) lineCache.set(t, (perTable = new Map()));
  const ck = `${dim}\u0001${measure}`;
  const hit = perTable.get(ck);
  if (hit) return hit;
  const out = new Map<string, Line>();
  perTable.set(ck, out);
  const pos = new Map<string, number>();
  const names: string[] = [];
  // The other dimensions name the group; with one other, its member alone does (no string built per cell).
  const others = t.def.dims.filter((d) => d.id !== dim).map((d) => d.id);
  const only = others.length === 1 && t.def.dims.length === 2 ? others[0] : undefined;
  for (let ci = 0; ci < t.cells.length; ci++) {
    const c = t.cells[ci];
    if ((c.key.measure ?? 'value') !== measure) continue;
    const m = c.key[dim];
    if (m === undefined) continue;
    let g = '';
    if (only !== undefined) g = c.key[only] ?? '';
    else for (const d of t.def.dims) g += d.id === dim ? ';' : `${c.key[d.id] ?? ''};`;
    let line = out.get(g);
    if (!line) out.set(g, (line = new Line(pos, names)));
    line.set(m, c);
  }
  return out;
}
