// Every contribution to a summary's cells, in columns. 60 workbooks of 50 000 cells make 1.05
// million of them: held as objects, each of the collector's full passes walked them all, and those
// passes were a quarter of the command's time.
import type { Contribution } from './plan';

/** The contributions: file, sheet and address as indices into `texts`, and the value. Plain data (it crosses threads). */
export interface Trace {
  texts: string[];
  file: Int32Array;
  sheet: Int32Array;
  address: Int32Array;
  value: Float64Array;
  length: number;
}

/** A contribution of the trace as an object. */
export function contribution(t: Trace, i: number): Contribution {
  return { file: t.texts[t.file[i]], sheet: t.texts[t.sheet[i]], address: t.texts[t.address[i]], value: t.value[i] };
}

function grown<A extends Int32Array | Float64Array>(a: A, n: number): A {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (n: number) => A)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** A trace being written: texts interned, columns grown as they fill. */
export class TraceBuilder {
  private readonly ids = new Map<string, number>();
  private readonly t: Trace = { texts: [], file: new Int32Array(4096), sheet: new Int32Array(4096), address: new Int32Array(4096), value: new Float64Array(4096), length: 0 };

  /** The text's index, the same for the same text. */
  text(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) this.ids.set(s, (i = this.t.texts.push(s) - 1));
    return i;
  }

  /** Adds a contribution (texts by their index); returns its index. */
  add(file: number, sheet: number, address: number, value: number): number {
    const t = this.t;
    const i = t.length++;
    if (i >= t.file.length) {
      t.file = grown(t.file, i + 1);
      t.sheet = grown(t.sheet, i + 1);
      t.address = grown(t.address, i + 1);
      t.value = grown(t.value, i + 1);
    }
    t.file[i] = file;
    t.sheet[i] = sheet;
    t.address[i] = address;
    t.value[i] = value;
    return i;
  }

  /** The trace so far (its columns are views of the builder's: read it, do not keep adding after). */
  trace(): Trace {
    const t = this.t;
    const n = t.length;
    return { texts: t.texts, file: t.file.subarray(0, n), sheet: t.sheet.subarray(0, n), address: t.address.subarray(0, n), value: t.value.subarray(0, n), length: n };
  }
}
