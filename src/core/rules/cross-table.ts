// The same quantity reported in two tables must agree: declared links, and copies of one kind.
import type { Link } from '../tables/definition';
import { cellRefs, type FormulaRef } from '../grid/formula-refs';
import { hasValue } from '../grid/numbers';
import { COPIES_TRIED, instances } from '../relations/relations';
import { totalsOf } from '../tables/table-totals';
import { select, yearsOf } from '../tables/select';
import { keyString, type TableCell, type TableModel } from '../tables/table';
import { Candidates, columnBands } from '../relations/nearest-tables';
import { ref, what, type Rule, type RuleContext } from './rule';

function yearsOfT(t: TableModel, ctx: RuleContext): { years: number[]; keyed: boolean } {
  return yearsOf(t, ctx.reportingYear);
}

function value(t: TableModel, c: TableCell, ctx: RuleContext): number | undefined {
  return ctx.values.get(t, c);
}

/** Compares one link with one other table in one year; true when both sides could be read. */
function checkLink(t: TableModel, o: TableModel, link: Link, y: number, ctx: RuleContext): boolean {
  const here = yearsOfT(t, ctx);
  const there = yearsOfT(o, ctx);
  const oy = y + link.yearOffset;
  {
    const hc = select(t, link.here, y, here.keyed);
    if (!hc || hc.length !== 1) return false;
    const hv = value(t, hc[0], ctx);
    if (hv === undefined) return false;
    const counted = countOf(o, link.there);
    let others: TableCell[];
    let sum: number;
    if (counted) {
      // `#count`: how many rows the other table lists (libraries in the Model Standard grid).
      others = counted;
      sum = counted.length;
    } else {
      const oc = link.there.map((s) => select(o, s, oy, there.keyed));
      if (oc.some((x) => !x)) return false;
      others = oc.flat() as TableCell[];
      const ov = others.map((c) => value(o, c, ctx));
      if (ov.some((v) => v === undefined)) return false;
      sum = (ov as number[]).reduce((a, b) => a + b, 0);
    }
    if (Math.abs(sum - hv) < 1e-9) return true;
    const hereFirst = link.primary === 'here';
    const [pt, pc, pv, st, sc, sv] = hereFirst ? [t, hc, hv, o, others, sum] : [o, others, sum, t, hc, hv];
    if (pc.length !== 1) return true;
    if (counted) {
      ctx.report({
        table: t,
        cells: [ref(t, hc[0]), ...counted.map((c) => ref(o, c))],
        expected: sum,
        actual: hv,
        messageId: 'cross-table-mismatch/count',
        params: { what: what(t, hc[0]), actual: hv, other: o.def.title.ru, otherEn: o.def.title.en, expected: sum },
      });
      return true;
    }
    const values = sc.map((c) => value(st, c, ctx)!);
    const many = sc.length > 2;
    // A sum over many rows (every withdrawal reason) names the table and year, and shows the non-zero terms.
    const shown = many ? values.filter((v) => v !== 0) : values;
    ctx.report({
      table: pt,
      cells: [ref(pt, pc[0]), ...sc.map((c) => ref(st, c))],
      expected: sv,
      actual: pv,
      messageId: many ? 'cross-table-mismatch/sum' : undefined,
      params: { what: what(pt, pc[0]), actual: pv, other: st.def.title.ru, otherEn: st.def.title.en, otherWhat: sc.map((c) => what(st, c)), terms: shown.length ? shown : [0], expected: sv, otherTable: st.id, year: String(hereFirst ? oy : y) },
    });
  }
  return true;
}

/** The cells the formula of a link's cell reads (the tables holding them are compared first). */
function refsOf(t: TableModel, link: Link, y: number, ctx: RuleContext): readonly FormulaRef[] {
  const hc = select(t, link.here, y, yearsOfT(t, ctx).keyed);
  return cellRefs(hc && hc.length === 1 ? hc[0] : undefined);
}

