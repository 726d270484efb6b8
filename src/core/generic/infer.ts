// Reads the relations of a table of no known kind from its labels, each confirmed by its numbers:
// nested parts, totals and subtotals, changes, shares, growths, indicators and balances, along both
// axes; and, where no label states it, a total the numbers show in most places (a warning only).
import { labelKey } from '../grid/labels';
import { AxisView, minus, plus } from './axis';
import type { GenericTable } from './read';
import { accepted, type GenericRel, type Part } from './relations';
import { nests } from './nests';
import { withSums } from './with-sums';
import { wholeByWords } from './classify';
import { indicators } from './indicators';

/**
 * Every relation the table's labels state and its numbers confirm, and those its numbers show.
 * Sums come first; shares, changes and indicators are then judged with the sums' empty targets
 * filled in (a template's `%` of a `Всего` still to be summed).
 */
export function inferRelations(t: GenericTable): GenericRel[] {
  const out: GenericRel[] = [];
  const views = (['row', 'col'] as const).map((axis) => new AxisView(t, axis));
  for (const v of views) {
    nests(v, out);
    totals(v, out);
    balances(v, out);
    unlabelledTotals(v, out);
  }
  let filled = withSums(t, out);
  // A grand total of subtotals still to be summed is judged with them summed.
  if (filled !== t) {
    for (const v of views) {
      v.t = filled;
      totals(v, out);
    }
    filled = withSums(t, out);
  }
  for (const v of views) {
    v.t = filled;
    changes(v, out);
    shares(v, out);
    indicators(v, out);
  }
  return out;
}

function take(v: AxisView, out: GenericRel[], cands: GenericRel[], stated = true): boolean {
  const b = v.best(cands, stated);
  if (b) out.push(b.rel);
  return b !== undefined;
}

/** Top-level items of a run (items nested in another item are counted in it), amounts only. */
function topLevel(v: AxisView, run: number[]): Part[] {
  return run.filter((i) => !v.nestedIn.has(i) && v.isAmount(i) && !v.items[i].empty).map(plus);
}

/** The items from `i` stepping by `step` until a total, an empty heading item or the block's end. */
function runFrom(v: AxisView, i: number, step: 1 | -1): number[] {
  const out: number[] = [];
  for (let k = i + step; k >= 0 && k < v.items.length && v.block[k] === v.block[i]; k += step) {
    const it = v.items[k];
    if (it.role.type === 'total') break;
    if (it.empty && v.axis === 'row' && !v.nestedIn.has(k)) {
      // A heading row over a section ends the run above it; one under a total ends the run below.
      if (step === -1 || out.length) break;
      continue;
    }
    out.push(k);
  }
  return out;
}

