// Expands declared relations into concrete cell relations, shared by the rules and the fill.
import type { Relation, Source } from '../tables/definition';
import { hasValue, isPercentFormat } from '../grid/numbers';
import { linesOf, type Line } from './relation-lines';
import { fromShape, keepShape, shapeOf } from './relation-shapes';
import { selectYear, yearsOf } from '../tables/select';
import { cellRefs, type FormulaRef } from '../grid/formula-refs';
import { Candidates, columnBands } from './nearest-tables';
import { keyString, type Key, type TableCell, type TableModel } from '../tables/table';

export interface Term {
  table: TableModel;
  cell: TableCell;
  sign: 1 | -1;
}

export type Instance =
  /** `inferred`: no label states the sum, its numbers show it (exceptions are warnings). */
  | { type: 'sum'; table: TableModel; dim: string; target: TableCell; terms: Term[]; exhaustive: boolean; computed: boolean; inferred?: boolean }
  | { type: 'linear'; rule: 'balance-mismatch' | 'delta-mismatch'; table: TableModel; dim: string; target: TableCell; terms: Term[]; computed: true }
  | { type: 'subset'; table: TableModel; dim: string; sub: TableCell; sup: TableCell; computed: false }
  /** target = (Σ num) / (Σ den) × factor: a share (`%`) or an indicator recomputed from other tables. */
  | { type: 'ratio'; table: TableModel; target: TableCell; num: Term[]; den: Term[]; factor: number; computed: true };

/** The parts of a sum on one line: its listed parts, or (`rest`) every member but the total and rows nested under another row. */
function partCells(rel: Extract<Relation, { type: 'sum' }>, line: Line, t: TableModel): TableCell[] {
  if (rel.parts !== 'rest') return rel.parts.map((m) => line.get(m)).filter((c): c is TableCell => c !== undefined);
  const nests = t.nesting.size > 0;
  return line.cellsWhere((m) => m !== rel.total && !(nests && t.nesting.has(`${rel.dim}:${m}`)));
}

/** Each table's relation instances. Per table, and tables are made per analysis: no check sees another's. */
const cache = new WeakMap<TableModel, Instance[]>();

function term(t: TableModel, cell: TableCell, sign: 1 | -1 = 1): Term {
  return { table: t, cell, sign };
}

function declared(t: TableModel, out: Instance[]): void {
  for (const rel of t.def.relations) {
    if (rel.type === 'scores') continue;
    for (const members of linesOf(t, rel.dim, 'value').values()) {
      if (rel.type === 'sum') {
        const target = members.get(rel.total);
        if (!target) continue;
        const parts = partCells(rel, members, t);
        if (!parts.length) continue;
        out.push({ type: 'sum', table: t, dim: rel.dim, target, terms: parts.map((c) => term(t, c)), exhaustive: rel.exhaustive, computed: rel.exhaustive });
      } else if (rel.type === 'linear') {
        const target = members.get(rel.target);
        const plus = rel.plus.map((m) => members.get(m));
        const minus = rel.minus.map((m) => members.get(m));
        if (!target || plus.some((x) => !x) || minus.some((x) => !x)) continue;
        const terms = [...plus.map((c) => term(t, c!, 1)), ...minus.map((c) => term(t, c!, -1))];
        out.push({ type: 'linear', rule: rel.rule, table: t, dim: rel.dim, target, terms, computed: true });
      } else if (rel.type === 'subset') {
        const sub = members.get(rel.sub);
        const sup = members.get(rel.sup);
        if (sub && sup) out.push({ type: 'subset', table: t, dim: rel.dim, sub, sup, computed: false });
      }
    }
  }
}

