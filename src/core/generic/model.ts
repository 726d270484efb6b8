// A table of no known kind as the engine's table model (kind `table`), and its relations as the
// cell relations every rule and the fill read.
import { defineTable } from '../tables/definition';
import type { Area } from '../grid/grid';
import type { SheetView } from '../grid/sheet-view';
import type { Instance, Term } from '../relations/relations';
import { labelKey } from '../grid/labels';
import type { TableCell, TableModel } from '../tables/table';
import { inferRelations } from './infer';
import { readTable, type RoleMemo } from './read';
import type { Reading, ReadingMemo } from './reading-memo';
import { at, type GenericRel, type Part } from './relations';
import { CellGrid, type Lent } from './cell-grid';

/** The definition every table of no known kind shares: rows and columns keyed by position. */
export const GENERIC_TABLE = defineTable({
  kind: 'table',
  title: { ru: 'Таблица', en: 'Table' },
  valueType: 'amount',
  dims: [
    {
      id: 'row',
      type: 'members',
      members: [{ id: 'r', labels: ['строка'], words: { ru: 'строка', en: 'row' } }],
    },
    {
      id: 'col',
      type: 'members',
      members: [{ id: 'c', labels: ['графа'], words: { ru: 'графа', en: 'column' } }],
    },
  ],
  copiesAgree: false,
});

/** What recognition places for a block of no known kind. */
export interface GenericPlaced {
  area: Area;
  title: string;
  cells: TableCell[];
  words: Map<string, string>;
  /**
   * Builds the cell relations once the model exists (instances point at their table); `lent`: the
   * cells of a known table of the same block, which the relations use where it has one.
   */
  relations: (t: TableModel, lent?: Lent, wanted?: Wanted) => Instance[];
  count: number;
}

/** What the table layer keeps between readings: roles of labels and readings of blocks (the engine's). */
export interface GenericMemos {
  roles: RoleMemo;
  readings?: ReadingMemo;
}

/** Reads the block and infers its relations, as offsets from its top-left corner. */
function readBlock(view: SheetView, area: Area, roles?: RoleMemo): Reading | undefined {
  const g = readTable(view, area, roles);
  if (!g) return undefined;
  return {
    title: g.title,
    rows: g.rows.map((r) => ({
      at: r.at - area.top,
      label: r.label,
      ...(r.unlabelled ? { unlabelled: true } : {}),
    })),
    cols: g.cols.map((c) => ({ at: c.at - area.left, label: c.label, path: c.path })),
    rels: inferRelations(g),
  };
}

/** The block's reading: an earlier block's when one of the same content was read. */
function readingOf(view: SheetView, area: Area, memos?: GenericMemos): Reading | undefined {
  return memos?.readings
    ? memos.readings.readingOf(view, area, () => readBlock(view, area, memos.roles))
    : readBlock(view, area, memos?.roles);
}

/** Reads a block as a table of no known kind, if it has a header and numbers. */
export function placeGeneric(
  view: SheetView,
  area: Area,
  memos?: GenericMemos,
  onlyWithRelations = false,
): GenericPlaced | undefined {
  const g = readingOf(view, area, memos);
  if (!g) return undefined;
  const rels = g.rels;
  // A second reading of a known table wants relations only: no cells made for nothing.
  if (onlyWithRelations && !rels.length) return undefined;
  const grid = new CellGrid(view, area, g, GENERIC_TABLE);
  if (!grid.anyFigure() && !rels.length) return undefined;
  const words = new Map<string, string>();
  g.rows.forEach((r, i) =>
    words.set(
      `row:r${i}`,
      r.label ||
        (r.unlabelled ? 'Итого (строка без подписи)' : g.rows.length === 1 ? '' : `${i + 1}`),
    ),
  );
  // A mark alone (`в том числе:`) says nothing of the column.
  const said = (x: string) =>
    x !== '' && !/^(в том числе|в т ч|из них|из общего числа)$/.test(labelKey(x));
  g.cols.forEach((c, j) =>
    words.set(`col:c${j}`, [...c.path, c.label].filter(said).join(', ') || `${j + 1}`),
  );
  return {
    area,
    title: g.title,
    get cells() {
      return grid.all();
    },
    words,
    count: rels.length,
    relations: (t, lent, wanted) => toInstances(t, grid, rels, lent, wanted),
  };
}

type RC = [number, number];

/** Whether an instance on `target` (computed or only bounding it) would be kept by the caller. */
export type Wanted = (target: TableCell, computed: boolean) => boolean;

/**
 * One instance per line a relation holds on; `lent`: a known table's own cells, used where it has
 * one; `wanted`: whether an instance on this target would be used (its terms are not made if not).
 */
function toInstances(
  t: TableModel,
  grid: CellGrid,
  rels: GenericRel[],
  lent?: Lent,
  wanted?: Wanted,
): Instance[] {
  const out: Instance[] = [];
  const dim = (r: GenericRel) => (r.axis === 'row' ? 'row' : 'col');
  const cell = (rc: RC) => grid.cell(rc[0], rc[1], lent);
  const targetAt = (r: GenericRel, j: number) =>
    at(r.axis, r.target, r.type === 'linear' ? (r.next?.get(j) ?? j) : j);
  // An empty part adds nothing (a blank in a list is no figure), unless another relation fills it.
  const targets = new Set<number>();
  for (const r of rels) for (const j of r.lines) targets.add(grid.index(targetAt(r, j)));
  const terms = (r: GenericRel, parts: Part[], j: number, keep = false): Term[] => {
    const out: Term[] = [];
    for (const x of parts) {
      const rc = at(r.axis, x.at, j);
      if (keep && grid.num(rc).kind === 'empty' && !targets.has(grid.index(rc))) continue;
      out.push({ table: t, cell: cell(rc), sign: x.sign });
    }
    return out;
  };
  for (const r of rels) {
    // A total given on some lines and left empty on others (the price column of a price list) was
    // not wanted there: those are checked when they hold a figure, never filled.
    const given =
      r.type === 'linear' &&
      r.rule === 'sum-mismatch' &&
      r.lines.some((j) => grid.num(at(r.axis, r.target, j)).kind !== 'empty');
    for (const j of r.lines) {
      const rc = targetAt(r, j);
      const empty = grid.num(rc).kind === 'empty';
      if (r.type === 'linear') {
        const computed =
          r.rule !== 'sum-mismatch' || (r.exhaustive && !r.inferred && !(given && empty));
        const target = cell(rc);
        if (wanted && !wanted(target, computed)) continue;
        const ts = terms(r, r.terms, j, true);
        if (!ts.length) continue;
        if (r.rule === 'sum-mismatch')
          out.push({
            type: 'sum',
            table: t,
            dim: dim(r),
            target,
            terms: ts,
            exhaustive: r.exhaustive,
            computed,
            ...(r.inferred ? { inferred: true } : {}),
          });
        else
          out.push({
            type: 'linear',
            rule: r.rule,
            table: t,
            dim: dim(r),
            target,
            terms: ts,
            computed: true,
          });
      } else {
        if (wanted && !wanted(cell(rc), true)) continue;
        const factor =
          grid.num(rc).percentFormat || /%/.test(grid.format(rc) ?? '') ? r.factor / 100 : r.factor;
        out.push({
          type: 'ratio',
          table: t,
          target: cell(rc),
          num: terms(r, r.num, r.numLine ?? j),
          den: terms(r, r.den, r.denLine ?? j),
          factor,
          computed: true,
        });
      }
    }
  }
  return out;
}
