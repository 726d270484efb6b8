// How a dimension of a kind resolves along a block's rows or columns: member ids per line, their
// words, points and nesting.
import type { Dim } from '../tables/definition';
import { BULLET, rowHoldsNumber, type BlockLayout } from '../layout/blocks';
import type { SheetView } from '../grid/sheet-view';
import { bestMember, memberMatches, pathHas, pointsInPath, type MemberHit } from './match';
import { LONGEST, longest } from './words';
import type { Paths, Source } from './paths';

/** How one dimension resolves along one source: line index → member id, plus the words used. */
export interface Resolution {
  source: Source;
  ids: Map<number, string>;
  words: Map<string, string>;
  /**
   * member → where its word was read: its line, then the indices of the line's labels (`colRaw` /
   * `rowRaw`) it joins, or LONGEST for the longest of them (see `wordSources`).
   */
  from: Map<string, number[]>;
  points: Map<string, number>;
  distinct: number;
  /** member → its parent row and whether the parent's breakdown is exhaustive. */
  nesting?: Map<string, { parent: string; exhaustive: boolean }>;
}

export function resolveMembers(dim: Extract<Dim, { type: 'members' }>, lines: number[], keys: Map<number, string[]>, raw: Map<number, string[]>, source: Source): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  const from = new Map<string, number[]>();
  const first = new Map<string, { line: number; length: number }>();
  for (const i of lines) {
    const path = keys.get(i) ?? [];
    const hit: MemberHit | undefined = path.length ? bestMember(path, dim.members) : undefined;
    if (!hit) continue;
    // Two lines of one member: one named by a longer label is it (`из них основной персонал` under
    // `Штатная численность, всего`, the core staff by `всего` alone); the other is no member.
    const prev = first.get(hit.id);
    if (prev && prev.length !== hit.length) {
      if (hit.length < prev.length) continue;
      ids.delete(prev.line);
      words.delete(hit.id);
      from.delete(hit.id);
    }
    if (!prev || prev.length < hit.length) first.set(hit.id, { line: i, length: hit.length });
    ids.set(i, hit.id);
    if (words.has(hit.id)) continue;
    const word = (raw.get(i) ?? [])[hit.depth];
    words.set(hit.id, word ?? hit.id);
    if (word !== undefined) from.set(hit.id, [i, hit.depth]);
  }
  return { source, ids, words, from, points: new Map(), distinct: new Set(ids.values()).size };
}

/** Whether each required member of `dim` matches some line (membersOk can hold only then). */
export function requiredFound(dim: Extract<Dim, { type: 'members' }>, lines: number[], keys: Map<number, string[]>): boolean {
  for (const id of dim.required) {
    const m = dim.members.find((x) => x.id === id);
    if (!m) return false;
    let found = false;
    for (let i = 0; i < lines.length && !found; i++) {
      const path = keys.get(lines[i]);
      found = !!path && path.length > 0 && memberMatches(path, m);
    }
    if (!found) return false;
  }
  return true;
}

export function membersOk(dim: Extract<Dim, { type: 'members' }>, res: Resolution): boolean {
  // Only declared members count: the extra rows of an open list prove nothing about the kind.
  const found = new Set([...res.ids.values()].filter((id) => dim.members.some((m) => m.id === id)));
  return found.size >= dim.minFound && dim.required.every((m) => found.has(m));
}

export function resolveEntities(dim: Extract<Dim, { type: 'entities' }>, lines: number[], p: Paths): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  const from = new Map<string, number[]>();
  for (const r of lines) {
    const keys = p.rowKeys.get(r) ?? [];
    const raw = p.rowRaw.get(r) ?? [];
    if (!keys.length) continue;
    if (pathHas(keys, dim.totalLabels, 'prefix')) {
      ids.set(r, 'total');
      words.set('total', raw[0]);
      from.set('total', [r, 0]);
      continue;
    }
    const id = `r${r}`;
    ids.set(r, id);
    words.set(id, longest(raw));
    from.set(id, [r, LONGEST]);
  }
  const res: Resolution = { source: 'row', ids, words, from, points: new Map(), distinct: ids.size };
  if (dim.nested) res.nesting = nestRows(lines, ids, p);
  return res;
}

