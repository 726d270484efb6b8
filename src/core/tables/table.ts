// A recognized table: its cells addressed by dimension keys, with the labels the table itself uses.
import type { Definition } from './definition';
import type { Area, Sheet } from '../grid/grid';
import type { Num } from '../grid/numbers';

export type Key = Record<string, string>;

export interface TableCell {
  row: number;
  col: number;
  key: Key;
  /** keyString of the key, computed once at recognition. */
  ks?: string;
  num: Num;
  /** The cell holds a formula. */
  formula?: string;
  numberFormat?: string;
}

export interface TableModel {
  id: string;
  def: Definition;
  sheet: Sheet;
  area: Area;
  year?: number;
  cells: TableCell[];
  byKey: KeyIndex;
  /** `dim:member` → the label as the table writes it. */
  words: Map<string, string>;
  /** Points of scored columns: member id → points. */
  points: Map<string, number>;
  /** Members found per dimension, in table order. */
  found: Map<string, string[]>;
  /** `dim:member` → the row it is a part of (nested rows), and whether that breakdown is exhaustive. */
  nesting: Map<string, { parent: string; exhaustive: boolean }>;
  /** Cells of an earlier table recognized from the same layout, in the same order (relations are shared). */
  like?: TableCell[];
  /** The caption or heading above a table of no known kind, else its header's first words. */
  title?: string;
}

/** Positions by key string, per layout: tables recognized from one layout share their keys. */
const layoutIndex = new WeakMap<TableCell[], Map<string, number>>();

/** Cells by key string, indexed on first use (most tables are never looked up by key). */
export class KeyIndex {
  private map?: Map<string, number>;

  constructor(
    private readonly def: Definition,
    private readonly cells: TableCell[],
    private readonly like?: TableCell[],
  ) {}

  get(ks: string): TableCell | undefined {
    const i = this.position(ks);
    return i === undefined ? undefined : this.cells[i];
  }

  /** Index in the table's cell list of the cell with that key string. */
  position(ks: string): number | undefined {
    if (!this.map) this.map = this.build();
    return this.map.get(ks);
  }

  /** The cells come from their layout's first table with its key objects: what is by key is the same for both. */
  get sharesLayout(): boolean {
    const base = this.like ?? this.cells;
    return base === this.cells || (this.cells.length > 0 && this.cells[0].key === base[0]?.key);
  }

  /** The cell list of the layout's first table. */
  get layout(): TableCell[] {
    return this.like ?? this.cells;
  }

  private build(): Map<string, number> {
    const base = this.layout;
    // Cells moved from a layout's first table keep its key objects, unless their ids name positions.
    const shared = this.sharesLayout;
    if (shared) {
      const hit = layoutIndex.get(base);
      if (hit) return hit;
    }
    const m = new Map<string, number>();
    const src = shared ? base : this.cells;
    for (let i = 0; i < src.length; i++) m.set(src[i].ks ?? keyString(this.def, src[i].key), i);
    if (shared) layoutIndex.set(base, m);
    return m;
  }
}

/** A canonical string for a key: dimensions in the definition's order, then the measure. */
export function keyString(def: Definition, key: Key): string {
  let s = '';
  for (const d of def.dims) s += `${d.id}=${key[d.id] ?? ''};`;
  return s + (key.measure ?? 'value');
}

export function cellOf(t: TableModel, key: Key): TableCell | undefined {
  return t.byKey.get(keyString(t.def, key));
}

/**
 * Descriptions made, per words and key object (tables of one layout share both). Weakly held by
 * the words only: a weak entry per key cost the collector more than the descriptions themselves.
 */
const described = new WeakMap<Map<string, string>, Map<Key, string>>();

/** The quantity a cell holds, in the table's own words: `Состоит на конец года (Книг, брошюр), 2023`. */
export function describeKey(t: TableModel, key: Key): string {
  let byKey = described.get(t.words);
  if (!byKey) described.set(t.words, (byKey = new Map()));
  let text = byKey.get(key);
  if (text === undefined) byKey.set(key, (text = describe(t, key)));
  return text;
}

/** The dimensions of the table layer's keys (a cell a known kind's definition does not name). */
const LAYER_DIMS = [
  { id: 'row', type: 'members' },
  { id: 'col', type: 'members' },
] as const;

function describe(t: TableModel, key: Key): string {
  const dims = key.row !== undefined && key.col !== undefined && !t.def.dims.some((d) => d.id === 'row') ? LAYER_DIMS : t.def.dims;
  let first = '';
  let rest = '';
  let parts = 0;
  let named = 0;
  let entityFirst = false;
  for (const d of dims) {
    const m = key[d.id];
    if (m === undefined || m === '') continue;
    let part = m;
    if (d.type !== 'year') {
      if (!parts && d.type === 'entities') entityFirst = true;
      part = t.words.get(wordKey(d.id, m)) ?? m;
      // A table's only row may have no label (a one-row table of no known kind).
      if (part === '') continue;
      named++;
    }
    if (!parts) first = part;
    else rest = parts === 1 ? part : `${rest}, ${part}`;
    parts++;
  }
  if (parts <= 1) return first;
  // A library's row reads better as `Library — criterion` than with brackets.
  return entityFirst && named >= 2 ? `${first} — ${rest}` : `${first} (${rest})`;
}

/** `dim:id`, the key of a member's word, made once per member (a description is made per cell). */
const wordKeys = new Map<string, Map<string, string>>();

function wordKey(dim: string, id: string): string {
  let ids = wordKeys.get(dim);
  if (!ids) wordKeys.set(dim, (ids = new Map()));
  let k = ids.get(id);
  if (k === undefined) {
    if (ids.size > 100_000) ids.clear();
    ids.set(id, (k = `${dim}:${id}`));
  }
  return k;
}

/** A label as a message shows it: one line, single spaces, without the points of a Model Standard column. */
const cleaned = new Map<string, string>();

export function cleanWords(s: string): string {
  let out = cleaned.get(s);
  if (out === undefined) {
    out = s
      .replace(/\(\s*\d+(?:[.,]\d+)?\s*балл[а-я]*\s*\)/gi, '')
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.:;)])/g, '$1')
      .trim();
    if (cleaned.size > 50_000) cleaned.clear();
    cleaned.set(s, out);
  }
  return out;
}
