// Parts nested in an item: `в том числе` / `из них` rows under a row, an `из них` block of columns
// under the block before it. Exhaustive parts sum to their item; partial ones stay at or below it.
import { labelKey } from '../grid/labels';
import { plus, type AxisView } from './axis';
import { wholeByWords } from './classify';
import { accepted, type GenericRel, type LinearRel, type Score } from './relations';

/** The most parts a `в том числе` item is read with when no indentation bounds them. */
const MAX_PARTS = 15;

const ENDS_WITH_MARK = /(в том числе|в т ч|из них|включая)$/;
const ENDS_WITH_ALL = /(в том числе|в т ч|включая)$/;

export function nests(v: AxisView, out: GenericRel[]): void {
  if (v.axis === 'col') return blockNests(v, out);
  const items = v.items;
  const groups: Group[] = [];
  for (let p = 0; p < items.length; p++) {
    const it = items[p];
    if (!v.isAmount(p) || it.mark) continue;
    const next = items[p + 1];
    const colon = /:\s*$/.test(it.label) || ENDS_WITH_MARK.test(it.key);
    const marked = next?.mark !== undefined;
    const deeper = next !== undefined && next.indent > it.indent;
    if (!next || (!colon && !marked && !deeper)) continue;
    const exhaustive = marked
      ? next.mark === 'all'
      : colon
        ? ENDS_WITH_ALL.test(it.key) || !/из них/.test(it.key)
        : false;
    const run = partsRun(v, p);
    if (!run.length) continue;
    const bounded = deeper || run.every((k) => items[k].mark !== undefined);
    // `По возрасту:` over its parts, no figures of its own: a heading, not a total to fill.
    if (it.empty && deeper && /:\s*$/.test(it.label) && !/(^| )(всего|итого)( |$)/.test(it.key)) {
      groups.push({ at: p, parts: run });
      for (const k of run) v.nestedIn.set(k, p);
      continue;
    }
    // Bounded by indentation or marks: the parts are known; else the numbers choose how many.
    // Longest first: with no figures to tell (a template), the parts run to the section's end.
    const extents = bounded ? [run.length] : run.map((_, e) => run.length - e);
    const cands = extents.map((e) =>
      v.linear(p, run.slice(0, e).map(plus), 'sum-mismatch', exhaustive),
    );
    const exact = exhaustive || bounded ? undefined : exactRun(v, cands);
    let b = exhaustive || bounded ? v.best(cands) : exact;
    // Indented parts with no mark: whole where their figures add up (`Число пользователей, всего`).
    if (b && b.rel.type === 'linear' && !exhaustive && !exact) {
      const whole = v.best([{ ...b.rel, exhaustive: true }]);
      if (
        whole &&
        (whole.score.holds * 3 >= whole.score.known * 2 || / всего$|^всего /.test(it.key))
      )
        b = whole;
    }
    if (!b || b.rel.type !== 'linear') continue;
    out.push(b.rel);
    for (const x of b.rel.terms) v.nestedIn.set(x.at, p);
    const whole = p;
    // Parts side by side are passed over; parts with their own `из них` between them are read in turn.
    if (b.rel.terms.every((x, j) => x.at === p + 1 + j)) p += b.rel.terms.length;
    // `из них: онлайн` rows after the parts (partsRun stops there): each a part of the whole again,
    // at most it (of the whole or of the part just above, it is within the whole either way); one
    // indented deeper than the parts (`из них: пенсионеры` under `взрослые`) is of the last part.
    const last = b.rel.terms[b.rel.terms.length - 1].at;
    for (let k = p + 1; k < items.length && items[k].mark === 'some' && v.isAmount(k); k++) {
      const of = items[k].indent > items[last].indent ? last : whole;
      const one = v.best([v.linear(of, [plus(k)], 'sum-mismatch', false)]);
      if (one) out.push(one.rel);
    }
  }
  headingWholes(v, groups, out);
}

/** A breakdown under a heading (`По возрасту:` and its parts). */
interface Group {
  at: number;
  parts: number[];
}

/**
 * Breakdowns under headings (`Имеют образование:`, `По возрасту:`, `По стажу работы:`), each of one
 * whole above them (`из них основной персонал`): the whole their sums equal in most places, all
 * breakdowns judged together. No label names it, so the relation is inferred (warnings).
 */
function headingWholes(v: AxisView, groups: Group[], out: GenericRel[]): void {
  if (!groups.length) return;
  const first = Math.min(...groups.map((g) => g.at));
  let top: { rels: GenericRel[]; holds: number; known: number } | undefined;
  for (let w = 0; w < first; w++) {
    if (!v.isAmount(w) || v.items[w].empty) continue;
    const rels = groups.map((g) => ({ ...v.linear(w, g.parts.map(plus), 'sum-mismatch'), inferred: true }));
    const s = v.scoreAll(rels);
    if (!top || s.holds > top.holds) top = { rels, holds: s.holds, known: s.known };
  }
  if (top && top.holds >= 2 && top.holds * 2 > top.known) out.push(...top.rels);
}

/**
 * `из них:` parts with nothing to bound them (no indentation, a mark on the first only): the rows
 * are its parts as far as they add up to it exactly in some place (the most such places, one at
 * least), read as partial (at most the whole) since `из них` says so.
 */
