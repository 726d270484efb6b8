// One axis of a generic table seen for inference: its items, their blocks, their value types, and
// the lines across it a relation of each kind is checked on.
import { labelKey } from '../grid/labels';
import type { GenericTable, Item } from './read';
import { accepted, itemsOf, scoreLinear, scoreRatio, type Axis, type GenericRel, type LinearRel, type Part, type RatioRel, type Score } from './relations';
import { EXHAUSTIVE_MARK, PARTIAL_MARK } from './vocabulary';

/**
 * Roles whose values add up: sums run over them (a share, an indicator, a year or a code do not;
 * a change adds up too, but its own `+/-` relation already checks it: a sum over it would report
 * one slip twice).
 */
const SUMMED = new Set(['value', 'total', 'balance']);
/** Roles whose values are amounts a share or an indicator reads. */
const AMOUNT = new Set(['value', 'total', 'balance']);

export class AxisView {
  readonly items: Item[];
  readonly cross: Item[];
  /** Block index per item: columns under one outer header, rows of one table. */
  readonly block: number[];
  /** Mark of each item's block (`из них` over a block of columns). */
  readonly blockMark: Array<'all' | 'some' | undefined>;
  /** Lines for sums (amounts and changes across the axis) and for ratios (amounts only). */
  readonly sumLines: number[];
  readonly ratioLines: number[];
  /** Items that are part of another item of this axis (nested rows, `из них` columns). */
  readonly nestedIn = new Map<number, number>();

  constructor(
    /** The table's figures; once sums are read, with their empty targets filled in. */
    public t: GenericTable,
    readonly axis: Axis,
  ) {
    const { items, cross } = itemsOf(t, axis);
    this.items = items;
    this.cross = cross;
    this.block = [];
    this.blockMark = [];
    let b = 0;
    items.forEach((it, i) => {
      const outer = it.path[0] ?? '';
      if (i > 0 && outer !== (items[i - 1].path[0] ?? '')) b++;
      this.block.push(b);
      const k = labelKey(outer);
      this.blockMark.push(EXHAUSTIVE_MARK.test(k) ? 'all' : PARTIAL_MARK.test(k) ? 'some' : undefined);
    });
    // Empty lines too: a total row or a `%` column still to be filled.
    this.sumLines = cross.map((c, j) => (SUMMED.has(c.role.type) ? j : -1)).filter((j) => j >= 0);
    this.ratioLines = cross.map((c, j) => (AMOUNT.has(c.role.type) ? j : -1)).filter((j) => j >= 0);
  }

  role(i: number): string {
    return this.items[i].role.type;
  }

  isAmount(i: number): boolean {
    return AMOUNT.has(this.role(i));
  }

  /** Items of block `b`, in order. */
  blockItems(b: number): number[] {
    const out: number[] = [];
    this.block.forEach((x, i) => x === b && out.push(i));
    return out;
  }

  /** The whole an `из них` block at item `i` breaks down: the last amount of the nearest unmarked block before it. */
  wholeBefore(i: number): number | undefined {
    for (let b = this.block[i] - 1; b >= 0; b--) {
      const items = this.blockItems(b);
      if (!items.length || this.blockMark[items[0]]) continue;
      return items.filter((k) => this.isAmount(k)).pop();
    }
    return undefined;
  }

  linear(target: number, terms: Part[], rule: LinearRel['rule'], exhaustive = true, inferred = false): LinearRel {
    return { type: 'linear', rule, axis: this.axis, target, terms, exhaustive, inferred, lines: this.sumLines };
  }

  ratio(target: number, num: Part[], den: Part[], factor: number, extra: Partial<RatioRel> = {}): RatioRel {
    return { type: 'ratio', axis: this.axis, target, num, den, factor, inferred: false, lines: this.ratioLines, ...extra };
  }

  score(r: GenericRel): Score {
    return r.type === 'ratio' ? scoreRatio(this.t, r) : scoreLinear(this.t, r);
  }

  /** The scores of a family of relations, added up. */
  scoreAll(rels: readonly GenericRel[]): Score {
    const s: Score = { holds: 0, fails: 0, known: 0, emptyTargets: 0 };
    for (const r of rels) {
      const x = this.score(r);
      s.holds += x.holds;
      s.fails += x.fails;
      s.known += x.known;
      s.emptyTargets += x.emptyTargets;
    }
    return s;
  }

  /**
   * The candidate whose numbers hold best (most lines holding, then fewest failing, then the first
   * given), if it is accepted.
   */
  best(cands: GenericRel[], stated = true): { rel: GenericRel; score: Score } | undefined {
    let top: { rel: GenericRel; score: Score } | undefined;
    for (const rel of cands) {
      const score = this.score(rel);
      if (!top || score.holds > top.score.holds || (score.holds === top.score.holds && score.fails < top.score.fails)) top = { rel, score };
    }
    if (!top || !accepted(top.score, stated)) return undefined;
    // Several readings fit equally and disagree where the table fails: which one the label means is a guess.
    return top;
  }
}

export function plus(at: number): Part {
  return { at, sign: 1 };
}

export function minus(at: number): Part {
  return { at, sign: -1 };
}
