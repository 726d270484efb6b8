// A table of a known kind that has nothing to check by its definition (an indicators table whose
// inputs stand in its own rows, not in 4.3) is read by the table layer instead: it keeps its kind
// and gains the relations its own labels and numbers state.
import type { Definition } from '../tables/definition';
import type { Engine } from '../engine';
import { instances, presetInstances, targetOf, type Instance } from '../relations/relations';
import { KeyIndex, type TableCell, type TableModel } from '../tables/table';
import { GENERIC_TABLE, placeGeneric } from './model';

/** The table-layer definition under a known kind's name, one per kind. */
function asKind(def: Definition, memo: Map<string, Definition>): Definition {
  let d = memo.get(def.kind);
  if (!d) memo.set(def.kind, (d = { ...GENERIC_TABLE, kind: def.kind, title: def.title }));
  return d;
}

/**
 * Replaces, in place, each table of a known kind with no relations (or of a kind read by the table
 * layer) by its table-layer reading, if that has some.
 */
export function readUnchecked(tables: TableModel[], engine: Engine): void {
  const memo = new Map<string, Definition>();
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    if (
      t.def.kind === GENERIC_TABLE.kind ||
      (t.def.layer !== 'table' && instances(t).length) ||
      t.def.relations.some((r) => r.type === 'scores')
    )
      continue;
    const g = placeGeneric(engine.view(t.sheet), t.area, engine, true);
    if (!g || !g.count) continue;
    const def = asKind(t.def, memo);
    const model: TableModel = {
      ...t,
      def,
      cells: g.cells,
      byKey: new KeyIndex(def, g.cells),
      words: g.words,
      points: new Map(),
      found: new Map(),
      nesting: new Map(),
      like: undefined,
      title: undefined,
    };
    presetInstances(model, g.relations(model));
    tables[i] = model;
  }
}

/**
 * Adds to each table of a known kind the relations its own labels and numbers state where its
 * definition says nothing about a cell (nested `всего` rows of 4.3, a balance in a receipts table):
 * the table layer's reading of the same block, on the kind's own cells.
 */
export function addUnstated(tables: readonly TableModel[], engine: Engine): void {
  for (const t of tables) {
    if (
      t.def.kind === GENERIC_TABLE.kind ||
      t.def.layer === 'table' ||
      t.def.relations.some((r) => r.type === 'scores')
    )
      continue;
    const own = instances(t);
    if (!own.length) continue;
    const g = placeGeneric(engine.view(t.sheet), t.area, engine, true);
    if (!g || !g.count) continue;
    const at = new Map<number, TableCell>();
    for (const c of t.cells) at.set(c.row * 16384 + c.col, c);
    // A cell the kind computes keeps the kind's relation; one it only bounds (`из них` parts it
    // knows) may still be computed from the parts the layer reads.
    const taken = new Set<TableCell>(own.map(targetOf));
    const computed = new Set<TableCell>(
      own.filter((x) => x.computed || x.type !== 'sum').map(targetOf),
    );
    const bounded = new Map<TableCell, Instance[]>();
    for (const x of own)
      if (!computed.has(targetOf(x)))
        bounded.set(targetOf(x), [...(bounded.get(targetOf(x)) ?? []), x]);
    let added = false;
    // Computed instances on a cell the kind computes already are not made at all (most of a known table's).
    const wanted = (target: TableCell, isComputed: boolean) => !isComputed || !computed.has(target);
    const lent = (row: number, col: number) => at.get(row * 16384 + col);
    for (const inst of g.relations(t, lent, wanted)) {
      const target = targetOf(inst);
      // A sum over more parts than the kind's bound on the cell (`из них` parts read as the whole)
      // is added beside it; so is a check only (inferred, nothing computed) over other parts.
      const wider = widens(inst, bounded.get(target));
      const keep = inst.computed
        ? !computed.has(target) && wider
        : !taken.has(target) || (bounded.has(target) && wider) || anotherCheck(inst, own);
      if (!keep) continue;
      own.push(inst);
      taken.add(target);
      if (inst.computed) computed.add(target);
      added = true;
    }
    // Cells the kind does not name are described in the table layer's words (a copy: layouts share words).
    if (added) t.words = new Map([...t.words, ...g.words]);
  }
}

/** An inferred sum on a cell the kind relates, over other cells than any of the kind's there. */
function anotherCheck(inst: Instance, own: readonly Instance[]): boolean {
  if (inst.type !== 'sum' || inst.computed || !inst.inferred) return false;
  return !own.some((x) => targetOf(x) === inst.target && sameTerms(x, inst));
}

/** Two relations over the same cells. */
function sameTerms(a: Instance, b: Instance): boolean {
  if (a.type !== 'sum' || b.type !== 'sum' || a.terms.length !== b.terms.length) return false;
  const cells = new Set(a.terms.map((x) => x.cell));
  return b.terms.every((x) => cells.has(x.cell));
}

/** A sum over more parts than each of the kind's bounds on its cell, all of theirs among them. */
function widens(inst: Instance, bounds: Instance[] | undefined): boolean {
  if (!bounds || inst.type !== 'sum') return !bounds;
  const mine = new Set(inst.terms.map((x) => x.cell));
  return bounds.every(
    (b) => b.type === 'sum' && b.terms.length < mine.size && b.terms.every((x) => mine.has(x.cell)),
  );
}