function exactRun(v: AxisView, cands: LinearRel[]): { rel: GenericRel; score: Score } | undefined {
  // A row that is a whole of its own (`Число обращений … (всего)`) starts another item, not a part.
  const own = (c: LinearRel) => c.terms.some((x) => /(^| )всего( |$)/.test(v.items[x.at].key));
  const exact = v.best(cands.filter((c) => !own(c)).map((c) => ({ ...c, exhaustive: true })));
  if (!exact || exact.score.holds === 0 || exact.rel.type !== 'linear') return undefined;
  const rel: LinearRel = { ...exact.rel, exhaustive: false };
  return { rel, score: v.score(rel) };
}

/** The items that may be parts of item `p`: after it, deeper or marked, until a total or heading. */
function partsRun(v: AxisView, p: number): number[] {
  const items = v.items;
  const out: number[] = [];
  const deeper = items[p + 1].indent > items[p].indent;
  for (let k = p + 1; k < items.length && out.length < MAX_PARTS; k++) {
    const it = items[k];
    if (it.role.type === 'total' || (it.empty && !it.mark) || !v.isAmount(k)) break;
    if (deeper && it.indent <= items[p].indent) break;
    // A part's own parts (`из них библиотечное` under `высшее`, indented deeper): not this item's.
    if (deeper && it.indent > items[p + 1].indent) continue;
    if (!deeper && out.length && /:\s*$/.test(it.label)) break;
    // `из них: онлайн` after the `в том числе` parts is a part of the whole again, not one of them.
    if (out.length && it.mark === 'some' && items[p + 1].mark !== 'some') break;
    out.push(k);
  }
  return out;
}

/**
 * A block of columns under `из них` / `в том числе`: its columns of one year (or one inner label)
 * are parts of the column of that year in the block before it. The relation is judged over the
 * whole block (a one-row table gives one line per column): `из них` parts that add up to their
 * whole in most places are read as exhaustive.
 */
function blockNests(v: AxisView, out: GenericRel[]): void {
  const blocks = [...new Set(v.block)];
  for (const b of blocks) {
    const mark = v.blockMark[v.blockItems(b)[0]];
    if (!mark) continue;
    const whole = blocks.filter((x) => x < b && !v.blockMark[v.blockItems(x)[0]]).pop();
    if (whole === undefined) continue;
    const family: LinearRel[] = [];
    for (const i of v.blockItems(whole)) {
      if (!v.isAmount(i)) continue;
      const terms = v.blockItems(b).filter((k) => v.isAmount(k) && sameSlot(v, i, k));
      if (terms.length) family.push(v.linear(i, terms.map(plus), 'sum-mismatch'));
    }
    // No column of the same year or label: the parts are of the amount just before the block.
    if (!family.length) {
      const single = v.wholeBefore(v.blockItems(b)[0]);
      const parts = v.blockItems(b).filter((k) => v.isAmount(k));
      if (single !== undefined && parts.length > 1)
        family.push(v.linear(single, parts.map(plus), 'sum-mismatch'));
    }
    if (!family.length) continue;
    const exhaustive = v.scoreAll(family);
    const partial = family.map((r) => ({ ...r, exhaustive: false }));
    // Parts whose words say they are the whole (both sexes, age bands, `прочие`) need no figures to tell.
    const words = wholeByWords(
      family.flatMap((r) =>
        r.terms.map((x) => [...v.items[x.at].path, v.items[x.at].label].map(labelKey).join(' ')),
      ),
    );
    const sure =
      exhaustive.known === 0
        ? words && exhaustive.emptyTargets > 0
        : exhaustive.holds * 2 > exhaustive.known;
    // `из них` parts read as the whole on their numbers alone: no label states it, so where they
    // miss it the finding is a warning.
    if (accepted(exhaustive, true) && (mark === 'all' || sure))
      out.push(...(mark === 'all' || words ? family : family.map((r) => ({ ...r, inferred: true }))));
    else if (mark === 'some') {
      // Parts of `из них` under several headings may overlap (libraries with Internet for readers,
      // with broadband): each is at most its whole, their sum need not be.
      const each = family.flatMap((r) =>
        r.terms.map((x) => ({ ...r, terms: [x], exhaustive: false })),
      );
      // Parts that do not overlap (money spent on repairs, on furniture, on equipment) add up to at
      // most their whole: read so where their sums stay within it in two places of three at least.
      const within = v.scoreAll(partial);
      if (
        family.some((r) => r.terms.length > 1) &&
        within.known >= 3 &&
        within.holds * 3 >= within.known * 2
      )
        out.push(...partial);
      else if (accepted(v.scoreAll(each), true))
        out.push(...(family.every((r) => r.terms.length === 1) ? partial : each));
    }
  }
}


/** Two columns of different blocks hold the same year, or the same inner label. */
function sameSlot(v: AxisView, a: number, b: number): boolean {
  const x = v.items[a];
  const y = v.items[b];
  if (x.year !== undefined || y.year !== undefined) return x.year === y.year;
  return labelKey(x.label) === labelKey(y.label);
}
