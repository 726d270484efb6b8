// Recognition once per distinct block layout: repeated tables (a table per library, per year, per
// workbook of a batch, or a re-check after a fill) reuse the first one's result, moved to their place.
import { blockFacts, recognitionTrace, sameFacts } from './block-facts';
import { Signer } from './block-signature';
import type { Definition } from './definition';
import { labelKey } from './labels';
import type { Area } from './grid';
import type { SheetView } from './layout';
import type { Key, TableCell } from './table';

/** A recognized table of a block, before it gets its id. */
export interface Placed {
  def: Definition;
  area: Area;
  year?: number;
  cells: TableCell[];
  words: Map<string, string>;
  points: Map<string, number>;
  found: Map<string, string[]>;
  nesting: Map<string, { parent: string; exhaustive: boolean }>;
  /** The cells of the first table of this layout (see TableModel.like). */
  like?: TableCell[];
}

interface Template {
  sig: Int32Array;
  top: number;
  left: number;
  tables: Placed[];
}

/** A layout by its loose signature, with what recognition read of its figures (block-facts.ts). */
interface LooseTemplate extends Template {
  facts: Int32Array;
}

/** Blocks larger than this are recognized directly: their signature would cost as much. */
const MAX_CELLS = 20_000;
const MAX_ENTRIES = 4_000;
const MAX_TEXTS = 200_000;

let enabled = true;

/** The layouts seen, per definition list, with the signer that named their texts. */
interface Store {
  generation: number;
  signer: Signer;
  /** Signature hash → the layouts with that hash. */
  layouts: Map<number, Template[]>;
  /** Signs figures and empty cells alike: blocks that differ only there are looked up here. */
  loose: Signer;
  looseLayouts: Map<number, LooseTemplate[]>;
  count: number;
}
const stores = new WeakMap<readonly Definition[], Store>();
let generation = 0;

/** Turns the cache off (tests compare both ways) or on; either way it starts empty. */
export function setRecognitionCache(on: boolean): void {
  enabled = on;
  clearRecognitionCache();
}

/** Forgets every layout seen (a benchmark measures each run from cold). */
export function clearRecognitionCache(): void {
  generation++;
}

/** The kinds' context words as recognition compares them (label keys). */
function contextWordsOf(defs: readonly Definition[]): string[] {
  return [...new Set(defs.flatMap((d) => d.context.map((w) => labelKey(w))))];
}

function storeFor(defs: readonly Definition[]): Store {
  let s = stores.get(defs);
  // Text numbers are only meaningful with the layouts named with them: both go together.
  if (!s || s.generation !== generation || s.count >= MAX_ENTRIES || s.signer.size + s.loose.size >= MAX_TEXTS) {
    const words = contextWordsOf(defs);
    s = { generation, signer: new Signer(words), layouts: new Map(), loose: new Signer(words, true), looseLayouts: new Map(), count: 0 };
    stores.set(defs, s);
  }
  return s;
}

export function recognizeBlock(view: SheetView, area: Area, defs: readonly Definition[], compute: () => Placed[]): Placed[] {
  if (!enabled || (area.bottom - area.top + 1) * (area.right - area.left + 1) > MAX_CELLS) return compute();
  const store = storeFor(defs);
  const signer = store.signer;
  const hash = signer.sign(view, area);
  const same = store.layouts.get(hash);
  const hit = same?.find((t) => signer.matches(t.sig));
  if (hit) return placeAll(view, hit, area);
  const sig = signer.copy();
  // Another copy of a layout whose figures differ in which cells are empty or numbers: reused when
  // recognition reads the same of those figures.
  const loose = store.loose;
  const looseHash = loose.sign(view, area);
  const near = store.looseLayouts.get(looseHash);
  let facts: Int32Array | undefined | null = null;
  for (const t of near ?? []) {
    if (!loose.matches(t.sig)) continue;
    facts ??= blockFacts(view, area, loose.markId);
    if (!facts || !sameFacts(facts, t.facts)) continue;
    const placed = placeAll(view, t, area);
    // A table whose cells are all empty is no table (recognition turns such a candidate down).
    if (placed.every((p) => p.cells.some((c) => c.num.kind !== 'empty'))) return placed;
  }
  const looseSig = loose.copy();
  const rejected = recognitionTrace.emptyRejections;
  const tables = compute();
  const entry = { sig, top: area.top, left: area.left, tables };
  if (same) same.push(entry);
  else store.layouts.set(hash, [entry]);
  store.count++;
  // Only where no candidate was turned down for empty cells: elsewhere, which cells are empty decides the kind.
  if (recognitionTrace.emptyRejections === rejected) {
    facts ??= blockFacts(view, area, loose.markId);
    if (facts) {
      const looseEntry = { ...entry, sig: looseSig, facts };
      // Shares its tables with the entry above: counted once.
      if (near) near.push(looseEntry);
      else store.looseLayouts.set(looseHash, [looseEntry]);
    }
  }
  return tables;
}

