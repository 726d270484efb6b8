// Recognition once per distinct block layout: repeated tables (a table per library, per year, per
// workbook of a batch, or a re-check after a fill) reuse the first one's result, moved to their place.
import type { GenericPlaced } from '../../generic/model';
import { blockFacts, sameFacts } from './block-facts';
import { Signer } from './block-signature';
import { hashInts } from './signature-slots';
import type { Definition } from '../../tables/definition';
import { labelKey } from '../../grid/labels';
import type { Area } from '../../grid/grid';
import type { Engine } from '../../engine';
import { layoutBlock } from '../../layout/blocks';
import type { SheetView } from '../../grid/sheet-view';
import { wordOf } from '../words';
import { type Key, type TableCell } from '../../tables/table';

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
  /** Where each word was read (words.ts): a table moved to another block reads its words there. */
  sources?: Map<string, number[]>;
  /** The cells of the first table of this layout (see TableModel.like). */
  like?: TableCell[];
  /** A table of no known kind: its title and relations. */
  generic?: GenericPlaced;
}

interface Template {
  sig: Int32Array;
  top: number;
  left: number;
  tables: Placed[];
}

/**
 * A layout by its loose signature, with what recognition read of its figures (block-facts.ts) and
 * the block's folded texts (`Signer.textOf`), which another block of the signature may write otherwise.
 */
interface LooseTemplate extends Template {
  facts: Int32Array;
  factsHash: number;
  texts: string[];
}

/**
 * A list of libraries by its names signature (loose: figures and empty cells alike, their facts
 * apart): the plain names in its rows' labels may differ, the other plain texts (`plainText` at
 * `plainAt`, signature indices) may not.
 */
interface NamedTemplate extends LooseTemplate {
  plainAt: Int32Array;
  plainText: Int32Array;
  /** Signature indices of the names in the list's row labels. */
  names: Set<number>;
  /**
   * Whether trying every kind on the first block gave its tables (so the kinds a name's words name
   * do not matter); found when a block first matches, by `verify`, which holds the first block's sheet.
   */
  verified?: boolean;
  verify?: () => boolean;
}

/** Blocks larger than this are recognized directly: their signature would cost as much. */
const MAX_CELLS = 20_000;
const MAX_ENTRIES = 4_000;
const MAX_COPIES = 4_000;
const MAX_TEXTS = 200_000;

/** The layouts seen, per definition list, with the signer that named their texts. */
interface Store {
  signer: Signer;
  /** Signature hash → the layouts with that hash. */
  layouts: Map<number, Template[]>;
  /** Signs figures and empty cells alike: blocks that differ only there are looked up here. */
  loose: Signer;
  looseLayouts: Map<number, LooseTemplate[]>;
  /** By the loose signer's names signature (plain names alike): lists of libraries of other systems. */
  namedLayouts: Map<number, NamedTemplate[]>;
  /** Named layouts whose first block has not been tried with every kind (see NamedTemplate.verify). */
  pending: Array<{ hash: number; t: NamedTemplate }>;
  count: number;
  /** Blocks reused through their loose signature kept under their exact one (`remember`). */
  copies: number;
}

/** The layouts one engine has seen (engine.ts), per definition list. */
export class LayoutCache {
  private readonly stores = new WeakMap<readonly Definition[], Store>();

  storeFor(defs: readonly Definition[], plain: ((text: string) => boolean) | undefined): Store {
    let s = this.stores.get(defs);
    // Text numbers are only meaningful with the layouts named with them: both go together.
    if (!s || s.count >= MAX_ENTRIES || s.signer.size + s.loose.size >= MAX_TEXTS) {
      const words = contextWordsOf(defs);
      s = { signer: new Signer(words), layouts: new Map(), loose: new Signer(words, true), looseLayouts: new Map(), namedLayouts: new Map(), pending: [], count: 0, copies: 0 };
      this.stores.set(defs, s);
    }
    s.loose.plain ??= plain;
    return s;
  }