/** `Всего` / `Итого` items: the sum of the items of their group before or after them, or of the subtotals. */
function totals(v: AxisView, out: GenericRel[]): void {
  const totalsAt = v.items.map((it, i) => (it.role.type === 'total' ? i : -1)).filter((i) => i >= 0);
  for (const i of totalsAt) {
    if (out.some((r) => r.axis === v.axis && r.target === i && r.type === 'linear' && r.rule === 'sum-mismatch')) continue;
    if (v.nestedIn.has(i) && out.some((r) => r.type === 'linear' && r.axis === v.axis && r.target === v.nestedIn.get(i))) continue;
    const cands: GenericRel[] = [];
    for (const step of [-1, 1] as const) {
      // In the table's order: the message shows the arithmetic as the table reads.
      let parts = topLevel(v, runFrom(v, i, step)).sort((a, b) => a.at - b.at);
      // `из них …` after the parts of a flat list is of the total (at most it), not one more part.
      const some = parts.filter((x) => v.items[x.at].mark === 'some');
      if (some.length && some.length < parts.length) {
        parts = parts.filter((x) => v.items[x.at].mark !== 'some');
        for (const x of some) take(v, out, [v.linear(i, [x], 'sum-mismatch', false)]);
      }
      // `всего | из них для детей`: each `из них` item is at most the total, their sum need not be.
      if (parts.length && parts.every((x) => v.items[x.at].mark === 'some')) {
        for (const x of parts) take(v, out, [v.linear(i, [x], 'sum-mismatch', false)]);
        continue;
      }
      if (parts.length) cands.push(v.linear(i, parts, 'sum-mismatch'));
    }
    // `Всего | в том числе: бюджет | внебюджет`: the block after the total, under its mark.
    const nextBlock = v.block[i] + 1;
    const after = v.blockItems(nextBlock);
    if (after.length && v.blockMark[after[0]] === 'all' && i === v.blockItems(v.block[i]).pop()) cands.push(v.linear(i, topLevel(v, after), 'sum-mismatch'));
    // `Всего | из них: женщин, мужчин | из них по образованию: …`: the breakdown whose parts add up
    // to it, where the figures show one (an \`из них\` breakdown need not be whole: no figures, no sum).
    if (after.length && v.blockMark[after[0]] === 'some' && i === v.blockItems(v.block[i]).pop()) {
      const some = [];
      for (let b = nextBlock; v.blockItems(b).length && v.blockMark[v.blockItems(b)[0]] === 'some'; b++) some.push(v.linear(i, topLevel(v, v.blockItems(b)), 'sum-mismatch'));
      const b = v.best(some.filter((r) => r.type === 'linear' && r.terms.length > 1));
      const words = (r: GenericRel) => r.type === 'linear' && wholeByWords(r.terms.map((x) => [...v.items[x.at].path, v.items[x.at].label].map(labelKey).join(' ')));
      if (b && b.score.known > 0 && b.score.holds * 3 >= b.score.known * 2) cands.push(b.rel);
      else if (b && b.score.known === 0) cands.push(...some.filter(words));
    }
    const others = totalsAt.filter((k) => k !== i && v.block[k] === v.block[i]);
    if (others.length) {
      // Subtotals: two at least (a grand total equal to its one subtotal is a copy, not a sum).
      if (others.filter((k) => k < i).length >= 2) cands.push(v.linear(i, others.filter((k) => k < i).map(plus), 'sum-mismatch'));
      // A grand total of every item that is no total and no part of another.
      const all = v.blockItems(v.block[i]).filter((k) => k !== i && v.items[k].role.type !== 'total');
      cands.push(v.linear(i, topLevel(v, all), 'sum-mismatch'));
    }
    const usable = cands.filter((c) => c.type === 'linear' && c.terms.length > 0);
    // A labelled total over one flat list, the only reading there is: exact in one line is enough
    // (a list with several slips in its total row fails in most lines).
    const only = usable.length === 1 && !v.items[i].unlabelled && v.score(usable[0]).holds >= 1 ? { rel: usable[0] } : undefined;
    const b = v.best(usable) ?? only;
    if (b && b.rel.type === 'linear') out.push(v.items[i].unlabelled ? { ...b.rel, inferred: true } : b.rel);
    else if (!b && grandOfSubtotals(v, out, i, others)) out.push(v.linear(i, others.filter((k) => k < i).map(plus), 'sum-mismatch'));
  }
}

/**
 * A grand total (`ВСЕГО`, `Всего по району`) under subtotals each confirmed as the sum of its
 * section is their sum even where it fails mostly (last year's totals left in it): the structure
 * states it, one line holding is enough.
 */
function grandOfSubtotals(v: AxisView, out: GenericRel[], i: number, others: number[]): boolean {
  const role = v.items[i].role;
  const subs = others.filter((k) => k < i);
  if (role.type !== 'total' || !role.grand || subs.length < 2) return false;
  if (!subs.every((k) => out.some((r) => r.type === 'linear' && r.axis === v.axis && r.target === k))) return false;
  return v.score(v.linear(i, subs.map(plus), 'sum-mismatch')).holds >= 1;
}

/** The items of i's block holding a year, newest last. */
function yearItems(v: AxisView, i: number): number[] {
  // A block of shares or indicators by year has its own `+/-`: a change of the indicator.
  const changeable = (k: number) => v.isAmount(k) || ['indicator', 'percent', 'not-summed'].includes(v.role(k));
  return v.blockItems(v.block[i]).filter((k) => v.items[k].year !== undefined && changeable(k) && k !== i).sort((a, b) => v.items[a].year! - v.items[b].year! || a - b);
}

