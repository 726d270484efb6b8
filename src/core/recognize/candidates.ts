// Which kinds a block is tried as (the words of its labels name them) and which texts are plain names.
import type { Definition } from '../tables/definition';
import { labelKey } from '../grid/labels';
import { BULLET } from '../layout/blocks';
import { isPercentLabel, matchesAnyLabel, pointsInPath } from './match';
import { isDashText, parseNumberText, parseYearText, yearInText } from '../grid/numbers';
import { EXHAUSTIVE_MARK, PARTIAL_MARK } from './members';
import { isDeltaLabel, type Paths } from './paths';
import type { Engine } from '../engine';

/** One workbook's recognition: its kinds, the engine it reports to, and whether every kind is tried on a block. */
export interface Run {
  defs: readonly Definition[];
  engine: Engine;
  /** Try every kind on a block, not only those its words name (see recognizeTryingEveryKind). */
  everyKind: boolean;
}

/** Whether a word of a text key starts with one of `words` (label keys). */
function speaks(k: string, words: readonly string[]): boolean {
  return k.split(' ').some((t) => words.some((w) => t.startsWith(w)));
}

/** A kind with `context` words is only that kind when the table (row labels and corner included) or its title speaks of them. */
export function inContext(p: Paths, def: Definition): boolean {
  if (def.notIn.length) {
    const not = def.notIn.map((w) => labelKey(w));
    if (p.title.some((k) => speaks(k, not))) return false;
  }
  if (!def.context.length) return true;
  const words = def.context.map((w) => labelKey(w));
  return p.context.some((k) => speaks(k, words));
}

/** Whether a text speaks of a kind's context word: it then decides a kind, so it is no plain name (plainName). */
function speaksOfContext(key: string, defs: readonly Definition[]): boolean {
  for (const d of defs) if (d.context.length && speaks(key, d.context.map((w) => labelKey(w)))) return true;
  return false;
}

/** Definitions indexed by the words of their labels, so a block is tried only against kinds it mentions. */
interface WordIndex {
  byWord: Map<string, Set<Definition>>;
  always: Definition[];
  /** The definitions a text key's words name, memoized (tables repeat their labels). */
  keyDefs: Map<string, Definition[]>;
}

/**
 * Per definition list (fixed once made): a pure memo of immutable input, which cannot change a
 * result, so it may outlive an engine.
 */
const wordIndex = new WeakMap<readonly Definition[], WordIndex>();

function indexOf(defs: readonly Definition[]): WordIndex {
  let idx = wordIndex.get(defs);
  if (idx) return idx;
  idx = { byWord: new Map(), always: [], keyDefs: new Map() };
  for (const def of defs) {
    if (def.dims.some((d) => d.type === 'entities' || d.type === 'scored')) {
      idx.always.push(def);
      continue;
    }
    for (const d of def.dims)
      if (d.type === 'members')
        for (const m of d.members)
          for (const l of m.labels)
            for (const w of labelKey(l).split(' ')) {
              if (!w) continue;
              if (!idx.byWord.has(w)) idx.byWord.set(w, new Set());
              idx.byWord.get(w)!.add(def);
            }
  }
  // Words most kinds use (`всего`, `на`, `года`) say nothing about the kind: leave them out.
  for (const [w, set] of idx.byWord) if (set.size >= 4 || w.length < 3) idx.byWord.delete(w);
  wordIndex.set(defs, idx);
  return idx;
}

/** The definitions any word of a text key names. */
function defsOfKey(idx: WordIndex, k: string): Definition[] {
  const keyDefs = idx.keyDefs;
  let out = keyDefs.get(k);
  if (!out) {
    const set = new Set<Definition>();
    for (const w of k.split(' ')) idx.byWord.get(w)?.forEach((d) => set.add(d));
    out = [...set];
    if (keyDefs.size > 100_000) keyDefs.clear();
    keyDefs.set(k, out);
  }
  return out;
}

/** The definitions whose label words appear in the block's headers or row labels (typos aside, a label shares a word). */
export function candidates(p: Paths, run: Run): Definition[] {
  const defs = run.defs;
  const idx = indexOf(defs);
  const hit = new Set<Definition>();
  // Kinds without fixed labels need what makes them: a `+/-` line, or points in the headers.
  const hasDelta = p.deltaCols.size > 0 || p.deltaRows.size > 0;
  let hasPoints: boolean | undefined;
  for (const d of idx.always) {
    if (d.deltaColumn && !hasDelta) continue;
    if (d.dims.some((x) => x.type === 'scored')) {
      hasPoints ??= [...p.colRaw.values()].some((raw) => pointsInPath(raw) !== undefined);
      if (!hasPoints) continue;
    }
    hit.add(d);
  }
  const see = (keys: string[]) => {
    for (const k of keys) for (const d of defsOfKey(idx, k)) hit.add(d);
  };
  if (run.everyKind) for (const d of defs) if (!idx.always.includes(d)) hit.add(d);
  for (const keys of p.colKeys.values()) see(keys);
  for (const keys of p.rowKeys.values()) see(keys);
  return defs.filter((d) => hit.has(d));
}

/** The longest text taken for a plain name. */
const MAX_NAME = 80;

/** Per definition list, texts known to be plain names or not (see plainName): a pure memo of immutable input. */
const plainMemo = new WeakMap<readonly Definition[], Map<string, boolean>>();

/**
 * A plain name (`Библиотека-филиал № 3, с. Казанка`): a text recognition reads in a row label only
 * as "a label is here", with its indent. It is no number, dash, year or `%` / `+/-` label, starts
 * with no bullet or `в том числе` / `из них`, states no points, matches no part of any label
 * of the kinds (members, totals, sum columns) and speaks of no kind's context word (row labels are
 * part of a table's context). A word of it may still name a kind to try
 * (`candidates`): a block is reused for another's names only when trying every kind on the first
 * gave what trying those named did (`recognizeTryingEveryKind`). Two such blocks that differ only in
 * these texts, in the rows of a list of libraries, recognize alike but for those rows' words
 * (block-cache.ts).
 */
export function plainName(defs: readonly Definition[], text: string): boolean {
  let memo = plainMemo.get(defs);
  if (!memo) plainMemo.set(defs, (memo = new Map()));
  let plain = memo.get(text);
  if (plain === undefined) {
    const t = text.trim();
    // A library's name is short; prose and captions are not asked about (matching them costs).
    const key = t.length <= MAX_NAME ? labelKey(t) : '';
    plain =
      key !== '' &&
      !/^[+\-\u2212]?\s*\d/.test(t) &&
      !BULLET.test(t) &&
      !t.includes('балл') &&
      parseNumberText(t) === undefined &&
      !isDashText(t) &&
      yearInText(t) === undefined &&
      parseYearText(t) === undefined &&
      !isPercentLabel(key) &&
      !isDeltaLabel(key) &&
      !EXHAUSTIVE_MARK.test(key) &&
      !PARTIAL_MARK.test(key) &&
      !speaksOfContext(key, defs) &&
      !matchesAnyLabel(key, defs);
    if (memo.size >= 100_000) memo.clear();
    memo.set(text, plain);
  }
  return plain;
}