  /**
   * Ends a workbook's recognition: named layouts never matched by a second block are forgotten
   * (their check would need the first block's sheet, which goes with its workbook).
   */
  settleNamedLayouts(defs: readonly Definition[]): void {
    const s = this.stores.get(defs);
    if (!s) return;
    for (const { hash, t } of s.pending) {
      if (t.verified !== undefined) continue;
      t.verify = undefined;
      const list = s.namedLayouts.get(hash);
      const i = list ? list.indexOf(t) : -1;
      if (i >= 0) list!.splice(i, 1);
    }
    s.pending = [];
  }
}

/** The kinds' context words as recognition compares them (label keys). */
function contextWordsOf(defs: readonly Definition[]): string[] {
  return [...new Set(defs.flatMap((d) => [...d.context, ...d.notIn].map((w) => labelKey(w))))];
}

/** What lets lists of libraries that differ only in their names share a layout (recognize.ts). */
export interface NameTools {
  /** Whether a text is a plain name (`plainName`). */
  plain: (text: string) => boolean;
  /** The block's tables when every kind is tried on it (`recognizeTryingEveryKind`). */
  everyKind: () => Placed[];
}

/** The tables of the block at `area`: recognized by `compute`, or moved from an earlier block of the same layout. */
export function recognizeBlock(engine: Engine, view: SheetView, area: Area, defs: readonly Definition[], compute: () => Placed[], names?: NameTools): Placed[] {
  const trace = engine.trace;
  trace.blocks++;
  if (!engine.layouts || (area.bottom - area.top + 1) * (area.right - area.left + 1) > MAX_CELLS) return compute();
  const store = engine.layouts.storeFor(defs, names?.plain);
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
  // A signature's layouts can be hundreds, apart by their facts (which rows hold a figure): the
  // facts' hash is compared first.
  let facts: Int32Array | undefined | null = near ? blockFacts(view, area, loose) : null;
  const factsHash = facts ? hashInts(facts) : 0;
  for (const t of facts ? near! : []) {
    if (t.factsHash !== factsHash || !loose.matches(t.sig) || !sameFacts(facts!, t.facts)) continue;
    const placed = placeAll(view, withOwnWords(view, t, area, loose.textOf), area);
    // A table whose cells are all empty is no table (recognition turns such a candidate down).
    if (placed.every((p) => p.cells.some((c) => c.num.kind !== 'empty'))) return remember(store, hash, sig, area, placed);
  }
  const looseSig = loose.copy();
  // Another system's list of libraries: the same but for the names.
  const namesHash = loose.plainAt.length ? loose.namesHash() : 0;
  if (loose.plainAt.length) {
    for (const t of store.namedLayouts.get(namesHash) ?? []) {
      if (!loose.namesMatch(t.sig) || !sameOtherTexts(loose, t)) continue;
      facts ??= blockFacts(view, area, loose);
      if (!facts || !sameFacts(facts, t.facts)) continue;
      if (t.verified === undefined) {
        t.verified = t.verify?.() ?? false;
        t.verify = undefined;
      }
      if (!t.verified) continue;
      const placed = placeAll(view, withOwnWords(view, t, area, loose.textOf, true), area);
      if (placed.every((p) => p.cells.some((c) => c.num.kind !== 'empty'))) return remember(store, hash, sig, area, placed);
    }
  }
  const namedEntry = loose.plainAt.length ? { sig: loose.namesCopy(), plainAt: Int32Array.from(loose.plainAt), plainText: Int32Array.from(loose.plainText) } : undefined;
  const rejected = trace.emptyRejections;
  trace.computed++;
  const tables = compute();
  const entry = { sig, top: area.top, left: area.left, tables };
  listed(store.layouts, hash, entry);
  store.count++;
  // Only where no candidate was turned down for empty cells: elsewhere, which cells are empty decides the kind.
  if (trace.emptyRejections !== rejected) return tables;
  facts ??= blockFacts(view, area, loose);
  // The block's folded texts, its facts' marks included (Signer.textOf).
  const texts = loose.textOf.slice();
  if (!facts) return tables;
  const factsOf = { facts, factsHash: hashInts(facts), texts };
  // Shares its tables with the entry above: counted once.
  listed(store.looseLayouts, looseHash, { ...entry, sig: looseSig, ...factsOf });
  const libraries = namedEntry && names && listNames(view, area, tables, loose);
  if (libraries) {
    const everyKind = names!.everyKind;
    const e: NamedTemplate = { ...entry, ...namedEntry, names: libraries, ...factsOf, verify: () => sameTables(tables, everyKind()) };
    listed(store.namedLayouts, namesHash, e);
    store.pending.push({ hash: namesHash, t: e });
  }
  return tables;
}