/** The dimension a link counts the rows of (`#count`), per link (definitions are fixed). */
const countDims = new WeakMap<Link['there'], string | null>();
const counts = new WeakMap<TableModel, Map<string, TableCell[]>>();

/** For a `#count` selector: one cell per listed row of the other table (its totals left out). */
function countOf(o: TableModel, there: Link['there']): TableCell[] | undefined {
  let dim = countDims.get(there);
  if (dim === undefined) {
    const sel = there.find((x) => Object.values(x).includes('#count'));
    dim = sel ? Object.keys(sel).find((k) => sel[k] === '#count')! : null;
    countDims.set(there, dim);
  }
  if (dim === null) return undefined;
  let perTable = counts.get(o);
  if (!perTable) counts.set(o, (perTable = new Map()));
  let rows = perTable.get(dim);
  if (!rows) perTable.set(dim, (rows = rowsOf(o, dim)));
  return rows;
}

function rowsOf(o: TableModel, dim: string): TableCell[] {
  const totals = totalsOf(o, dim);
  const first = new Map<string, TableCell>();
  for (let ci = 0; ci < o.cells.length; ci++) {
    const c = o.cells[ci];
    const m = c.key[dim];
    if (m !== undefined && !totals.has(m) && !first.has(m)) first.set(m, c);
  }
  return [...first.values()];
}

/** Same layout and keys without positions: cell i of one is cell i of the other. */
function sameCells(a: TableModel, b: TableModel): boolean {
  return (a.like ?? a.cells) === (b.like ?? b.cells) && a.cells.every((c, i) => c.key === b.cells[i].key);
}

/** Per pair of layouts whose tables keep their layout's keys: the position in the first of each cell of the copy (-1: none). */
const alignments = new WeakMap<TableCell[], WeakMap<TableCell[], Int32Array>>();

/** For each cell of the copy, the first table's cell with the same key. */
function counterparts(first: TableModel, copy: TableModel): (i: number) => TableCell | undefined {
  if (sameCells(first, copy)) return (i) => first.cells[i];
  const lookup = (c: TableCell) => first.byKey.position(c.ks ?? keyString(first.def, c.key));
  if (!first.byKey.sharesLayout || !copy.byKey.sharesLayout) return (i) => {
    const at = lookup(copy.cells[i]);
    return at === undefined ? undefined : first.cells[at];
  };
  let perFirst = alignments.get(first.byKey.layout);
  if (!perFirst) alignments.set(first.byKey.layout, (perFirst = new WeakMap()));
  let at = perFirst.get(copy.byKey.layout);
  if (!at) {
    at = new Int32Array(copy.cells.length);
    for (let i = 0; i < copy.cells.length; i++) at[i] = lookup(copy.cells[i]) ?? -1;
    perFirst.set(copy.byKey.layout, at);
  }
  const positions = at;
  return (i) => (positions[i] < 0 ? undefined : first.cells[positions[i]]);
}

/**
 * Whether `copy` repeats the table `counterpart` maps it to: at least half of the counts both hold
 * (not both zero) agree. A report repeats a table with a slip or two (2 286 books in one copy, 286
 * in the other); a workbook of several libraries holds one table per library, which differ nearly
 * everywhere: no copies.
 */
function repeats(copy: TableModel, counterpart: (i: number) => TableCell | undefined): boolean {
  let both = 0;
  let equal = 0;
  for (let i = 0; i < copy.cells.length; i++) {
    const c = copy.cells[i];
    const f = counterpart(i);
    // Zeros agree in any two tables of a kind (no thefts, no floods), and shares in any two of the
    // same proportions (a system twice as large): neither proves a repeat.
    if (c.key.measure !== undefined || !f || !hasValue(f.num) || !hasValue(c.num) || (f.num.value === 0 && c.num.value === 0)) continue;
    both++;
    if (Math.abs(f.num.value - c.num.value) < 1e-9) equal++;
  }
  return 2 * equal >= both;
}

