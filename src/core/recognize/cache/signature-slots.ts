// How a block signature (block-signature.ts) lays out each cell: its slots and the codes they hold.

/**
 * Numbers per cell: what it holds, a text's or year's number, the merge it starts or lies in, and
 * (loose signatures only) where a folded text stands among the block's texts (see `foldOf`).
 */
export const PER_CELL = 6;
export const PER_CELL_LOOSE = 8;
/** A cell's slots, from its first number: flags (kind, indent), payload (text id, year)… */
export const FLAGS = 0;
export const PAYLOAD = 1;
/** …the merge it lies in or starts, relative to the cell: top, left, bottom, right… */
export const MERGE_TOP = 2;
export const MERGE_LEFT = 3;
export const MERGE_BOTTOM = 4;
export const MERGE_RIGHT = 5;
/** …and (loose only) where its folded text first stands, as written and trimmed (`pattern`). */
export const WRITTEN_ORDER = 6;
export const TRIMMED_ORDER = 7;
/** A signature starts with the block's height less one, its width and the lines above it signed. */
export const HEADER = 3;

export const F_FORMULA = 1;
export const F_ERROR = 2;
export const F_NO_RESULT = 4;
export const F_COVERED = 8;
export const F_ORIGIN = 16;
export const V_EMPTY = 0;
export const V_NUMBER = 1 << 5;
export const V_YEAR = 2 << 5;
export const V_TEXT = 3 << 5;
export const V_TRUE = 4 << 5;
export const V_FALSE = 5 << 5;
export const V_NON_FINITE = 6 << 5;
export const V_OTHER = 7 << 5;
export const NO_CELL = -1;
/** `blockText` of a number text recognition reads as it reads a number. */
export const NUMBER_TEXT = -1;
/** A loose signature's mark for a figure or an empty cell in the block (see `Signer.loose`). */
export const FIGURE = -2;
/** A names signature's mark for a plain name, less its leading spaces (see `Signer.plain`). */
export const PLAIN = -16;
export function growBytes(a: Uint8Array, i: number): Uint8Array {
  const out = new Uint8Array(Math.max(i + 1, a.length * 2));
  out.set(a);
  return out;
}

/** FNV-1a over the first `n` numbers of `a`: a signature's (or a block's facts') hash. */
export function hashInts(a: Int32Array, n = a.length): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ a[k], 0x01000193);
  return h;
}

export function grow(a: Int32Array, i: number): Int32Array {
  const out = new Int32Array(Math.max(i + 1, a.length * 2));
  out.set(a);
  return out;
}
