// Reads merged areas within Excel's limit: "if the merged areas count in this range is more than
// 512, then this method will fail" (Range.getMergedAreasOrNullObject, ExcelApi 1.13).
import type { Area } from '../core';
import type { XlContext, XlRangeAreas, XlWorksheet } from './xl-types';

/** A part of a sheet to ask for merges: rows `top`..`bottom` (0-based, absolute) of a region. */
export interface MergeUnit {
  sheet: number;
  top: number;
  bottom: number;
}

export interface MergeRead {
  /** Per sheet: merged areas found, absolute (0-based), each once. */
  areas: Area[][];
  /** Sheets some of whose merged areas could not be read. */
  missing: number[];
}

/**
 * Asks for the merges of every unit; a batch that fails (some range holds more than 512 merged
 * areas, or the batch is refused for its size) is split: first into halves of its units, then
 * a unit into halves of its rows. A merge that straddles two halves is reported by both, whole,
 * and kept once. A single row that still fails is given up, and its sheet named in `missing`.
 */
export async function readMerges(
  ctx: XlContext,
  sheets: XlWorksheet[],
  units: MergeUnit[],
  cols: (sheet: number) => [string, string],
): Promise<MergeRead> {
  const areas: Area[][] = sheets.map(() => []);
  const seen = sheets.map(() => new Set<string>());
  const missing = new Set<number>();
  const pending: MergeUnit[][] = units.length ? [units] : [];
  while (pending.length) {
    const group = pending.shift()!;
    const loaded = group.map((u) => {
      const [l, r] = cols(u.sheet);
      const m = sheets[u.sheet].getRange(`${l}${u.top + 1}:${r}${u.bottom + 1}`).getMergedAreasOrNullObject();
      m.load(['address', 'isNullObject']);
      return m;
    });
    try {
      await ctx.sync();
    } catch {
      if (group.length > 1) pending.unshift(group.slice(0, group.length >> 1), group.slice(group.length >> 1));
      else if (group[0].bottom > group[0].top) pending.unshift(...halves(group[0]).map((u) => [u]));
      else missing.add(group[0].sheet);
      continue;
    }
    group.forEach((u, i) => collect(loaded[i], areas[u.sheet], seen[u.sheet]));
  }
  return { areas, missing: [...missing] };
}

function halves(u: MergeUnit): MergeUnit[] {
  const mid = u.top + ((u.bottom - u.top) >> 1);
  return [
    { ...u, bottom: mid },
    { ...u, top: mid + 1 },
  ];
}

function collect(m: XlRangeAreas, into: Area[], seen: Set<string>): void {
  if (m.isNullObject) return;
  for (const a of parseAreas(m.address, { row: 0, col: 0 })) {
    const k = `${a.top},${a.left},${a.bottom},${a.right}`;
    if (!seen.has(k)) {
      seen.add(k);
      into.push(a);
    }
  }
}

/** `Лист1!A1:B2, 'My, sheet'!D4` → areas relative to `origin`. */
export function parseAreas(address: string, origin: { row: number; col: number }): Area[] {
  const re = /(?:'(?:[^']|'')*'|[^,!']+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g;
  const out: Area[] = [];
  for (const m of address.matchAll(re)) {
    const top = Number(m[2]) - 1;
    const left = colIndex(m[1]);
    const bottom = m[4] ? Number(m[4]) - 1 : top;
    const right = m[3] ? colIndex(m[3]) : left;
    out.push({ top: top - origin.row, left: left - origin.col, bottom: bottom - origin.row, right: right - origin.col });
  }
  return out;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
