// Builds in-memory sheets from 2-D arrays for engine tests (A1 ranges for merges).
import { parseAddress, type Area, type Cell, type Sheet, type Workbook } from '../../src/core';

export type Raw = string | number | null | undefined | Cell;

export function areaOf(range: string): Area {
  const [a, b] = range.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b ?? a);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** A sheet whose rows[0][0] is A1; `at` shifts the array (e.g. 'C5'). */
export function sheetFrom(name: string, rows: Raw[][], merges: string[] = [], at = 'A1'): Sheet {
  const o = parseAddress(at);
  const out: (Array<Cell | undefined> | undefined)[] = [];
  rows.forEach((row, i) => {
    const r: Array<Cell | undefined> = [];
    row.forEach((v, j) => {
      if (v === undefined || v === null) return;
      r[o.col + j] = typeof v === 'object' ? v : { value: v };
    });
    out[o.row + i] = r;
  });
  return { name, rows: out, merges: merges.map(areaOf) };
}

export function workbook(...sheets: Sheet[]): Workbook {
  return { sheets };
}
