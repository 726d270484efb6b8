// Matches header paths and row labels against definition members, with a cache per distinct text.
import type { Definition, MemberT } from '../tables/definition';
import { labelKey, matchKey, typoBudget, type MatchMode } from '../grid/labels';

interface Part {
  key: string;
  mode: MatchMode;
  /** Small integer naming this (mode, key), for the per-text index. */
  id: number;
  /** Typos tolerated (see matchKey). */
  budget: number;
  /** The key's characters as bits (see maskOf). */
  mask: number;
}

interface CompiledMember {
  id: string;
  alternatives: Part[][];
  longest: number;
}

export interface MemberHit {
  id: string;
  /** Index in the path of the text the last part matched (deeper = more specific). */
  depth: number;
  parts: number;
  score: number;
  length: number;
}

const compiled = new WeakMap<MemberT, CompiledMember>();

/** Every distinct (mode, label key) gets one id. */
const partIds = new Map<string, number>();

function part(key: string, mode: MatchMode): Part {
  const k = `${mode}\u0001${key}`;
  let id = partIds.get(k);
  if (id === undefined) {
    id = partIds.size;
    partIds.set(k, id);
  }
  return { key, mode, id, budget: typoBudget(key.length), mask: maskOf(key) };
}

/**
 * One bit per character (its code mod 32: Cyrillic letters get a bit each): a text holding a key
 * holds all its bits.
 */
function maskOf(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * False when `part` cannot match `text` (matchKey would say 0): a match is the text itself, a typo
 * of it (lengths within the budget), the label starting it (`prefix`) or inside it (`phrase`).
 * Checked before the per-text index, so a table of many distinct row labels does not fill the
 * index with the zeros of every label; the character bits spare most substring searches.
 */
function possible(text: string, textMask: number, part: Part): boolean {
  const d = text.length - part.key.length;
  // Within its typos, a text lacks at most `budget` of the label's characters.
  if (d <= part.budget && d >= -part.budget && bitCount(part.mask & ~textMask) <= part.budget) return true;
  if (d <= 0 || part.mode === 'exact') return false;
  if (part.mode === 'prefix') return text.charCodeAt(part.key.length) === 32 && text.startsWith(part.key);
  return (part.mask & ~textMask) === 0 && text.includes(part.key);
}

function compile(m: MemberT): CompiledMember {
  let c = compiled.get(m);
  if (!c) {
    const alternatives = m.labels.map((l) => l.split('>').map((p) => part(labelKey(p), m.mode as MatchMode)));
    c = { id: m.id, alternatives, longest: Math.max(...m.labels.map((l) => l.length)) };
    compiled.set(m, c);
  }
  return c;
}

/**
 * The label index: per distinct cell text, its scores against the labels tried so far (by part
 * id). Tables repeat their labels, so distinct texts are few; a cell text is looked up once per
 * path, and a label is matched against it once, whatever the number of cells or tables. A pure
 * memo of immutable input (texts, fixed labels): shared by checks, it cannot change a result.
 */
let textIndex = new Map<string, Map<number, number>>();

function scoresOf(text: string): Map<number, number> {
  let m = textIndex.get(text);
  if (!m) {
    if (textIndex.size >= 50_000) textIndex = new Map();
    m = new Map();
    textIndex.set(text, m);
  }
  return m;
}

function score(scores: Map<number, number>, text: string, part: Part): number {
  let v = scores.get(part.id);
  if (v === undefined) {
    v = matchKey(text, part.key, part.mode);
    scores.set(part.id, v);
  }
  return v;
}

/** The per-text scores and character bits of a path, made when first needed (most texts match no label). */
interface PathScores {
  scores: Array<Map<number, number> | undefined>;
  masks: Array<number | undefined>;
}

/**
 * Matches the parts in order along the path: each part at the first text it matches after the
 * previous part's, the last part at the deepest text it matches (the most specific header: a
 * caption naming every indicator above the year and indicator rows must not decide the member).
 */
function matchAlternative(path: string[], scores: PathScores, parts: Part[]): { depth: number; score: number } | undefined {
  let from = 0;
  let total = 0;
  let depth = -1;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    const last = k === parts.length - 1;
    let found = -1;
    for (let n = from; n < path.length; n++) {
      const j = last ? path.length - 1 - (n - from) : n;
      const s = possible(path[j], (scores.masks[j] ??= maskOf(path[j])), part) ? score((scores.scores[j] ??= scoresOf(path[j])), path[j], part) : 0;
      if (s > 0) {
        found = j;
        total += s;
        break;
      }
    }
    if (found < 0) return undefined;
    depth = found;
    from = found + 1;
  }
  return { depth, score: total };
}

