// Expands a table's declared relations into concrete cell relations, shared by the rules and the fill.
import type { Relation } from './definition';
import { hasValue, isPercentFormat } from './numbers';
import { keyString, type Key, type TableCell, type TableModel } from './table';

export interface Term {
  cell: TableCell;
  sign: 1 | -1;
}

export type Instance =
  | { type: 'sum'; table: TableModel; dim: string; target: TableCell; terms: Term[]; exhaustive: boolean; computed: boolean }
  | { type: 'linear'; table: TableModel; dim: string; target: TableCell; terms: Term[]; computed: true }
  | { type: 'subset'; table: TableModel; dim: string; sub: TableCell; sup: TableCell; computed: false }
  | { type: 'percent'; table: TableModel; dim: string; target: TableCell; num: TableCell; den: TableCell; fraction: boolean; computed: true };

/** Cells grouped by every key part except `dim` (one group = one line of the relation). */
function groups(t: TableModel, dim: string, measure: string): Map<string, Map<string, TableCell>> {
  const out = new Map<string, Map<string, TableCell>>();
  for (const c of t.cells) {
    if ((c.key.measure ?? 'value') !== measure) continue;
    const m = c.key[dim];
    if (m === undefined) continue;
    const rest: Key = { ...c.key, [dim]: '' };
    const g = keyString(t.def, rest);
    let map = out.get(g);
    if (!map) out.set(g, (map = new Map()));
    map.set(m, c);
  }
  return out;
}

function partIds(rel: Extract<Relation, { type: 'sum' }>, members: Map<string, TableCell>): string[] {
  if (rel.parts === 'rest') return [...members.keys()].filter((m) => m !== rel.total);
  return rel.parts.filter((m) => members.has(m));
}

/** The members of `dim` that are totals of a sum relation (left out of `*` selections). */
export function totalsOf(t: TableModel, dim: string): Set<string> {
  const s = new Set<string>();
  for (const r of t.def.relations) if (r.type === 'sum' && r.dim === dim) s.add(r.total);
  return s;
}

const cache = new WeakMap<TableModel, Instance[]>();

export function instances(t: TableModel): Instance[] {
  const hit = cache.get(t);
  if (hit) return hit;
  const out: Instance[] = [];
  for (const rel of t.def.relations) {
    if (rel.type === 'scores') continue;
    for (const members of groups(t, rel.dim, 'value').values()) {
      if (rel.type === 'sum') {
        const target = members.get(rel.total);
        const parts = partIds(rel, members);
        if (!target || !parts.length) continue;
        out.push({ type: 'sum', table: t, dim: rel.dim, target, terms: parts.map((m) => ({ cell: members.get(m)!, sign: 1 })), exhaustive: rel.exhaustive, computed: rel.exhaustive });
      } else if (rel.type === 'linear') {
        const target = members.get(rel.target);
        const plus = rel.plus.map((m) => members.get(m));
        const minus = rel.minus.map((m) => members.get(m));
        if (!target || plus.some((x) => !x) || minus.some((x) => !x)) continue;
        const terms: Term[] = [...plus.map((cell) => ({ cell: cell!, sign: 1 as const })), ...minus.map((cell) => ({ cell: cell!, sign: -1 as const }))];
        out.push({ type: 'linear', table: t, dim: rel.dim, target, terms, computed: true });
      } else if (rel.type === 'subset') {
        const sub = members.get(rel.sub);
        const sup = members.get(rel.sup);
        if (sub && sup) out.push({ type: 'subset', table: t, dim: rel.dim, sub, sup, computed: false });
      }
    }
  }
  // Percent cells: each part's share of its sum relation's total, on the same line.
  for (const c of t.cells) {
    if (c.key.measure !== 'percent') continue;
    const valueKey: Key = { ...c.key };
    delete valueKey.measure;
    const num = t.byKey.get(keyString(t.def, valueKey));
    if (!num) continue;
    for (const rel of t.def.relations) {
      if (rel.type !== 'sum' || valueKey[rel.dim] === undefined) continue;
      const den = t.byKey.get(keyString(t.def, { ...valueKey, [rel.dim]: rel.total }));
      if (!den) continue;
      out.push({ type: 'percent', table: t, dim: rel.dim, target: c, num, den, fraction: isPercentFormat(c.numberFormat), computed: true });
      break;
    }
  }
  cache.set(t, out);
  return out;
}

export function cellId(t: TableModel, c: TableCell): string {
  return `${t.sheet.name}\u0001${c.row}\u0001${c.col}`;
}

/**
 * Values of every cell: the numbers shown, plus what empty computed cells would hold
 * (computed to a fixed point, so a Всего of empty row sums is known too).
 */
export class Values {
  private known = new Map<string, number>();
  /** Empty computed cells → the value the fill would write. */
  readonly derived = new Map<string, { inst: Instance; value: number }>();

  constructor(tables: TableModel[]) {
    for (const t of tables) for (const c of t.cells) if (hasValue(c.num)) this.known.set(cellId(t, c), c.num.value);
    const pending = tables.flatMap(instances).filter((i) => i.computed && i.target.num.kind === 'empty' && !i.target.formula);
    let changed = true;
    while (changed) {
      changed = false;
      for (const inst of pending) {
        const id = cellId(inst.table, (inst as { target: TableCell }).target);
        if (this.known.has(id)) continue;
        const v = this.compute(inst);
        if (v === undefined) continue;
        this.known.set(id, v);
        this.derived.set(id, { inst, value: v });
        changed = true;
      }
    }
  }

  get(t: TableModel, c: TableCell): number | undefined {
    return this.known.get(cellId(t, c));
  }

  /** The value an instance's target should hold, if all its inputs are known. */
  compute(inst: Instance): number | undefined {
    const t = inst.table;
    if (inst.type === 'sum' || inst.type === 'linear') {
      let s = 0;
      for (const term of inst.terms) {
        const v = this.get(t, term.cell);
        if (v === undefined) return undefined;
        s += term.sign * v;
      }
      return cleanSum(s);
    }
    if (inst.type === 'percent') {
      const n = this.get(t, inst.num);
      const d = this.get(t, inst.den);
      if (n === undefined || d === undefined || d === 0) return undefined;
      return inst.fraction ? n / d : (n / d) * 100;
    }
    return undefined;
  }
}

/** Removes binary noise from sums of decimals (0.1 + 0.2). */
export function cleanSum(s: number): number {
  return Number(s.toPrecision(12));
}
