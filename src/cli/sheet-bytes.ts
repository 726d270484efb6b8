// A worksheet part of plain rows written straight as UTF-8 bytes into chunks: markup byte by byte,
// a recurring text's escaped and encoded markup copied, a row's number and an integer's digits
// written without making strings. A summary of 60 workbooks has 1.86 million rows of sources: the
// XML is some 800 MB, past V8's longest string, and built as strings it took 30 s of 120. Each
// 8 MB of it is deflated as soon as written (zip-write.ts), so the XML is never held whole.
import type { Area } from '../core';
import { deflatePart, type Deflated } from './zip-write';

/** A formula with its result (a stacked list's `Всего:` sums). */
export interface FormulaCell {
  formula: string;
  result: number;
}

export type PlainCell = string | number | null | FormulaCell;

export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 has no place for these control characters
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;')).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const SIZE = 8 << 20;

/** Bytes into one buffer of 8 MB, deflated into `out` each time it is full. */
class Chunks {
  readonly out: Deflated = { packed: [], crc: 0, size: 0 };
  buf = Buffer.allocUnsafe(SIZE);
  at = 0;

  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  flush(): void {
    if (this.at) deflatePart(this.out, this.buf.subarray(0, this.at));
    this.at = 0;
  }

  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    // TypedArray.set: Buffer.copy's JavaScript wrapper cost more than the copy of a short text (a
    // loop byte by byte, more still).
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** A non-negative integer's digits (below 2^53, as String() writes them). */
  digits(n: number): void {
    this.room(16);
    const b = this.buf;
    let len = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) len++;
    let at = this.at + len;
    this.at = at;
    for (let x = n; ; ) {
      const q = Math.floor(x / 10);
      b[--at] = 48 + x - q * 10;
      if (q === 0) break;
      x = q;
    }
  }
}

/** A text cell's markup after its reference, escaped and UTF-8-encoded once however often it recurs. */
type Texts = Map<string, Uint8Array>;

const INT = 2 ** 53;

/** A number as String() writes it; an integer's digits without making a string. */
function writeNumber(out: Chunks, v: number): void {
  if (Number.isInteger(v) && Math.abs(v) < INT) {
    if (v < 0) out.ascii('-');
    out.digits(Math.abs(v));
  } else out.ascii(String(v));
}

function writeCell(out: Chunks, v: PlainCell, col: string, row: number, texts: Texts): void {
  if (v === null || v === undefined || v === '') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return;
    out.ascii('<c r="');
    out.ascii(col);
    out.digits(row);
    out.ascii('"><v>');
    writeNumber(out, v);
    out.ascii('</v></c>');
    return;
  }
  if (typeof v === 'object') {
    out.ascii('<c r="');
    out.ascii(col);
    out.digits(row);
    out.bytes(Buffer.from(`"><f>${escapeXml(v.formula)}</f>`, 'utf8'));
    if (Number.isFinite(v.result)) {
      out.ascii('<v>');
      writeNumber(out, v.result);
      out.ascii('</v>');
    }
    out.ascii('</c>');
    return;
  }
  let body = texts.get(v);
  if (body === undefined) texts.set(v, (body = Buffer.from(`" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`, 'utf8')));
  out.ascii('<c r="');
  out.ascii(col);
  out.digits(row);
  out.bytes(body);
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** One worksheet part: its header row, then rows one at a time, deflated as it goes. */
class SheetWriter {
  private readonly out = new Chunks();
  private readonly texts: Texts = new Map();
  private readonly cols: string[] = [];
  /** Rows written, the header's included. */
  rows = 0;

  constructor(
    private readonly header: readonly PlainCell[],
    private readonly filter: boolean,
    private readonly merges: readonly Area[] = [],
  ) {
    this.out.ascii(HEAD);
    this.row(header);
  }

  row(cells: readonly PlainCell[]): void {
    const out = this.out;
    const r = ++this.rows;
    // A row of no cells is left out (a stacked list's blank line above its share).
    if (cells.every((v) => v === null || v === undefined || v === '')) return;
    out.ascii('<row r="');
    out.digits(r);
    out.ascii('">');
    for (let c = 0; c < cells.length; c++) writeCell(out, cells[c], (this.cols[c] ??= colName(c)), r, this.texts);
    out.ascii('</row>');
  }

  end(): Deflated {
    let tail = '</sheetData>';
    if (this.filter && this.header.length) tail += `<autoFilter ref="A1:${colName(this.header.length - 1)}${this.rows}"/>`;
    const ref = (a: Area) => `${colName(a.left)}${a.top + 1}:${colName(a.right)}${a.bottom + 1}`;
    if (this.merges.length) tail += `<mergeCells count="${this.merges.length}">${this.merges.map((a) => `<mergeCell ref="${ref(a)}"/>`).join('')}</mergeCells>`;
    this.out.ascii(tail + '</worksheet>');
    this.out.flush();
    return this.out.out;
  }
}

/**
 * A sheet of rows given one at a time, split at Excel's last row: each part a worksheet of its
 * own with the header on top (`Источники`, `Источники (2)`…, named by xlsx-append.ts).
 */
export class PartsWriter {
  private readonly done: Deflated[] = [];
  private cur: SheetWriter;

  constructor(
    private readonly header: readonly PlainCell[],
    private readonly filter: boolean,
    /** Merged areas of the first part's rows (0-based). */
    merges: readonly Area[] = [],
    /** Rows per part, the header's not counted: Excel's limit, less the header. */
    private readonly max = 1_048_575,
  ) {
    this.cur = new SheetWriter(header, filter, merges);
  }

  row(cells: readonly PlainCell[]): void {
    if (this.cur.rows > this.max) {
      this.done.push(this.cur.end());
      this.cur = new SheetWriter(this.header, this.filter);
    }
    this.cur.row(cells);
  }

  /** The parts, one at least (a header alone when there are no rows). */
  end(): Deflated[] {
    return [...this.done, this.cur.end()];
  }
}