/**
 * Keeps a block reused through its loose signature under its exact one too: its copies as written
 * (a table repeated with its labels' own noise) are then placed without signing them loosely,
 * reading their facts and words again. At most MAX_COPIES such, apart from the layouts' count.
 */
function remember(store: Store, hash: number, sig: Int32Array, area: Area, tables: Placed[]): Placed[] {
  if (store.copies >= MAX_COPIES) return tables;
  store.copies++;
  listed(store.layouts, hash, { sig, top: area.top, left: area.left, tables });
  return tables;
}

/** Adds `item` to the list under `hash`. */
function listed<T>(lists: Map<number, T[]>, hash: number, item: T): void {
  const list = lists.get(hash);
  if (list) list.push(item);
  else lists.set(hash, [item]);
}

/** The same tables: kinds, places, years and cells. */
function sameTables(a: Placed[], b: Placed[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i].area;
    const y = b[i].area;
    if (a[i].def !== b[i].def || a[i].year !== b[i].year || a[i].cells.length !== b[i].cells.length) return false;
    if (x.top !== y.top || x.left !== y.left || x.bottom !== y.bottom || x.right !== y.right) return false;
  }
  return true;
}

/** The plain texts that are no listed library's name are those of the layout. */
function sameOtherTexts(named: Signer, t: NamedTemplate): boolean {
  const at = named.plainAt;
  if (at.length !== t.plainAt.length) return false;
  for (let k = 0; k < at.length; k++) if (at[k] !== t.plainAt[k] || (named.plainText[k] !== t.plainText[k] && !t.names.has(at[k]))) return false;
  return true;
}

/** Each layout table's words as other tables of its layout read them: one object per distinct set. */
const wordSets = new WeakMap<Placed, Map<string, Map<string, string>>>();

/**
 * The layout's tables with the words of the block at `area`, whose folded texts (`to`) may be
 * written otherwise than the layout's first block's (in case, ё, dashes or spaces), as may a list's
 * names (`names`): each word read again from the cells the first block's was read from (words.ts).
 * The layout itself when the texts are the same.
 */
function withOwnWords<T extends LooseTemplate>(view: SheetView, t: T, area: Area, to: readonly string[], names = false): T {
  const from = t.texts;
  let same = !names && from.length === to.length;
  for (let k = 0; same && k < from.length; k++) same = from[k] === to[k];
  if (same) return t;
  const dr = area.top - t.top;
  const dc = area.left - t.left;
  const tables = t.tables.map((p): Placed => {
    if (!p.sources?.size) return p;
    let changed = '';
    const read: Array<[string, string]> = [];
    for (const [k, source] of p.sources) {
      const w = wordOf(view, source, dr, dc);
      read.push([k, w]);
      if (w !== p.words.get(k)) changed += `${k}\u0000${w}\u0001`;
    }
    // The same words stay one object (texts that differ in spaces only, tables written alike):
    // descriptions are made per words object (table.ts).
    if (!changed) return p;
    let sets = wordSets.get(p);
    if (!sets) wordSets.set(p, (sets = new Map()));
    let words = sets.get(changed);
    if (!words) {
      words = new Map(p.words);
      for (const [k, w] of read) words.set(k, w);
      sets.set(changed, words);
    }
    return { ...p, words };
  });
  return { ...t, tables };
}