/**
 * Best member per (path, member list): repeated tables repeat their header paths and row labels.
 * Paths are kept in a trie of their texts, so a lookup allocates nothing. A pure memo of immutable
 * input (texts and the definitions' member lists): shared by checks, it cannot change a result.
 */
interface PathNode {
  next: Map<string, PathNode> | undefined;
  /** Member lists asked about this path (a handful: one per kind tried), and their answers. */
  lists: MemberT[][] | undefined;
  hits: Array<MemberHit | null> | undefined;
}
let pathRoot: PathNode = { next: undefined, lists: undefined, hits: undefined };
let pathNodes = 0;

function nodeOf(path: string[]): PathNode {
  if (pathNodes >= 200_000) {
    pathRoot = { next: undefined, lists: undefined, hits: undefined };
    pathNodes = 0;
  }
  let n = pathRoot;
  for (const t of path) {
    let m = n.next;
    if (!m) n.next = m = new Map();
    let c = m.get(t);
    if (!c) {
      m.set(t, (c = { next: undefined, lists: undefined, hits: undefined }));
      pathNodes++;
    }
    n = c;
  }
  return n;
}

/** The best member for a path of text keys (outer to inner), or undefined. */
export function bestMember(path: string[], members: MemberT[]): MemberHit | undefined {
  const node = nodeOf(path);
  const at = node.lists ? node.lists.indexOf(members) : -1;
  if (at >= 0) {
    const known = node.hits![at];
    return known === null ? undefined : { ...known };
  }
  const scores: PathScores = { scores: new Array(path.length), masks: new Array(path.length) };
  let best: MemberHit | undefined;
  for (let mi = 0; mi < members.length; mi++) {
    const m = members[mi];
    const cm = compile(m);
    for (let ai = 0; ai < cm.alternatives.length; ai++) {
      const alt = cm.alternatives[ai];
      const r = matchAlternative(path, scores, alt);
      if (!r) continue;
      const hit: MemberHit = { id: m.id, depth: r.depth, parts: alt.length, score: r.score, length: alt.reduce((s, p) => s + p.key.length, 0) };
      if (!best || better(hit, best)) best = hit;
    }
  }
  (node.lists ??= []).push(members);
  (node.hits ??= []).push(best ? { ...best } : null);
  return best;
}

/** Whether some label of `m` matches along the path: bestMember names `m` only for such a path. */
export function memberMatches(path: string[], m: MemberT): boolean {
  // Not memoized per path: it is asked of every row of a catalogue, whose paths are all distinct
  // (a memo in the path trie made the 100 000-row shape 40 % slower).
  const cm = compile(m);
  const scores: PathScores = { scores: new Array(path.length), masks: new Array(path.length) };
  for (let ai = 0; ai < cm.alternatives.length; ai++) if (matchAlternative(path, scores, cm.alternatives[ai])) return true;
  return false;
}

function better(a: MemberHit, b: MemberHit): boolean {
  if (a.depth !== b.depth) return a.depth > b.depth;
  if (a.parts !== b.parts) return a.parts > b.parts;
  if (a.score !== b.score) return a.score > b.score;
  return a.length > b.length;
}