/** Nested rows: a parent row is the sum of its `в том числе` rows, or at least of its `из них` rows. */
function nested(t: TableModel, out: Instance[]): void {
  if (!t.nesting.size) return;
  for (const dim of t.def.dims) {
    if (dim.type !== 'entities' || !dim.nested) continue;
    const children = new Map<string, { ids: string[]; exhaustive: boolean }>();
    for (const [k, n] of t.nesting) {
      if (!k.startsWith(`${dim.id}:`)) continue;
      const e = children.get(n.parent) ?? { ids: [], exhaustive: n.exhaustive };
      e.ids.push(k.slice(dim.id.length + 1));
      children.set(n.parent, e);
    }
    for (const members of linesOf(t, dim.id, 'value').values())
      for (const [parent, ch] of children) {
        const target = members.get(parent);
        const parts = ch.ids.map((m) => members.get(m)).filter((c): c is TableCell => !!c);
        if (target && parts.length) out.push({ type: 'sum', table: t, dim: dim.id, target, terms: parts.map((c) => term(t, c)), exhaustive: ch.exhaustive, computed: ch.exhaustive });
      }
  }
}

/** `%` cells: each part's share of its sum relation's total, on the same line. */
function percents(t: TableModel, out: Instance[]): void {
  for (let ci = 0; ci < t.cells.length; ci++) {
    const c = t.cells[ci];
    if (c.key.measure !== 'percent') continue;
    const valueKey: Key = { ...c.key };
    delete valueKey.measure;
    const num = t.byKey.get(keyString(t.def, valueKey));
    if (!num) continue;
    for (const rel of t.def.relations) {
      if (rel.type !== 'sum' || valueKey[rel.dim] === undefined) continue;
      const den = t.byKey.get(keyString(t.def, { ...valueKey, [rel.dim]: rel.total }));
      if (!den) continue;
      out.push({ type: 'ratio', table: t, target: c, num: [term(t, num)], den: [term(t, den)], factor: isPercentFormat(c.numberFormat) ? 1 : 100, computed: true });
      break;
    }
  }
}

/** `+/-` cells: the latest year minus the earliest, on the same line. */
function deltas(t: TableModel, out: Instance[]): void {
  const years = yearsOf(t, undefined);
  if (!years.keyed || years.years.length < 2) return;
  const first = String(years.years[0]);
  const last = String(years.years[years.years.length - 1]);
  for (let ci = 0; ci < t.cells.length; ci++) {
    const c = t.cells[ci];
    if (c.key.measure !== 'delta') continue;
    const base: Key = { ...c.key };
    delete base.measure;
    const a = t.byKey.get(keyString(t.def, { ...base, year: last }));
    const b = t.byKey.get(keyString(t.def, { ...base, year: first }));
    if (a && b) out.push({ type: 'linear', rule: 'delta-mismatch', table: t, dim: 'year', target: c, terms: [term(t, a, 1), term(t, b, -1)], computed: true });
  }
}

/** Gives a table its relations when recognition has read them already (a table of no known kind). */
export function presetInstances(t: TableModel, list: Instance[]): void {
  cache.set(t, list);
}

/** Relations inside one table (a table recognized like an earlier one reuses that one's, cell for cell). */
export function instances(t: TableModel): Instance[] {
  const hit = cache.get(t);
  if (hit) return hit;
  const like = t.like ?? t.cells;
  const shape = shapeOf(like);
  let out: Instance[];
  if (shape) out = fromShape(t, shape);
  else {
    out = [];
    declared(t, out);
    nested(t, out);
    percents(t, out);
    deltas(t, out);
    keepShape(like, t, out);
  }
  cache.set(t, out);
  return out;
}

/** How many copies of another table a relation between tables tries before it gives up. */
export const COPIES_TRIED = 3;

/**
 * Tables of each kind by the years they cover, built as asked: a source of an indicator is looked
 * for among the tables of its year only, wherever in the workbook they stand (5.1.1 of 2021 on
 * another sheet than the 5.4 it feeds, after the compositions of other years), and a sheet holding
 * one table of a kind per year lends each of them (none is crowded by another year's).
 */
class TablesByYear {
  private readonly lists = new Map<string, TableModel[]>();
  private readonly byYear = new Map<string, Map<number, Candidates | null>>();
  private readonly bands: Map<TableModel, number>;

  constructor(
    tables: TableModel[],
    private readonly reportingYear: number | undefined,
  ) {
    for (const t of tables) (this.lists.get(t.def.kind) ?? this.lists.set(t.def.kind, []).get(t.def.kind)!).push(t);
    this.bands = columnBands(tables);
  }