/** The amounts other than `i` that hold a year and that `ok` accepts, oldest first. */
function datedAmounts(v: AxisView, i: number, ok: (k: number) => boolean = () => true): number[] {
  return v.items
    .map((_, k) => k)
    .filter((k) => k !== i && v.items[k].year !== undefined && v.isAmount(k) && ok(k))
    .sort((a, b) => v.items[a].year! - v.items[b].year! || a - b);
}

/** The newest of `ks` (oldest first) against the one before it, when each holds a year of its own. */
function lastTwo(v: AxisView, ks: number[]): Array<[number, number]> {
  const years = new Set(ks.map((k) => v.items[k].year));
  return ks.length >= 2 && years.size === ks.length ? [[ks[ks.length - 1], ks[ks.length - 2]]] : [];
}

/** A `+/-` block under its own heading (`+/- > кол-во`): pairs of the years' items of its inner label. */
function sameLabelPairs(v: AxisView, i: number): Array<[number, number]> {
  const key = labelKey(v.items[i].label);
  if (!key) return [];
  const same = datedAmounts(v, i, (k) => labelKey(v.items[k].label) === key);
  if (same.length < 2 || v.items[same[0]].year === v.items[same[same.length - 1]].year) return [];
  const last = same[same.length - 1];
  return same.length > 2 ? [[last, same[same.length - 2]], [last, same[0]]] : [[last, same[0]]];
}

/** `+/- дохода, руб.` beside the years' blocks of `Количество` and `Доход`: the years of the block it names. */
function namedBlockPairs(v: AxisView, i: number): Array<[number, number]> {
  const stems = v.items[i].key.split(' ').filter((w) => w.length > 3).map((w) => w.slice(0, Math.max(4, w.length - 3)));
  if (!stems.length) return [];
  const names = (k: number) => v.items[k].path.some((p) => labelKey(p).split(' ').some((w) => stems.some((s) => w.startsWith(s))));
  return lastTwo(v, datedAmounts(v, i, names));
}

/** Pairs (newer, older) a change or a growth at `i` may compare: by years, else the two items before it. */
function pairs(v: AxisView, i: number): Array<[number, number]> {
  const role = v.items[i].role;
  const ys = yearItems(v, i);
  const out: Array<[number, number]> = [];
  if (ys.length >= 2) {
    const last = ys[ys.length - 1];
    const base = role.type === 'delta' ? role.base : undefined;
    const b = base === undefined ? undefined : ys.find((k) => v.items[k].year === base);
    if (b !== undefined) return [[last, b]];
    out.push([last, ys[ys.length - 2]]);
    if (ys.length > 2) out.push([last, ys[0]]);
    return out;
  }
  const alike = sameLabelPairs(v, i);
  if (alike.length) return alike;
  const named = namedBlockPairs(v, i);
  if (named.length) return named;
  const before = v.blockItems(v.block[i]).filter((k) => k < i && v.isAmount(k));
  if (before.length >= 2) out.push([before[before.length - 1], before[before.length - 2]]);
  // A `+/-` of its own beside years' blocks (`2023 г. | 2024 г. | +/-`), one amount a year: those.
  if (!out.length) out.push(...lastTwo(v, datedAmounts(v, i)));
  // `План | Факт | +/-` written the other way round is rare: newer is the later item.
  return out;
}

/** `+/-`, `Отклонение`, `к 2022 г.`: newer − older; `темп роста`, `% к 2022`: newer / older × 100 (or − 100). */
function changes(v: AxisView, out: GenericRel[]): void {
  const deltas: Array<Map<string, GenericRel>> = [];
  const growths: Array<Map<string, GenericRel>> = [];
  v.items.forEach((it, i) => {
    const c = new Map<string, GenericRel>();
    if (it.role.type === 'delta') {
      pairs(v, i).forEach(([a, b], k) => c.set(`d${k}`, v.linear(i, [plus(a), minus(b)], 'delta-mismatch')));
      deltas.push(c);
    } else if (it.role.type === 'growth' || (it.role.type === 'percent' && /(^| )к (19|20)\d\d/.test(it.key))) {
      // The reading the label names first: with no figures to tell (a template) it is the one taken.
      const gain = it.role.type === 'growth' && it.role.gain;
      pairs(v, i).forEach(([a, b], k) => {
        const rate = v.ratio(i, [plus(a)], [plus(b)], 100);
        const more = v.ratio(i, [plus(a), minus(b)], [plus(b)], 100);
        if (gain) c.set(`r${k}`, more).set(`g${k}`, rate);
        else c.set(`g${k}`, rate).set(`r${k}`, more);
      });
      growths.push(c);
    }
  });
  // A family is the items of one label (`+/-` of every block); `Прирост, %` and `Темп роста, %` differ.
  for (const list of [deltas, growths]) for (const fam of byLabel(v, list).values()) takeFamily(v, out, fam);
}