export const EXHAUSTIVE_MARK = /^(в том числе|в т ч|втч)( |$)/;
export const PARTIAL_MARK = /^(из них|из общего числа)( |$)/;

/** Parent rows of indented, bulleted or `в том числе` / `из них` rows. */
function nestRows(lines: number[], ids: Map<number, string>, p: Paths): Map<string, { parent: string; exhaustive: boolean }> {
  const out = new Map<string, { parent: string; exhaustive: boolean }>();
  const stack: Array<{ id: string; level: number }> = [];
  const kind = new Map<string, boolean>();
  let prev: { id: string; level: number; child: boolean } | undefined;
  for (const r of lines) {
    const id = ids.get(r);
    if (!id || id === 'total') continue;
    const key = (p.rowKeys.get(r) ?? [])[0] ?? '';
    const raw = ((p.rowRaw.get(r) ?? [])[0] ?? '').trim();
    let level = p.rowIndent.get(r) ?? 0;
    const marker = EXHAUSTIVE_MARK.test(key) ? 'all' : PARTIAL_MARK.test(key) ? 'some' : undefined;
    if (marker && prev && level <= prev.level && !prev.child) level = prev.level + 1;
    else if ((marker || BULLET.test(raw)) && prev && prev.child && level <= prev.level) level = prev.level;
    else if (BULLET.test(raw) && prev && level <= prev.level) level = prev.level + 1;
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      if (!kind.has(parent.id)) kind.set(parent.id, marker === 'all');
      out.set(id, { parent: parent.id, exhaustive: false });
    }
    stack.push({ id, level });
    prev = { id, level, child: !!parent };
  }
  for (const n of out.values()) n.exhaustive = kind.get(n.parent) ?? false;
  return out;
}

export function resolveScored(dim: Extract<Dim, { type: 'scored' }>, lines: number[], p: Paths): Resolution {
  const ids = new Map<number, string>();
  const words = new Map<string, string>();
  const from = new Map<string, number[]>();
  const points = new Map<string, number>();
  for (const c of lines) {
    const raw = p.colRaw.get(c) ?? [];
    const keys = p.colKeys.get(c) ?? [];
    if (keys.length && pathHas(keys.slice(-1), dim.sumLabels, 'prefix')) {
      ids.set(c, 'sum');
      words.set('sum', raw[raw.length - 1]);
      from.set('sum', [c, raw.length - 1]);
      continue;
    }
    const pts = pointsInPath(raw);
    if (pts === undefined) continue;
    const id = `c${c}`;
    ids.set(c, id);
    points.set(id, pts);
    // The column's last two headers, a share's `доля …` left out.
    const at: number[] = [];
    raw.forEach((t, k) => !/^доля/i.test(t) && at.push(k));
    const two = at.slice(-2);
    words.set(id, two.map((k) => raw[k]).join(' ').replace(/\s+/g, ' '));
    from.set(id, [c, ...two]);
  }
  return { source: 'col', ids, words, from, points, distinct: ids.size };
}

/** Unknown labelled rows with numbers become extra members of an open dimension (other reasons). */
export function addOpenMembers(view: SheetView, L: BlockLayout, p: Paths, res: Resolution): void {
  if (res.distinct === 0) return;
  for (const r of L.dataRows) {
    if (res.ids.has(r) || p.percentRows.has(r)) continue;
    const raw = p.rowRaw.get(r) ?? [];
    if (!raw.length) continue;
    if (!rowHoldsNumber(view, L, r)) continue;
    const id = `x${r}`;
    res.ids.set(r, id);
    res.words.set(id, raw[raw.length - 1]);
    res.from.set(id, [r, raw.length - 1]);
  }
  res.distinct = new Set(res.ids.values()).size;
}
