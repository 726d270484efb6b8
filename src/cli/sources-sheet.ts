// «Источники», the summary's sheet of where each figure came from: one row per contribution to a
// summed cell (1.86 million for 60 workbooks of 50 000 cells), then the cells recomputed from the
// sums and the stacked lists' cells. Written row by row into deflated parts (sheet-bytes.ts), the
// rows never held as arrays.
import type { MergeWrite } from '../core/merge/plan';
import type { Trace } from '../core/merge/trace';
import { PartsWriter, type PlainCell } from './sheet-bytes';
import type { Deflated } from './zip-write';

/** The sheet's parts: the contributions to each summed cell, in order, then the `tail` rows. */
export function sourcesSheet(header: string[], writes: readonly MergeWrite[], trace: Trace, how: string, tail: readonly PlainCell[][]): Deflated[] {
  const out = new PartsWriter(header, true);
  // One array for every row: 1.86 million arrays of seven cells kept the collector busy for seconds.
  const row: PlainCell[] = [null, null, null, null, null, null, how];
  for (const w of writes) {
    row[0] = w.sheet;
    row[1] = w.address;
    for (const i of w.sources) {
      row[2] = trace.texts[trace.file[i]];
      row[3] = trace.texts[trace.sheet[i]];
      row[4] = trace.texts[trace.address[i]];
      row[5] = trace.value[i];
      out.row(row);
    }
  }
  for (const r of tail) out.row(r);
  return out.end();
}
