// Relations of a table as positions in its cell list, so that tables of one layout share them.
import { isPercentFormat } from '../grid/numbers';
import type { Instance, Term } from './relations';
import type { TableCell, TableModel } from '../tables/table';

type TermShape = { i: number; sign: 1 | -1 };

export type Shape =
  | { type: 'sum'; dim: string; target: number; terms: TermShape[]; exhaustive: boolean; computed: boolean }
  | { type: 'linear'; rule: 'balance-mismatch' | 'delta-mismatch'; dim: string; target: number; terms: TermShape[] }
  | { type: 'subset'; dim: string; sub: number; sup: number }
  /** A `%` cell: its factor follows the target's number format. */
  | { type: 'ratio'; target: number; num: TermShape[]; den: TermShape[]; factor: number };

/**
 * Keyed by the cell list of the first table of a layout. The first table's own relations are kept
 * as they are and turned into positions only when a second table of that layout asks: most
 * layouts of a varied workbook, and a huge one-off table, never have a second. Layouts are shared
 * only through one engine's layout cache (engine.ts), and a layout's relations are the same for
 * every table of it (the block-cache tests hold reuse to recognition from scratch).
 */
const shapes = new WeakMap<TableCell[], Shape[] | { first: TableModel; list: Instance[] }>();

/** Keeps a table's relations (`list`, as they are now) for the tables of its layout (`like`). */
export function keepShape(like: TableCell[], first: TableModel, list: Instance[]): void {
  shapes.set(like, { first, list: list.slice() });
}

/** The relations of the layout whose first table's cells are `like`, as positions. */
export function shapeOf(like: TableCell[]): Shape[] | undefined {
  const s = shapes.get(like);
  if (!s || Array.isArray(s)) return s;
  const shape = toShape(s.first, s.list);
  shapes.set(like, shape);
  return shape;
}

export function toShape(t: TableModel, list: Instance[]): Shape[] {
  const index = new Map<TableCell, number>();
  t.cells.forEach((c, i) => index.set(c, i));
  const at = (c: TableCell) => index.get(c)!;
  const terms = (xs: Term[]) => xs.map((x) => ({ i: at(x.cell), sign: x.sign }));
  return list.map((inst): Shape => {
    switch (inst.type) {
      case 'sum':
        return { type: 'sum', dim: inst.dim, target: at(inst.target), terms: terms(inst.terms), exhaustive: inst.exhaustive, computed: inst.computed };
      case 'linear':
        return { type: 'linear', rule: inst.rule, dim: inst.dim, target: at(inst.target), terms: terms(inst.terms) };
      case 'subset':
        return { type: 'subset', dim: inst.dim, sub: at(inst.sub), sup: at(inst.sup) };
      case 'ratio':
        return { type: 'ratio', target: at(inst.target), num: terms(inst.num), den: terms(inst.den), factor: inst.factor };
    }
  });
}

export function fromShape(t: TableModel, list: Shape[]): Instance[] {
  const cells = t.cells;
  const terms = (xs: TermShape[]): Term[] => xs.map((x) => ({ table: t, cell: cells[x.i], sign: x.sign }));
  return list.map((s): Instance => {
    switch (s.type) {
      case 'sum':
        return { type: 'sum', table: t, dim: s.dim, target: cells[s.target], terms: terms(s.terms), exhaustive: s.exhaustive, computed: s.computed };
      case 'linear':
        return { type: 'linear', rule: s.rule, table: t, dim: s.dim, target: cells[s.target], terms: terms(s.terms), computed: true };
      case 'subset':
        return { type: 'subset', table: t, dim: s.dim, sub: cells[s.sub], sup: cells[s.sup], computed: false };
      case 'ratio': {
        const target = cells[s.target];
        return { type: 'ratio', table: t, target, num: terms(s.num), den: terms(s.den), factor: isPercentFormat(target.numberFormat) ? 1 : 100, computed: true };
      }
    }
  });
}
