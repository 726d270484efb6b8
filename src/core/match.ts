// Matches header paths and row labels against definition members, with a cache per distinct text.
import type { MemberT } from './definition';
import { labelKey, matchKey, type MatchMode } from './labels';

interface Part {
  key: string;
  mode: MatchMode;
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

function compile(m: MemberT): CompiledMember {
  let c = compiled.get(m);
  if (!c) {
    const alternatives = m.labels.map((l) => l.split('>').map((p) => ({ key: labelKey(p), mode: m.mode as MatchMode })));
    c = { id: m.id, alternatives, longest: Math.max(...m.labels.map((l) => l.length)) };
    compiled.set(m, c);
  }
  return c;
}

const keyCache = new Map<string, number>();

/** matchKey with a bounded cache: tables repeat their labels, so distinct texts are few. */
function cachedMatch(text: string, part: Part): number {
  const k = `${part.mode}\u0001${part.key}\u0001${text}`;
  let v = keyCache.get(k);
  if (v === undefined) {
    v = matchKey(text, part.key, part.mode);
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(k, v);
  }
  return v;
}

function matchAlternative(path: string[], parts: Part[]): { depth: number; score: number } | undefined {
  let from = 0;
  let score = 0;
  let depth = -1;
  for (const part of parts) {
    let found = -1;
    for (let j = from; j < path.length; j++) {
      const s = cachedMatch(path[j], part);
      if (s > 0) {
        found = j;
        score += s;
        break;
      }
    }
    if (found < 0) return undefined;
    depth = found;
    from = found + 1;
  }
  return { depth, score };
}

/** The best member for a path of text keys (outer to inner), or undefined. */
export function bestMember(path: string[], members: MemberT[]): MemberHit | undefined {
  let best: MemberHit | undefined;
  for (const m of members) {
    const cm = compile(m);
    for (const alt of cm.alternatives) {
      const r = matchAlternative(path, alt);
      if (!r) continue;
      const hit: MemberHit = { id: m.id, depth: r.depth, parts: alt.length, score: r.score, length: alt.reduce((s, p) => s + p.key.length, 0) };
      if (!best || better(hit, best)) best = hit;
    }
  }
  return best;
}

function better(a: MemberHit, b: MemberHit): boolean {
  if (a.depth !== b.depth) return a.depth > b.depth;
  if (a.parts !== b.parts) return a.parts > b.parts;
  if (a.score !== b.score) return a.score > b.score;
  return a.length > b.length;
}

/** True when some text of the path matches one of the labels. */
export function pathHas(path: string[], labels: string[], mode: MatchMode = 'prefix'): boolean {
  return labels.some((l) => {
    const part = { key: labelKey(l), mode };
    return path.some((t) => cachedMatch(t, part) > 0);
  });
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
    const all = [...rawPath[i].matchAll(POINTS)];
    if (all.length) return Number(all[all.length - 1][1].replace(',', '.'));
  }
  return undefined;
}