function byLabel(v: AxisView, list: Array<Map<string, GenericRel>>): Map<string, Array<Map<string, GenericRel>>> {
  const out = new Map<string, Array<Map<string, GenericRel>>>();
  for (const c of list) {
    // An item with no pair to compare (a `+/-` with one year) has no candidate.
    const first = c.values().next().value;
    if (!first) continue;
    const key = v.items[first.target].key;
    out.set(key, [...(out.get(key) ?? []), c]);
  }
  return out;
}

/**
 * Candidates of several items read alike (every `+/-` column of a table, one per year block): the
 * reading that holds best over all of them is taken for each, judged by all their lines together
 * (a table of one row gives each item a single line).
 */
function takeFamily(v: AxisView, out: GenericRel[], family: Array<Map<string, GenericRel>>): void {
  if (!family.length) return;
  const names = [...new Set(family.flatMap((c) => [...c.keys()]))];
  let top: { name: string; holds: number; fails: number; ok: boolean } | undefined;
  for (const name of names) {
    const s = { holds: 0, fails: 0, known: 0, emptyTargets: 0 };
    for (const c of family) {
      const r = c.get(name);
      if (!r) continue;
      const x = v.score(r);
      s.holds += x.holds;
      s.fails += x.fails;
      s.known += x.known;
      s.emptyTargets += x.emptyTargets;
    }
    const ok = accepted(s, true);
    if (ok && (!top || s.holds > top.holds || (s.holds === top.holds && s.fails < top.fails))) top = { name, holds: s.holds, fails: s.fails, ok };
  }
  for (const c of family) {
    const r = top && c.get(top.name);
    if (r) out.push(r);
    else take(v, out, [...c.values()]);
  }
}

/** `%`, `доля`, `удельный вес`: an amount before it over the total of its breakdown, × 100. */
function shares(v: AxisView, out: GenericRel[]): void {
  v.items.forEach((it, i) => {
    if (it.role.type !== 'percent' || /(^| )к (19|20)\d\d/.test(it.key)) return;
    const before = v.blockItems(v.block[i]).filter((k) => k < i && v.isAmount(k));
    // A block of shares by year (`Удельный вес, % > 2022`): of the amount of that year in another block.
    const ofYear = it.year === undefined ? [] : v.items.map((_, k) => k).filter((k) => v.block[k] !== v.block[i] && v.items[k].year === it.year && v.isAmount(k));
    const num = before.length ? before[before.length - 1] : ofYear.length === 1 ? ofYear[0] : undefined;
    if (num === undefined) {
      // A share column first, of the amount after it (`% | чел.`).
      return;
    }
    const cands = [];
    // Of the whole an `из них` block breaks down: the amount just before the block.
    const whole = v.blockMark[i] ? v.wholeBefore(i) : undefined;
    if (whole !== undefined) cands.push(v.ratio(i, [plus(num)], [plus(whole)], 100));
    // Of the total line across: the line of the other axis that is a total.
    const totalLines = v.cross.map((c, j) => (c.role.type === 'total' ? j : -1)).filter((j) => j >= 0);
    for (const j of totalLines.reverse()) cands.push(v.ratio(i, [plus(num)], [plus(num)], 100, { denLine: j }));
    // Of a whole line the other axis's breakdowns add up to (`из них основной персонал`).
    const wholeLines = new Set(out.filter((r) => r.type === 'linear' && r.rule === 'sum-mismatch' && r.axis !== v.axis && r.exhaustive).map((r) => r.target));
    // Its lines are those below the whole (the breakdowns'), not the lines above it.
    for (const j of wholeLines) if (!totalLines.includes(j)) cands.push(v.ratio(i, [plus(num)], [plus(num)], 100, { denLine: j, lines: v.ratioLines.filter((k) => k > j) }));
    // Of a total item of this axis, or of the first amount of the block, or of the item before the part.
    // Of a total item before it: in its block, else before the block (`Всего | из них: Чел. | %`).
    const inBlock = v.blockItems(v.block[i]).filter((k) => k < num && v.items[k].role.type === 'total');
    const tot = inBlock.length ? inBlock : v.items.map((_, k) => k).filter((k) => k < num && v.items[k].role.type === 'total' && v.block[k] < v.block[i]);
    for (const k of tot.reverse()) cands.push(v.ratio(i, [plus(num)], [plus(k)], 100));
    // Of the parts of its block together (women and men under `из них`).
    const block = v.blockItems(v.block[i]).filter((k) => v.isAmount(k));
    if (block.length >= 2 && v.items[i].path.length) cands.push(v.ratio(i, [plus(num)], block.map(plus), 100));
    // `% выполнения`: of the plan.
    const plan = before.find((k) => /(^| )план( |$)/.test(v.items[k].key));
    if (/выполн/.test(it.key) && plan !== undefined) cands.unshift(v.ratio(i, [plus(num)], [plus(plan)], 100));
    if (before.length >= 2) {
      cands.push(v.ratio(i, [plus(num)], [plus(before[0])], 100));
      cands.push(v.ratio(i, [plus(num)], [plus(before[before.length - 2])], 100));
    }
    const parent = v.nestedIn.get(num);
    if (parent !== undefined) cands.push(v.ratio(i, [plus(num)], [plus(parent)], 100));
    // `Доля` may be written as a fraction (0,374): the figures tell, ×100 when they cannot.
    if (!/%/.test(it.label + it.path.join(' '))) for (const c of [...cands]) if (c.type === 'ratio') cands.push({ ...c, factor: 1 });
    take(v, out, cands);
  });
}

