// JSON text for the report: indented down to the records, one record per line. A workbook with
// 200 000 issues prints 200 000 lines a person can grep, not 3 million, in half the bytes.
import { Chunks } from '../chunks';

/** Depth at which values are written on one line: report → files → file → issues → issue. */
const FLAT_DEPTH = 4;

/** JSON.stringify(value, null, 2) but compact from `FLAT_DEPTH` down; parses to the same value. */
export function jsonText(value: unknown): string {
  const parts: string[] = [];
  writeJson(value, (s) => parts.push(s));
  return parts.join('');
}

/** The same text, handed to `emit` in pieces of about a megabyte. */
export function writeJson(value: unknown, emit: (s: string) => void): void {
  const out = new Chunks(emit);
  write(value, 0, out);
  out.flush();
}

function write(value: unknown, depth: number, out: Chunks): void {
  const flat = depth >= FLAT_DEPTH || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function';
  if (flat) {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const pad = '\n' + '  '.repeat(depth + 1);
  const end = '\n' + '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (!value.length) return void out.push('[]');
    out.push('[');
    value.forEach((v, i) => {
      out.push(i ? ',' + pad : pad);
      // As JSON.stringify does: what has no JSON form is null inside an array.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') out.push('null');
      else write(v, depth + 1, out);
    });
    out.push(end + ']');
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.length) return void out.push('{}');
  out.push('{');
  entries.forEach(([k, v], i) => {
    out.push((i ? ',' : '') + pad + JSON.stringify(k) + ': ');
    write(v, depth + 1, out);
  });
  out.push(end + '}');
}
