// «Источники», the summary's sheet of where each figure came from: one row per contribution to a
// summed cell (1.05 million for 60 workbooks of 50 000 cells), then the cells recomputed from the
// sums and the stacked lists' cells. Written row by row into deflated parts (sheet-bytes.ts), the
// rows never held as arrays; on a worker thread while the main one writes the summary's own sheets.
import type { MergeWrite } from '../core/merge/plan';
import type { Trace } from '../core/merge/trace';
import { PartsWriter, type PlainCell } from './sheet-bytes';
import type { Deflated } from './zip-write';

/**
 * What the sheet is written from: plain data and typed arrays, sent to a worker thread as they are
 * (the writes' index lists as arrays of numbers took 0.4 s to clone for 10 inputs).
 */
export interface SourcesJob {
  header: string[];
  /** «Как получено» of a contribution. */
  how: string;
  /** The rows after the contributions. */
  tail: PackedRows;
  /** The summed cells' sheets and addresses. */
  cellTexts: string[];
  /** Per summed cell, in order: its sheet and address (indices into `cellTexts`) and how many contributions it has. */
  cellSheet: Int32Array;
  cellAddress: Int32Array;
  count: Int32Array;
  /** The contributions' files, sheets and addresses. */
  texts: string[];
  /** Per contribution, cell by cell in order: its file, sheet and address (indices into `texts`) and value. */
  file: Int32Array;
  sheet: Int32Array;
  address: Int32Array;
  value: Float64Array;
}

/**
 * Rows of plain cells as columns of numbers: each cell a number, or an index into `texts` (a stacked
 * lists' 810 000 cells for 60 inputs, as arrays of arrays, took seconds to clone to a worker).
 */
export interface PackedRows {
  width: number;
  texts: string[];
  /** 0 empty, 1 a number, 2 a text; row after row, `width` a row. */
  kind: Uint8Array;
  value: Float64Array;
}

function packRows(rows: readonly PlainCell[][]): PackedRows {
  const width = rows.reduce((a, r) => Math.max(a, r.length), 0);
  const ids = new Map<string, number>();
  const texts: string[] = [];
  const kind = new Uint8Array(rows.length * width);
  const value = new Float64Array(rows.length * width);
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      const k = i * width + c;
      if (typeof v === 'number') {
        kind[k] = 1;
        value[k] = v;
      } else if (typeof v === 'string') {
        let t = ids.get(v);
        if (t === undefined) ids.set(v, (t = texts.push(v) - 1));
        kind[k] = 2;
        value[k] = t;
      }
    }),
  );
  return { width, texts, kind, value };
}

function eachPacked(p: PackedRows, fn: (row: readonly PlainCell[]) => void): void {
  const row: PlainCell[] = new Array<PlainCell>(p.width).fill(null);
  for (let k = 0; k < p.kind.length; k += p.width) {
    for (let c = 0; c < p.width; c++) {
      const kind = p.kind[k + c];
      row[c] = kind === 1 ? p.value[k + c] : kind === 2 ? p.texts[p.value[k + c]] : null;
    }
    fn(row);
  }
}

/** The plan's writes and their contributions, gathered in the sheet's order. */
export function sourcesJob(
  header: string[],
  writes: readonly MergeWrite[],
  trace: Trace,
  how: string,
  tail: PlainCell[][],
): SourcesJob {
  const ids = new Map<string, number>();
  const cellTexts: string[] = [];
  const id = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = cellTexts.push(s) - 1));
    return i;
  };
  const n = writes.reduce((a, w) => a + w.sources.length, 0);
  const j: SourcesJob = {
    header,
    how,
    tail: packRows(tail),
    cellTexts,
    texts: trace.texts,
    cellSheet: new Int32Array(writes.length),
    cellAddress: new Int32Array(writes.length),
    count: new Int32Array(writes.length),
    file: new Int32Array(n),
    sheet: new Int32Array(n),
    address: new Int32Array(n),
    value: new Float64Array(n),
  };
  let k = 0;
  writes.forEach((w, c) => {
    j.cellSheet[c] = id(w.sheet);
    j.cellAddress[c] = id(w.address);
    j.count[c] = w.sources.length;
    for (const i of w.sources) {
      j.file[k] = trace.file[i];
      j.sheet[k] = trace.sheet[i];
      j.address[k] = trace.address[i];
      j.value[k++] = trace.value[i];
    }
  });
  return j;
}

/** The job's buffers, moved to the worker rather than copied. */
export function jobBuffers(j: SourcesJob): ArrayBuffer[] {
  return [j.cellSheet, j.cellAddress, j.count, j.file, j.sheet, j.address, j.value, j.tail.kind, j.tail.value].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** The sheet's parts: the contributions to each summed cell, in order, then the tail's rows. */
export function sourcesSheet(j: SourcesJob): Deflated[] {
  const out = new PartsWriter(j.header, true);
  // One array for every row: a million arrays of seven cells kept the collector busy for seconds.
  const row: PlainCell[] = [null, null, null, null, null, null, j.how];
  for (let c = 0, k = 0; c < j.count.length; c++) {
    row[0] = j.cellTexts[j.cellSheet[c]];
    row[1] = j.cellTexts[j.cellAddress[c]];
    for (const end = k + j.count[c]; k < end; k++) {
      row[2] = j.texts[j.file[k]];
      row[3] = j.texts[j.sheet[k]];
      row[4] = j.texts[j.address[k]];
      row[5] = j.value[k];
      out.row(row);
    }
  }
  eachPacked(j.tail, (r) => out.row(r));
  return out.end();
}