/** `на начало` + `поступило` − `выбыло` = `на конец`, in one block. */
function balances(v: AxisView, out: GenericRel[]): void {
  const byBlock = new Map<number, Partial<Record<'start' | 'in' | 'out' | 'end', number>>>();
  v.items.forEach((it, i) => {
    if (it.role.type !== 'balance') return;
    const m = byBlock.get(v.block[i]) ?? {};
    m[it.role.part] ??= i;
    byBlock.set(v.block[i], m);
  });
  for (const m of byBlock.values()) {
    if (m.start === undefined || m.in === undefined || m.out === undefined) continue;
    // Start, received, withdrawn (and end) named: the labels state the balance, whatever its numbers.
    if (m.end !== undefined) out.push(v.linear(m.end, [plus(m.start), plus(m.in), minus(m.out)], 'balance-mismatch'));
    // Years across: the start of a year is the end of the year before.
    const next = nextYears(v);
    if (!next.size) continue;
    const carry = m.end !== undefined ? [plus(m.end)] : [plus(m.start), plus(m.in), minus(m.out)];
    out.push({ ...v.linear(m.start, carry, 'balance-mismatch'), lines: [...next.keys()], next });
  }
}

/** Lines across that are consecutive years: each one's line → the next year's line. */
function nextYears(v: AxisView): Map<number, number> {
  const byYear = new Map<number, number>();
  v.cross.forEach((c, j) => c.year !== undefined && c.path.length <= 1 && !byYear.has(c.year) && byYear.set(c.year, j));
  const out = new Map<number, number>();
  for (const [y, j] of byYear) if (byYear.has(y + 1)) out.set(j, byYear.get(y + 1)!);
  return out;
}

/** With no total on the axis: the first or last item equal to the sum of the others in most lines. */
function unlabelledTotals(v: AxisView, out: GenericRel[]): void {
  if (v.items.some((it) => it.role.type === 'total')) return;
  const amounts = v.items.map((_, i) => i).filter((i) => v.isAmount(i) && !v.items[i].empty && !v.nestedIn.has(i) && v.items[i].year === undefined);
  if (amounts.length < 3) return;
  for (const i of [amounts[amounts.length - 1], amounts[0]]) {
    // A line a label already relates (the end of a stock's balance) is no unlabelled total.
    if (out.some((r) => r.axis === v.axis && r.target === i)) continue;
    const parts = amounts.filter((k) => k !== i).map(plus);
    if (take(v, out, [v.linear(i, parts, 'sum-mismatch', true, true)], false)) return;
  }
}

export type { Part };