const labelParts = new Map<MatchMode, WeakMap<string[], Part[]>>();

function partsOf(labels: string[], mode: MatchMode): Part[] {
  let byList = labelParts.get(mode);
  if (!byList) labelParts.set(mode, (byList = new WeakMap()));
  let parts = byList.get(labels);
  if (!parts) {
    parts = labels.map((l) => part(labelKey(l), mode));
    byList.set(labels, parts);
  }
  return parts;
}

/** True when some text of the path matches one of the labels. */
export function pathHas(path: string[], labels: string[], mode: MatchMode = 'prefix'): boolean {
  // Labels are compiled once per list; a caller's fresh list is compiled each call (still correct).
  return partsOf(labels, mode).some((part) => path.some((t) => score(scoresOf(t), t, part) > 0));
}

/** Every label part recognition matches a row or header text against, per definition list. */
const allParts = new WeakMap<readonly Definition[], Part[]>();

function partsOfDefs(defs: readonly Definition[]): Part[] {
  let out = allParts.get(defs);
  if (!out) {
    const set = new Set<Part>();
    for (const def of defs)
      for (const d of def.dims) {
        if (d.type === 'members') for (const m of d.members) for (const alt of compile(m).alternatives) for (const p of alt) set.add(p);
        else if (d.type === 'entities') for (const p of partsOf(d.totalLabels, 'prefix')) set.add(p);
        else if (d.type === 'scored') for (const p of partsOf(d.sumLabels, 'prefix')) set.add(p);
      }
    out = [...set];
    allParts.set(defs, out);
  }
  return out;
}

/**
 * Whether a text key matches some part of some label of the definitions (a member, a total, a sum
 * column). Asked of every short text a block signs (block-signature.ts), long before recognition
 * matches paths: it keeps to its own copies of the quick rejects, so that recognition's hot
 * `maskOf` and `possible` stay compiled for recognition's own calls (sharing them made the
 * rich-text shape's recognition take 1.5–1.8× as long in some runs and not in others).
 */
export function matchesAnyLabel(key: string, defs: readonly Definition[]): boolean {
  let mask = 0;
  for (let i = 0; i < key.length; i++) mask |= 1 << (key.charCodeAt(i) & 31);
  for (const part of partsOfDefs(defs)) {
    const d = key.length - part.key.length;
    const near = d <= part.budget && d >= -part.budget && bitCount(part.mask & ~mask) <= part.budget;
    const inside = !near && d > 0 && part.mode !== 'exact' && (part.mode === 'prefix' ? key.charCodeAt(part.key.length) === 32 && key.startsWith(part.key) : (part.mask & ~mask) === 0 && key.includes(part.key));
    if ((near || inside) && matchKey(key, part.key, part.mode) > 0) return true;
  }
  return false;
}

const PERCENT_KEYS = new Set(['%', 'в %', 'доля %', 'доля в %', 'удельный вес %', 'удельный вес в %', 'процент', 'проценты', 'в процентах', 'доля', 'удельный вес']);

/** A `%` / `доля, %` / `удельный вес, %` label. */
export function isPercentLabel(key: string): boolean {
  if (PERCENT_KEYS.has(key)) return true;
  return key.length <= 30 && / %$/.test(key);
}

const POINTS = /\(\s*(\d+(?:[.,]\d+)?)\s*балл/g;

/** Points stated in a Model Standard header: `(0,5 балла)`; the innermost statement wins. */
export function pointsInPath(rawPath: string[]): number | undefined {
  for (let i = rawPath.length - 1; i >= 0; i--) {
    // Every header is asked (a block is a Model Standard grid only with points in it): most have none.
    if (!rawPath[i].includes('балл')) continue;
    const all = [...rawPath[i].matchAll(POINTS)];
    if (all.length) return Number(all[all.length - 1][1].replace(',', '.'));
  }
  return undefined;
}