function placeAll(view: SheetView, t: Template, area: Area): Placed[] {
  return t.tables.map((p) => place(view, p, area.top - t.top, area.left - t.left));
}

/** Ids that name a position: entity rows `r12`, open rows `x12`, scored columns `c7` (section × 100 000 + column). */
function shiftFor(def: Definition, dr: number, dc: number): ((dim: string, id: string) => string) | undefined {
  if (dr === 0 && dc === 0) return undefined;
  const kinds = new Map<string, 'r' | 'x' | 'c'>();
  for (const d of def.dims) {
    if (d.type === 'entities') kinds.set(d.id, 'r');
    else if (d.type === 'scored') kinds.set(d.id, 'c');
    else if (d.type === 'members' && d.open) kinds.set(d.id, 'x');
  }
  if (!kinds.size) return undefined;
  // A table has few distinct ids and many cells: shift each id once.
  const memo = new Map<string, string>();
  return (dim, id) => {
    const k = kinds.get(dim);
    if (!k || id[0] !== k) return id;
    let out = memo.get(id);
    if (out === undefined) {
      out = /^[rxc]\d+$/.test(id) ? k + (Number(id.slice(1)) + (k === 'c' ? dc : dr)) : id;
      memo.set(id, out);
    }
    return out;
  };
}

function place(view: SheetView, t: Placed, dr: number, dc: number): Placed {
  const shift = shiftFor(t.def, dr, dc);
  const src = t.cells;
  const cells: TableCell[] = new Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const row = c.row + dr;
    const col = c.col + dc;
    const cell = view.cell(row, col);
    const num = view.num(row, col);
    if (shift) {
      const key: Key = {};
      for (const d in c.key) key[d] = shift(d, c.key[d]);
      // The key string is made when the table is first looked up by key.
      cells[i] = { row, col, key, ks: undefined, num, formula: cell?.formula, numberFormat: cell?.numberFormat };
    } else cells[i] = { row, col, key: c.key, ks: c.ks, num, formula: cell?.formula, numberFormat: cell?.numberFormat };
  }
  const area = { top: t.area.top + dr, left: t.area.left + dc, bottom: t.area.bottom + dr, right: t.area.right + dc };
  const like = t.like ?? t.cells;
  if (!shift) return { def: t.def, area, year: t.year, cells, words: t.words, points: t.points, found: t.found, nesting: t.nesting, like };
  const dimKey = (k: string) => {
    const i = k.indexOf(':');
    return i < 0 ? k : `${k.slice(0, i)}:${shift(k.slice(0, i), k.slice(i + 1))}`;
  };
  const scored = t.def.dims.find((d) => d.type === 'scored')?.id ?? '';
  return {
    def: t.def,
    area,
    year: t.year,
    cells,
    words: new Map([...t.words].map(([k, v]) => [dimKey(k), v])),
    points: new Map([...t.points].map(([k, v]) => [shift(scored, k), v])),
    found: new Map([...t.found].map(([d, ids]) => [d, ids.map((id) => shift(d, id))])),
    nesting: new Map([...t.nesting].map(([k, n]) => {
      const dim = k.slice(0, k.indexOf(':'));
      return [dimKey(k), { parent: shift(dim, n.parent), exhaustive: n.exhaustive }];
    })),
    like,
  };
}