  /** Per kind and sheet, its tables by top. */
  private readonly bySheet = new Map<string, Map<TableModel['sheet'], TableModel[]>>();

  /**
   * Whether another table of t's kind stands nearer to `o` than t does, on their sheet and in t's
   * column band: `o` is then that table's source, not t's (one system's report after another down a
   * sheet: the second's 4.3 stands just under the first's 5.4, nearer still to its own 5.4).
   */
  claimed(t: TableModel, o: TableModel): boolean {
    if (o.sheet !== t.sheet) return false;
    let perSheet = this.bySheet.get(t.def.kind);
    if (!perSheet) this.bySheet.set(t.def.kind, (perSheet = new Map()));
    let list = perSheet.get(t.sheet);
    if (!list) perSheet.set(t.sheet, (list = (this.lists.get(t.def.kind) ?? []).filter((x) => x.sheet === t.sheet).sort((a, b) => a.area.top - b.area.top)));
    if (list.length < 2) return false;
    const mine = rowsBetween(t, o);
    if (mine === 0) return false;
    const band = this.bands.get(t);
    let i = 0;
    for (let n = list.length; i < n; ) {
      const mid = (i + n) >> 1;
      if (list[mid].area.top < o.area.top) i = mid + 1;
      else n = mid;
    }
    // The nearest others of t's kind below o and above it.
    for (let k = i; k < list.length; k++) {
      const x = list[k];
      if (x === t || this.bands.get(x) !== band) continue;
      if (rowsBetween(x, o) < mine) return true;
      break;
    }
    for (let k = i - 1; k >= 0; k--) {
      const x = list[k];
      if (x === t || this.bands.get(x) !== band) continue;
      if (rowsBetween(x, o) < mine) return true;
      break;
    }
    return false;
  }

  /** Per source and year: whether all its tables agree, and (when not) per sheet what it may read. */
  private readonly agreeing = new Map<Source, Map<number, true | Map<TableModel['sheet'], boolean | TableModel['sheet']>>>();

  /**
   * Which tables of a source's kind for `year` outside `sheet` a table there may read: all (true)
   * when they hold one value (one such table, or copies of one: the receipts printed twice). Tables
   * of several systems, one system per sheet or pair of sheets, differ: the one sheet named like
   * `sheet` (`Фонд 1` for `Обслуживание 1`, beside `Фонд 2`) is read, else none (false): which
   * system a table on another sheet goes with would be a guess.
   */
  lending(sheet: TableModel['sheet'], src: Source, year: number): boolean | TableModel['sheet'] {
    const list = this.of(src.kind, year)?.ordered;
    if (!list || list.length < 2) return true;
    let memo = this.agreeing.get(src);
    if (!memo) this.agreeing.set(src, (memo = new Map()));
    // Where every table of the workbook agrees, leaving one sheet out changes nothing.
    let same = memo.get(year);
    if (same === undefined) memo.set(year, (same = this.agree(list, src, year) ? true : new Map<TableModel['sheet'], boolean | TableModel['sheet']>()));
    if (same === true) return true;
    let out = same.get(sheet);
    if (out === undefined) {
      const others = list.filter((o) => o.sheet !== sheet);
      const named = this.agree(others, src, year) ? true : namedLike(sheet, others);
      out = named === true || named === false ? named : this.agree(others.filter((o) => o.sheet === named), src, year) && named;
      same.set(sheet, out);
    }
    return out;
  }

  private agree(list: TableModel[], src: Source, year: number): boolean {
    let first: Array<number | undefined> | undefined;
    for (const o of list) {
      const cells = selectYear(o, src.select, year, this.reportingYear);
      // An empty input cell (a copy still being filled in) lends nothing and contradicts nothing; an
      // empty computed cell (a total to fill) holds a value yet unknown, which agrees with none.
      const vs = (cells ?? []).map((c) => (hasValue(c.num) ? c.num.value : this.computedHere(o, c) ? NaN : undefined));
      if (vs.every((v) => v === undefined)) continue;
      if (!first) first = vs;
      else if (vs.length !== first.length || vs.some((v, i) => v !== first![i])) return false;
    }
    return true;
  }

