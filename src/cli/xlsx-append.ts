// Appends plain sheets (a header row and rows of text and numbers) to a written .xlsx package, as
// worksheet XML of inline strings: exceljs spends seconds per 100 000 cells on its style model,
// and a summary of 60 workbooks traces millions of contributions. A sheet past Excel's last row
// goes on in a second sheet of the same name and a number (`Источники (2)`).
import type JSZip from 'jszip';
import { writeZip } from './zip-write';

export type PlainCell = string | number | null;

export interface PlainSheet {
  name: string;
  header: string[];
  rows: PlainCell[][];
  /** A filter on the header row. */
  filter?: boolean;
}

/** Rows per sheet: Excel's limit, less the header. */
const MAX_ROWS = 1_048_575;

function escape(s: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 has no place for these control characters
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;')).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A text's inline-string markup as UTF-8, escaped and encoded once however often it recurs. */
type Texts = Map<string, Buffer>;

/**
 * Bytes written into chunks of CHUNK bytes: markup as Latin-1 (it is ASCII), a recurring text
 * copied from its encoded markup. Building the XML as JavaScript strings and encoding them took
 * 30 s of a 120 s merge of 60 workbooks (strings of a million rows' markup, then their UTF-8).
 */
class Chunks {
  readonly done: Buffer[] = [];
  private buf = Buffer.allocUnsafe(Chunks.SIZE);
  private at = 0;
  static readonly SIZE = 8 << 20;

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    this.done.push(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(Math.max(Chunks.SIZE, n));
    this.at = 0;
  }

  ascii(s: string): void {
    this.room(s.length);
    this.at += this.buf.write(s, this.at, 'latin1');
  }

  bytes(b: Buffer): void {
    this.room(b.length);
    this.at += b.copy(this.buf, this.at);
  }

  end(): Buffer[] {
    if (this.at) this.done.push(this.buf.subarray(0, this.at));
    return this.done;
  }
}

function writeCell(out: Chunks, v: PlainCell, ref: string, texts: Texts): void {
  if (v === null || v === undefined || v === '') return;
  if (typeof v === 'number') {
    if (Number.isFinite(v)) out.ascii(`<c r="${ref}"><v>${v}</v></c>`);
    return;
  }
  let body = texts.get(v);
  if (body === undefined) texts.set(v, (body = Buffer.from(`" t="inlineStr"><is><t xml:space="preserve">${escape(v)}</t></is></c>`, 'utf8')));
  out.ascii(`<c r="${ref}`);
  out.bytes(body);
}

/**
 * The worksheet part as UTF-8 bytes in chunks, never joined: a million rows of seven cells are some
 * 600 MB of XML, past V8's longest string ("Invalid string length" on 60 inputs of 50 000 cells);
 * zip-write.ts deflates the chunks one by one.
 */
function sheetXml(header: string[], rows: PlainCell[][], filter: boolean): Buffer[] {
  const out = new Chunks();
  out.ascii('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const all = [header as PlainCell[], ...rows];
  const texts: Texts = new Map();
  const cols = Array.from({ length: Math.max(header.length, ...rows.slice(0, 1).map((r) => r.length)) }, (_, c) => colName(c));
  for (let r = 0; r < all.length; r++) {
    const row = all[r];
    const rn = String(r + 1);
    out.ascii(`<row r="${rn}">`);
    for (let c = 0; c < row.length; c++) writeCell(out, row[c], (cols[c] ?? colName(c)) + rn, texts);
    out.ascii('</row>');
  }
  let tail = '</sheetData>';
  if (filter && header.length) tail += `<autoFilter ref="A1:${colName(header.length - 1)}${all.length}"/>`;
  out.ascii(tail + '</worksheet>');
  return out.end();
}

/** The next free `rIdN` and `sheetN.xml` of a package. */
function nextIds(rels: string, zip: JSZip): { rid: number; sheetNo: number } {
  let rid = 0;
  for (const m of rels.matchAll(/Id="rId(\d+)"/g)) rid = Math.max(rid, Number(m[1]));
  let sheetNo = 0;
  zip.forEach((p) => {
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p);
    if (m) sheetNo = Math.max(sheetNo, Number(m[1]));
  });
  return { rid: rid + 1, sheetNo: sheetNo + 1 };
}

/** The sheets split at Excel's last row: `name`, `name (2)`, … */
function parts(s: PlainSheet, taken: Set<string>): Array<{ name: string; rows: PlainCell[][] }> {
  const out: Array<{ name: string; rows: PlainCell[][] }> = [];
  for (let i = 0; i === 0 || i < s.rows.length; i += MAX_ROWS) {
    let name = out.length ? `${s.name} (${out.length + 1})` : s.name;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${s.name} (${out.length + k})`;
    taken.add(name.toLowerCase());
    out.push({ name: name.slice(0, 31), rows: s.rows.slice(i, i + MAX_ROWS) });
  }
  return out;
}

/** Adds the sheets at the end of the package's workbook; returns the new package and the names given. */
export async function appendSheets(buf: Buffer, sheets: PlainSheet[]): Promise<{ buf: Buffer; names: string[] }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zip = await (require('jszip') as typeof import('jszip')).loadAsync(buf);
  let workbook = await zip.file('xl/workbook.xml')!.async('string');
  let rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  let types = await zip.file('[Content_Types].xml')!.async('string');
  const ids = nextIds(rels, zip);
  let sheetId = 0;
  for (const m of workbook.matchAll(/sheetId="(\d+)"/g)) sheetId = Math.max(sheetId, Number(m[1]));
  const taken = new Set([...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1].toLowerCase()));
  const names: string[] = [];
  const added = new Map<string, Buffer[]>();
  for (const s of sheets)
    for (const p of parts(s, taken)) {
      const file = `worksheets/sheet${ids.sheetNo}.xml`;
      // Kept aside, not given to JSZip: it would copy the bytes into its own buffers.
      added.set(`xl/${file}`, sheetXml(s.header, p.rows, s.filter ?? false));
      zip.file(`xl/${file}`, '');
      rels = rels.replace('</Relationships>', `<Relationship Id="rId${ids.rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${file}"/></Relationships>`);
      types = types.replace('</Types>', `<Override PartName="/xl/${file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
      workbook = workbook.replace('</sheets>', `<sheet name="${escape(p.name)}" sheetId="${++sheetId}" r:id="rId${ids.rid}"/></sheets>`);
      names.push(p.name);
      ids.rid++;
      ids.sheetNo++;
    }
  zip.file('xl/workbook.xml', workbook);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  // The package's parts as they are, then the new ones; written with zlib (see zip-write.ts).
  const entries = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => ({ name: f.name, data: added.get(f.name) ?? (await f.async('nodebuffer')) })),
  );
  return { buf: writeZip(entries), names };
}
