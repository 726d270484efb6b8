// A table of no known kind as the engine's table model (kind `table`), and its relations as the
// cell relations every rule and the fill read.
import { defineTable } from '../tables/definition';
import type { Area } from '../grid/grid';
import { isNumberLike } from '../layout/blocks';
import type { SheetView } from '../grid/sheet-view';
import type { Instance, Term } from '../relations/relations';
import { labelKey } from '../grid/labels';
import { keyString, type TableCell, type TableModel } from '../tables/table';
import { inferRelations } from './infer';
import { readTable, type RoleMemo } from './read';
import type { Reading, ReadingMemo } from './reading-memo';
import { at, type GenericRel, type Part } from './relations';

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
  /** Builds the cell relations once the model exists (instances point at their table). */
  relations: (t: TableModel) => Instance[];
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
  const cells: TableCell[] = [];
  const grid: TableCell[][] = [];
  g.rows.forEach((ri, i) => {
    const line: TableCell[] = [];
    const row = area.top + ri.at;
    g.cols.forEach((ci, j) => {
      const col = area.left + ci.at;
      const cell = view.cell(row, col);
      let num = view.num(row, col);
      // Text in a table with nothing to check (opening hours, a phone) is not a misread number.
      // Words in a column of figures (a label the layout put there) are no misread number.
      if (
        num.kind === 'not-number' &&
        (!rels.length || !isNumberLike(num) || /(\p{L}.*){4}/u.test(num.text ?? ''))
      )
        num = { kind: 'empty' };
      const key = { row: `r${i}`, col: `c${j}` };
      const c: TableCell = {
        row,
        col,
        key,
        ks: keyString(GENERIC_TABLE, key),
        num,
        formula: cell?.formula,
        numberFormat: cell?.numberFormat,
      };
      line.push(c);
      cells.push(c);
    });
    grid.push(line);
  });
  if (!cells.some((c) => c.num.kind !== 'empty') && !rels.length) return undefined;
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
    cells,
    words,
    count: rels.length,
    relations: (t) => toInstances(t, grid, rels),
  };
}

function cellAt(grid: TableCell[][], rc: [number, number]): TableCell {
  return grid[rc[0]][rc[1]];
}

function terms(
  t: TableModel,
  grid: TableCell[][],
  rel: GenericRel,
  parts: Part[],
  j: number,
): Term[] {
  return parts.map((x) => ({ table: t, cell: cellAt(grid, at(rel.axis, x.at, j)), sign: x.sign }));
}

/** One instance per line a relation holds on. */
function toInstances(t: TableModel, grid: TableCell[][], rels: GenericRel[]): Instance[] {
  const out: Instance[] = [];
  const dim = (r: GenericRel) => (r.axis === 'row' ? 'row' : 'col');
  // An empty part adds nothing (a blank in a list is no figure), unless another relation fills it.
  const targets = new Set<TableCell>();
  for (const r of rels)
    for (const j of r.lines)
      targets.add(
        cellAt(grid, at(r.axis, r.target, r.type === 'linear' ? (r.next?.get(j) ?? j) : j)),
      );
  const kept = (ts: Term[]) => ts.filter((x) => x.cell.num.kind !== 'empty' || targets.has(x.cell));
  for (const r of rels) {
    // A total given on some lines and left empty on others (the price column of a price list) was
    // not wanted there: those are checked when they hold a figure, never filled.
    const given =
      r.type === 'linear' &&
      r.rule === 'sum-mismatch' &&
      r.lines.some((j) => cellAt(grid, at(r.axis, r.target, j)).num.kind !== 'empty');
    for (const j of r.lines) {
      const target = cellAt(
        grid,
        at(r.axis, r.target, r.type === 'linear' ? (r.next?.get(j) ?? j) : j),
      );
      if (r.type === 'linear') {
        const ts = kept(terms(t, grid, r, r.terms, j));
        if (!ts.length) continue;
        const computed = r.exhaustive && !r.inferred && !(given && target.num.kind === 'empty');
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
        const factor =
          target.num.percentFormat || /%/.test(target.numberFormat ?? '')
            ? r.factor / 100
            : r.factor;
        out.push({
          type: 'ratio',
          table: t,
          target,
          num: terms(t, grid, r, r.num, r.numLine ?? j),
          den: terms(t, grid, r, r.den, r.denLine ?? j),
          factor,
          computed: true,
        });
      }
    }
  }
  return out;
}