function checkCopies(first: TableModel, copy: TableModel, ctx: RuleContext): void {
  const counterpart = counterparts(first, copy);
  if (!repeats(copy, counterpart)) return;
  for (let i = 0; i < copy.cells.length; i++) {
    const c = copy.cells[i];
    const f = counterpart(i);
    if (!f || !hasValue(f.num) || !hasValue(c.num) || Math.abs(f.num.value - c.num.value) < 1e-9) continue;
    ctx.report({
      table: copy,
      cells: [ref(copy, c), ref(first, f)],
      expected: f.num.value,
      actual: c.num.value,
      messageId: 'cross-table-mismatch/copy',
      params: { what: what(copy, c), actual: c.num.value, expected: f.num.value, otherTable: first.id, otherRange: `${first.sheet.name}!${ref(first, f).address}` },
    });
  }
}

/** Relations a copy satisfies exactly, less those it breaks: the more consistent copy is the reference. */
function consistency(t: TableModel, ctx: RuleContext): number {
  let score = 0;
  for (const inst of instances(t)) {
    if (inst.type !== 'sum' && inst.type !== 'linear') continue;
    const target = ctx.values.get(t, inst.target);
    const expected = ctx.values.compute(inst);
    if (target === undefined || expected === undefined) continue;
    if (Math.abs(target - expected) < 1e-9) score++;
    else if (inst.type === 'linear' || inst.exhaustive || expected > target) score--;
  }
  return score;
}

/** Tables of one kind, the reference copy first (most consistent; the earliest on a tie). */
function byReference(tables: TableModel[], ctx: RuleContext): TableModel[] {
  const scored = tables.map((t, i) => ({ t, i, s: consistency(t, ctx) }));
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return scored.map((x) => x.t);
}

export const crossTableMismatch: Rule = {
  meta: { id: 'cross-table-mismatch', severity: 'error', description: { ru: 'Одна величина в двух таблицах различается', en: 'Same quantity differs between tables' }, messageIds: ['cross-table-mismatch', 'cross-table-mismatch/copy', 'cross-table-mismatch/count', 'cross-table-mismatch/sum'] },
  workbook(ctx) {
    const kinds = new Map<string, TableModel[]>();
    for (const t of ctx.tables) {
      if (!kinds.has(t.def.kind)) kinds.set(t.def.kind, []);
      kinds.get(t.def.kind)!.push(t);
    }
    const ordered = new Map([...kinds].map(([k, ts]) => [k, byReference(ts, ctx)]));
    // Tables of each kind by the years they cover: no table meets every other.
    const byYear = new Map<string, Map<number, Candidates>>();
    const bands = columnBands(ctx.tables);
    for (const [k, ts] of ordered) {
      const m = new Map<number, TableModel[]>();
      for (const o of ts) for (const y of yearsOfT(o, ctx).years) (m.get(y) ?? m.set(y, []).get(y)!).push(o);
      byYear.set(k, new Map([...m].map(([y, list]) => [y, new Candidates(list, undefined, bands)])));
    }
    for (const t of ctx.tables)
      for (const link of t.def.links)
        for (const y of yearsOfT(t, ctx).years) {
          // The nearest table of the other kind on t's sheet, else the reference copy, when comparable
          // (see nearest-tables.ts); copies are compared with their reference separately.
          const candidates = byYear.get(link.other)?.get(y + link.yearOffset);
          if (!candidates) continue;
          let tried = 0;
          const own = byYear.get(t.def.kind)?.get(y);
          const refs = refsOf(t, link, y, ctx);
          // A cell summing the same cell of several tables of its kind (a system's total of its
          // branches) has no one table of the other kind to agree with.
          if (refs.length > 1 && own && own.holdingCount(t, refs) > 1) continue;
          candidates.each(t, (o) => checkLink(t, o, link, y, ctx) || ++tried >= COPIES_TRIED, refs, y + link.yearOffset, !own?.crowded(t.sheet, y));
        }
    for (const ts of ordered.values()) {
      if (ts.length < 2 || !ts[0].def.copiesAgree) continue;
      for (const copy of ts.slice(1)) checkCopies(ts[0], copy, ctx);
    }
  },
};
