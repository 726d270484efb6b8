// A summary put together on several threads: each thread's builder adds its own contiguous share of
// the inputs, and hands what it added over as a part (plain data: it crosses threads); the first
// share's builder absorbs the parts in input order, as if it had added those inputs itself.
import type { MergePlan, MergeWrite, Unmerged } from './plan';
import type { Stack, StackRow } from './stack';
import type { TraceBuilder } from './trace';

/**
 * What a builder added, without the template (each thread has its own copy of its analysis).
 * The contributions are columns of indices into `texts` and of values, as the trace holds them:
 * a share of 30 inputs of 50 000 cells traces some 525 000, and cloning 930 000 such objects between
 * threads took 6 s (serialized 2 s, read back 4.6 s) where the columns take a fraction of one.
 */
export interface MergePart {
  /** The template's table ids, in order: the parts of one template only are combined. */
  template: string[];
  /** Summary cells in the order they were first summed, and how many contributions each has. */
  writes: Array<{ key: string; sheet: string; address: string; row: number; col: number; table: string; count: number }>;
  /** Files, sheets and addresses of the contributions, each text once. */
  texts: string[];
  /** Per contribution, write by write in order: its file, sheet and address (indices into `texts`) and its value. */
  file: Int32Array;
  sheet: Int32Array;
  address: Int32Array;
  value: Float64Array;
  unmerged: Unmerged[];
  /** Rows stacked into each template list (by the template table's id). */
  stacks: Array<{ table: string; rows: StackRow[] }>;
  inputs: MergePlan['inputs'];
}

/** A builder's state that a part is made of, or absorbed into. */
export interface PartState {
  template: string[];
  sums: Map<string, MergeWrite>;
  trace: TraceBuilder;
  unmerged: Unmerged[];
  stacks: Stack[];
  stats: MergePlan['inputs'];
}

/** The state's additions as a part (the state is left as it is). */
export function toPart(s: PartState): MergePart {
  const t = s.trace.trace();
  let n = 0;
  for (const w of s.sums.values()) n += w.sources.length;
  const file = new Int32Array(n);
  const sheet = new Int32Array(n);
  const address = new Int32Array(n);
  const value = new Float64Array(n);
  const writes: MergePart['writes'] = [];
  let k = 0;
  for (const [key, w] of s.sums) {
    writes.push({ key, sheet: w.sheet, address: w.address, row: w.row, col: w.col, table: w.table, count: w.sources.length });
    for (const i of w.sources) {
      file[k] = t.file[i];
      sheet[k] = t.sheet[i];
      address[k] = t.address[i];
      value[k++] = t.value[i];
    }
  }
  const stacks = s.stacks.map((st) => ({ table: st.table, rows: st.rows }));
  return { template: s.template, writes, texts: t.texts, file, sheet, address, value, unmerged: s.unmerged, stacks, inputs: s.stats };
}

/** The part's buffers, to be moved to the receiving thread rather than copied. */
export function partBuffers(p: MergePart): ArrayBuffer[] {
  return [p.file.buffer, p.sheet.buffer, p.address.buffer, p.value.buffer] as ArrayBuffer[];
}

/** Whether the part was made on the same template (same tables, same ids) as the state. */
export function sameTemplate(s: PartState, p: MergePart): boolean {
  return p.template.length === s.template.length && p.template.every((t, i) => t === s.template[i]);
}

/**
 * The part's inputs added after the state's own, as adding them one by one would have: a summary
 * cell first summed by the part goes after the state's, its contributions after the state's, its
 * sum added up contribution by contribution in the same order (the same floating-point result).
 */
export function absorbPart(s: PartState, p: MergePart): void {
  const text = p.texts.map((x) => s.trace.text(x));
  let k = 0;
  for (const pw of p.writes) {
    let w = s.sums.get(pw.key);
    if (!w) {
      w = { sheet: pw.sheet, address: pw.address, row: pw.row, col: pw.col, table: pw.table, value: 0, sources: [] };
      s.sums.set(pw.key, w);
    }
    for (const end = k + pw.count; k < end; k++) {
      w.value += p.value[k];
      w.sources.push(s.trace.add(text[p.file[k]], text[p.sheet[k]], text[p.address[k]], p.value[k]));
    }
  }
  for (const u of p.unmerged) s.unmerged.push(u);
  for (const ps of p.stacks) {
    const st = s.stacks.find((x) => x.table === ps.table);
    if (st) for (const r of ps.rows) st.rows.push(r);
  }
  for (const i of p.inputs) s.stats.push(i);
}