  /** Per table, the targets of its own computed relations. */
  private readonly targets = new Map<TableModel, Set<TableCell>>();

  private computedHere(o: TableModel, c: TableCell): boolean {
    let set = this.targets.get(o);
    if (!set) {
      set = new Set();
      for (const inst of instances(o)) if (inst.computed) set.add(targetOf(inst));
      this.targets.set(o, set);
    }
    return set.has(c);
  }

  /** The tables of `kind` covering `year`, in workbook order (none: undefined). */
  of(kind: string, year: number): Candidates | undefined {
    let perYear = this.byYear.get(kind);
    if (!perYear) this.byYear.set(kind, (perYear = new Map()));
    let c = perYear.get(year);
    if (c === undefined) {
      const list = (this.lists.get(kind) ?? []).filter((o) => yearsOf(o, this.reportingYear).years.includes(year));
      perYear.set(year, (c = list.length ? new Candidates(list, undefined, this.bands) : null));
    }
    return c ?? undefined;
  }
}

/** The words of a sheet's name, in lower case (`Фонд 1` → фонд, 1). */
function nameWords(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/**
 * The one sheet of `others` whose name shares a word with `sheet`'s that not every one of them has
 * (`1` of `Фонд 1` for `Обслуживание 1`; `фонд` is every one's); false when none or several do.
 */
function namedLike(sheet: TableModel['sheet'], others: readonly TableModel[]): boolean | TableModel['sheet'] {
  const sheets = [...new Set(others.map((o) => o.sheet))];
  const words = sheets.map((s) => nameWords(s.name));
  const mine = nameWords(sheet.name);
  const telling = (w: string) => mine.has(w) && !words.every((ws) => ws.has(w));
  const hits = sheets.filter((_, i) => [...words[i]].some(telling));
  return hits.length === 1 ? hits[0] : false;
}

/** Rows between two tables (0 when their rows overlap), as nearest-tables.ts measures near. */
function rowsBetween(a: TableModel, b: TableModel): number {
  return Math.max(0, a.area.top - b.area.bottom, b.area.top - a.area.bottom);
}

/** The first alternative source that exists for that year, preferring one whose cells hold numbers. */
function pick(t: TableModel, byYear: TablesByYear, from: Source[], year: number, reportingYear: number | undefined, sign: 1 | -1, refs: readonly FormulaRef[]): Term[] | undefined {
  let fallback: Term[] | undefined;
  let found: Term[] | undefined;
  // A formula reading one of the alternatives (the fund from 5.1.1 rather than 5.3) decides which.
  const read = (src: Source) => !!byYear.of(src.kind, year + src.yearOffset)?.holdsAny(t, refs);
  const sources = refs.length ? [...from.filter(read), ...from.filter((src) => !read(src))] : from;
  // A table that is one of several of its kind for the year on its sheet borrows from no other sheet.
  const alone = !byYear.of(t.def.kind, year)?.crowded(t.sheet, year);
  for (const src of sources) {
    // The nearest few copies of the source table of that year (nearest-tables.ts): a workbook
    // repeating a table hundreds of times must not make every indicator read every copy.
    let tried = 0;
    byYear.of(src.kind, year + src.yearOffset)?.each(t, (o) => {
      // A table nearer to another of t's kind is that one's (unless a formula of t's reads it).
      if (!refs.length && byYear.claimed(t, o)) return ++tried >= COPIES_TRIED;
      const cells = selectYear(o, src.select, year + src.yearOffset, reportingYear);
      if (cells) {
        const terms = cells.map((c) => term(o, c, sign));
        if (cells.every((c) => hasValue(c.num))) found = terms;
        else fallback ??= terms;
      }
      return found !== undefined || ++tried >= COPIES_TRIED;
    }, refs, year + src.yearOffset, alone, () => byYear.lending(t.sheet, src, year + src.yearOffset));
    if (found) return found;
  }
  return fallback;
}

/** Indicators recomputed from other tables (declared as `derived`), one per indicator cell. */
export function derivedInstances(tables: TableModel[], reportingYear: number | undefined): Instance[] {
  const out: Instance[] = [];
  const byYear = new TablesByYear(tables, reportingYear);
  for (const t of tables)
    for (const d of t.def.derived) {
      const { years, keyed } = yearsOf(t, reportingYear);
      for (const y of years) {
        const here = selectYear(t, d.here, y, reportingYear);
        if (!here || here.length !== 1 || !keyed && t.year === undefined && reportingYear === undefined) continue;
        // An indicator written as a formula is checked against the tables it reads.
        const refs = cellRefs(here[0]);
        const num: Term[] = [];
        let ok = true;
        for (const n of d.num) {
          const terms = pick(t, byYear, n.from, y, reportingYear, n.sign, refs);
          if (!terms) ok = false;
          else num.push(...terms);
        }
        const den = ok ? pick(t, byYear, d.den, y, reportingYear, 1, refs) : undefined;
        if (!ok || !den) continue;
        out.push({ type: 'ratio', table: t, target: here[0], num, den, factor: isPercentFormat(here[0].numberFormat) ? d.factor / 100 : d.factor, computed: true });
      }
    }
  return out;
}

/** The cell an instance computes or checks. */
export function targetOf(inst: Instance): TableCell {
  return inst.type === 'subset' ? inst.sub : inst.target;
}

/** The cells an instance reads, with their tables. */
export function inputsOf(inst: Instance): Term[] {
  if (inst.type === 'sum' || inst.type === 'linear') return inst.terms;
  if (inst.type === 'ratio') return [...inst.num, ...inst.den];
  return [term(inst.table, inst.sup)];
}

/**
 * Values of every cell: the numbers shown, plus what empty computed cells would hold
 * (computed to a fixed point, so a Всего of empty row sums is known too).
 */
export class Values {
  /** Values of empty computed cells (the numbers shown are read from the cells themselves). */
  private computed = new Map<TableCell, number>();
  /** Empty computed cells → the value the fill would write. */
  readonly derived = new Map<TableCell, { inst: Instance; value: number }>();

  constructor(tables: TableModel[], extra: Instance[] = []) {
    // Instances that would fill an empty cell (a formula, even without a result, is not empty).
    const fills = (i: Instance) => i.computed && targetOf(i).num.kind === 'empty' && !targetOf(i).formula;
    const pending: Instance[] = [];
    for (const t of tables) for (const i of instances(t)) if (fills(i)) pending.push(i);
    for (const i of extra) if (fills(i)) pending.push(i);
    let changed = pending.length > 0;
    while (changed) {
      changed = false;
      for (const inst of pending) {
        const id = targetOf(inst);
        if (this.computed.has(id)) continue;
        const v = this.compute(inst);
        if (v === undefined) continue;
        this.computed.set(id, v);
        this.derived.set(id, { inst, value: v });
        changed = true;
      }
    }
  }

  get(_t: TableModel, c: TableCell): number | undefined {
    if (hasValue(c.num)) return c.num.value;
    return this.computed.size ? this.computed.get(c) : undefined;
  }

  private sum(terms: Term[]): number | undefined {
    let s = 0;
    for (let k = 0; k < terms.length; k++) {
      const x = terms[k];
      const v = this.get(x.table, x.cell);
      if (v === undefined) return undefined;
      s += x.sign * v;
    }
    return cleanSum(s);
  }

  /** The value an instance's target should hold, if all its inputs are known. */
  compute(inst: Instance): number | undefined {
    if (inst.type === 'sum' || inst.type === 'linear') return this.sum(inst.terms);
    if (inst.type === 'ratio') {
      const n = this.sum(inst.num);
      const d = this.sum(inst.den);
      if (n === undefined || d === undefined || d === 0) return undefined;
      return (n / d) * inst.factor;
    }
    return undefined;
  }
}

/** Removes binary noise from sums of decimals (0.1 + 0.2). */
export function cleanSum(s: number): number {
  // Sums of counts are whole: skip the string round trip for them.
  if (Number.isInteger(s)) return s;
  return Number(s.toPrecision(12));
}