/** A list's row of a library (or indicator): an entities dimension's own row id, `r12`. */
const ENTITY_ROW = /^r(\d+)$/;

/**
 * The signature indices of the names in the rows of the lists of libraries `tables` found: the row
 * labels of their entity rows. Undefined unless every table is such a list and each of its other
 * dimensions reads fixed labels only (an open list's extra rows take their words from their texts).
 */
function listNames(view: SheetView, area: Area, tables: Placed[], named: Signer): Set<number> | undefined {
  if (!tables.length) return undefined;
  const names = new Set<number>();
  for (const t of tables) {
    const entities = t.def.dims.find((d) => d.type === 'entities');
    if (!entities || t.def.dims.some((d) => d.type === 'members' && d.open)) return undefined;
    const L = layoutBlock(view, t.area);
    if (!L) return undefined;
    for (const id of t.found.get(entities.id) ?? []) {
      const m = ENTITY_ROW.exec(id);
      if (m) for (const c of L.labelCols) names.add(named.indexOf(area, Number(m[1]), c));
    }
  }
  return names.size ? names : undefined;
}

function placeAll(view: SheetView, t: Template, area: Area): Placed[] {
  return t.tables.map((p) => place(view, p, area.top - t.top, area.left - t.left));
}

const POSITION_ID = /^[rxc]\d+$/;

/** Ids that name a position: entity rows `r12`, open rows `x12`, scored columns `c7` (section × 100 000 + column). */
function shiftFor(t: Placed, dr: number, dc: number): ((dim: string, id: string) => string) | undefined {
  if (dr === 0 && dc === 0) return undefined;
  const kinds = positionKinds(t);
  if (!kinds) return undefined;
  // A table has few distinct ids and many cells: shift each id once.
  const memo = new Map<string, string>();
  return (dim, id) => {
    const k = kinds.get(dim);
    if (!k || id[0] !== k) return id;
    let out = memo.get(id);
    if (out === undefined) {
      out = POSITION_ID.test(id) ? k + (Number(id.slice(1)) + (k === 'c' ? dc : dr)) : id;
      memo.set(id, out);
    }
    return out;
  };
}

/**
 * The dimensions of `t` whose ids name positions, with their letter; undefined when none of its
 * cells has such an id (a list of fixed rows whose kind could have open ones keeps its keys and words).
 */
const positionKindsOf = new WeakMap<TableCell[], Map<string, 'r' | 'x' | 'c'> | null>();

function positionKinds(t: Placed): Map<string, 'r' | 'x' | 'c'> | undefined {
  // By cell list: the copies a layout's words are read again for share it (withOwnWords).
  let kinds = positionKindsOf.get(t.cells);
  if (kinds === undefined) {
    kinds = new Map();
    for (const d of t.def.dims) {
      if (d.type === 'entities') kinds.set(d.id, 'r');
      else if (d.type === 'scored') kinds.set(d.id, 'c');
      else if (d.type === 'members' && d.open) kinds.set(d.id, 'x');
    }
    const at = (k: string, id: string | undefined) => id?.[0] === k && POSITION_ID.test(id);
    const named = [...kinds].some(([d, k]) => t.found.get(d)?.some((id) => at(k, id)) || t.cells.some((c) => at(k, c.key[d])));
    if (!named) kinds = null;
    positionKindsOf.set(t.cells, kinds);
  }
  return kinds ?? undefined;
}

function place(view: SheetView, t: Placed, dr: number, dc: number): Placed {
  const shift = shiftFor(t, dr, dc);
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
