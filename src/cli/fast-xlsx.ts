// Reads an .xlsx buffer into the engine's grid without exceljs: a small ZIP reader over Node's zlib and
// indexOf-based scanners for the few parts the grid needs (workbook, its relationships, shared strings,
// styles, worksheets). It yields exactly what parseXlsx (exceljs plus its fixes) yields, exceljs's
// quirks included (see the comments marked "exceljs:"). A construct this reader does not reproduce
// throws FastXlsxUnsupported, and the caller reads the file with exceljs instead; a file that cannot
// be a workbook at all throws a ReadError, as parseXlsx does.
// Where the two differ: a file exceljs fails on (→ 'corrupt') because of something the grid does not
// need (conditional formats without a styles part, a damaged image, a missing comments part, malformed
// XML outside what this reader scans) is read here; so is one with a row, or a row's first cell, without
// `r` (read as the spec has it: after the previous row or cell), and a zip64 end record beside a complete
// classic one (JSZip takes it for data before the zip). A formula cell without `r` keeps its cached 0,
// which parseXlsx cannot find (it looks results up by address). Parts whose elements carry a prefix
// (`<x:c>`, as .NET's Open XML SDK writes them; exceljs fails on every such file) are read as the spec
// has them: parts found through their relationships whatever their names, stored results kept as written.
import { posix } from 'path';
import { inflateRawSync } from 'zlib';
import { cachedValuesIn } from './raw-results';
import { dateText, isoDate } from './dates';
import type { Area, Cell, Sheet, Workbook } from '../core';
import { ReadError } from './read-errors';

// exceljs's own formula mover (a small module: loading it does not load exceljs).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula(formula: string, from: string, to: string): string };

/** A construct the fast reader leaves to exceljs (XML comments, invalid names, odd markup…). */
export class FastXlsxUnsupported extends Error {
  constructor(what: string) {
    super(`fast xlsx reader: ${what}`);
    this.name = 'FastXlsxUnsupported';
  }
}

const unsupported = (what: string): never => {
  throw new FastXlsxUnsupported(what);
};

// ---------------------------------------------------------------------------------------------
// ZIP

interface ZipEntry {
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

class Zip {
  readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly buf: Buffer) {
    // End of central directory: the last signature in the file, as JSZip looks for it (a truncated file has none).
    const eocd = buf.lastIndexOf(EOCD);
    if (eocd < 0) throw new ReadError('corrupt', 'end of central directory not found');
    if (eocd + 22 > buf.length) unsupported('end of central directory');
    let count = buf.readUInt16LE(eocd + 10);
    let offset = buf.readUInt32LE(eocd + 16);
    // Zip64 (some zip libraries write it for small files too): as JSZip, the zip64 end record (found
    // through the locator just before the end record) is read when a field of the end record is full.
    if (count === 0xffff || offset === 0xffffffff || buf.readUInt32LE(eocd + 12) === 0xffffffff || buf.readUInt16LE(eocd + 4) === 0xffff || buf.readUInt16LE(eocd + 6) === 0xffff || buf.readUInt16LE(eocd + 8) === 0xffff) {
      if (eocd < 20 || buf.readUInt32LE(eocd - 20) !== 0x07064b50) unsupported('zip64 without its locator');
      const z = u64(buf, eocd - 12);
      if (z + 56 > buf.length || buf.readUInt32LE(z) !== 0x06064b50) unsupported('zip64 end of central directory');
      count = u64(buf, z + 32);
      offset = u64(buf, z + 48);
    }
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) unsupported('central directory');
      const flags = buf.readUInt16LE(p + 8);
      const nameLength = buf.readUInt16LE(p + 28);
      const end = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
      if (end > buf.length) unsupported('central directory');
      let name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      // exceljs drops a leading slash from entry names.
      if (name.startsWith('/')) name = name.slice(1);
      let compressedSize = buf.readUInt32LE(p + 20);
      let localOffset = buf.readUInt32LE(p + 42);
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // Zip64 extra field (id 1): the 8-byte values of the fields set to 0xffffffff, in this order.
        const sizes = zip64Extra(buf, p + 46 + nameLength, p + 46 + nameLength + buf.readUInt16LE(p + 30));
        let k = buf.readUInt32LE(p + 24) === 0xffffffff ? 8 : 0;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, sizes + k);
          k += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(buf, sizes + k);
      }
      this.entries.set(name, { flags, method: buf.readUInt16LE(p + 10), compressedSize, localOffset });
      p = end;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's text (UTF-8), or undefined when there is no such entry. */
  text(name: string): string | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const buf = this.buf;
    const p = e.localOffset;
    if (e.flags & 1) unsupported('encrypted entry');
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) unsupported('local header');
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) unsupported('entry data past the end');
    let data: Buffer;
    if (e.method === 0) data = buf.subarray(start, end);
    else if (e.method === 8) {
      try {
        data = inflateRawSync(buf.subarray(start, end));
      } catch {
        return unsupported('inflate');
      }
    } else return unsupported(`compression method ${e.method}`);
    const s = data.toString('utf8');
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }
}

/** An 8-byte little-endian length or offset (exact below 2^53, far beyond any buffer). */
function u64(buf: Buffer, at: number): number {
  if (at < 0 || at + 8 > buf.length) unsupported('zip64 field');
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 0x100000000;
}

/** Where the data of the zip64 extra field (header id 1) starts in an entry's extra fields. */
function zip64Extra(buf: Buffer, from: number, to: number): number {
  for (let q = from; q + 4 <= to; q += 4 + buf.readUInt16LE(q + 2)) if (buf.readUInt16LE(q) === 1) return q + 4;
  return unsupported('zip64 extra field');
}

// ---------------------------------------------------------------------------------------------
// XML scanning

/** Decodes the five predefined entities and character references; anything else is left to exceljs (saxes rejects it). */
function decodeEntities(s: string): string {
  let i = s.indexOf('&');
  if (i < 0) return s;
  let out = '';
  let last = 0;
  while (i >= 0) {
    const semi = s.indexOf(';', i + 1);
    if (semi < 0) unsupported('entity');
    const name = s.slice(i + 1, semi);
    let ch: string;
    switch (name) {
      case 'amp':
        ch = '&';
        break;
      case 'lt':
        ch = '<';
        break;
      case 'gt':
        ch = '>';
        break;
      case 'quot':
        ch = '"';
        break;
      case 'apos':
        ch = "'";
        break;
      default: {
        // &#NNN; or &#xHHH; (openpyxl writes every Cyrillic letter so): read without a regular expression.
        const hex = name.charCodeAt(1) === 120;
        let j = hex ? 2 : 1;
        if (name.charCodeAt(0) !== 35 || j >= name.length) return unsupported(`entity &${name};`);
        let n = 0;
        for (; j < name.length; j++) {
          const c = name.charCodeAt(j);
          const d = c >= 48 && c <= 57 ? c - 48 : hex && c >= 97 && c <= 102 ? c - 87 : hex && c >= 65 && c <= 70 ? c - 55 : -1;
          if (d < 0) return unsupported(`entity &${name};`);
          n = n * (hex ? 16 : 10) + d;
        }
        const ok = n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
        if (!ok) return unsupported(`character reference &${name};`);
        ch = String.fromCodePoint(n);
      }
    }
    out += s.slice(last, i) + ch;
    last = semi + 1;
    i = s.indexOf('&', last);
  }
  return out + s.slice(last);
}

/** Text content as saxes gives it: line ends normalized to \n, entities decoded. */
function decodeText(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return decodeEntities(s);
}

/** An attribute value as saxes gives it: line ends and tabs normalized to spaces, entities decoded. */
function decodeAttr(s: string): string {
  if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0) s = s.replace(/\r\n?|[\n\t]/g, ' ');
  return decodeEntities(s);
}

/** A forward-only tag scanner over one XML document (no comments, CDATA, DTD or processing instructions inside). */
class Scanner {
  pos: number;
  /** Name of the current tag (without `prefix`; with any other prefix). */
  name = '';
  /**
   * The prefix the part gives its own elements (`x:` where the root is `<x:worksheet xmlns:x="…">`,
   * as .NET's Open XML SDK writes parts), or '' (see openRoot).
   */
  prefix = '';
  /** A closing tag `</x>`. */
  close = false;
  /** A self-closing tag `<x/>`. */
  self = false;
  /** Where the text before the current tag starts, and where the tag starts. */
  textStart = 0;
  tagStart = 0;
  /** The current tag's attributes: name start, name end, value start, value end (quotes excluded), `attrCount` of them. */
  readonly attrPos = new Int32Array(4 * 64);
  attrCount = 0;

  constructor(
    readonly xml: string,
    start = 0,
    readonly end = xml.length,
  ) {
    this.pos = start;
  }

  /** Moves to the next tag, reading its attributes; false at the end of the range. */
  next(): boolean {
    const xml = this.xml;
    const end = this.end;
    const lt = xml.indexOf('<', this.pos);
    this.textStart = this.pos;
    if (lt < 0 || lt >= end) {
      this.tagStart = this.pos = end;
      return false;
    }
    this.tagStart = lt;
    let i = lt + 1;
    let c = xml.charCodeAt(i);
    const close = c === 47;
    if (close) i++;
    else if (c === 33 || c === 63) unsupported('markup declaration, comment or processing instruction');
    let nameStart = i;
    for (; i < end; i++) {
      c = xml.charCodeAt(i);
      if (c === 62 || c === 47 || c <= 32) break;
    }
    // The part's own prefix is left out of the name (sliced once: a one-letter name is then shared).
    if (this.prefix !== '' && xml.startsWith(this.prefix, nameStart)) nameStart += this.prefix.length;
    this.name = xml.slice(nameStart, i);
    const pos = this.attrPos;
    let n = 0;
    let self = false;
    for (;;) {
      while (i < end && (c = xml.charCodeAt(i)) <= 32) i++;
      if (i >= end) unsupported('unterminated tag');
      if (c === 62) break;
      if (c === 47 && !close && xml.charCodeAt(i + 1) === 62) {
        self = true;
        i++;
        break;
      }
      if (close || n === 64) unsupported('attribute syntax');
      const ns = i;
      while (i < end && (c = xml.charCodeAt(i)) !== 61 && c > 32 && c !== 62 && c !== 47) i++;
      const ne = i;
      while (i < end && xml.charCodeAt(i) <= 32) i++;
      if (xml.charCodeAt(i) !== 61 || ne === ns) unsupported('attribute syntax');
      i++;
      while (i < end && xml.charCodeAt(i) <= 32) i++;
      const q = xml.charCodeAt(i);
      if (q !== 34 && q !== 39) unsupported('attribute syntax');
      const ve = xml.indexOf(q === 34 ? '"' : "'", i + 1);
      if (ve < 0 || ve >= end) unsupported('attribute syntax');
      const k = 4 * n++;
      pos[k] = ns;
      pos[k + 1] = ne;
      pos[k + 2] = i + 1;
      pos[k + 3] = ve;
      i = ve + 1;
    }
    this.close = close;
    this.self = self;
    this.attrCount = n;
    this.pos = i + 1;
    return true;
  }

  /** The decoded value of the k-th attribute. */
  attrValue(k: number): string {
    const v = this.xml.slice(this.attrPos[4 * k + 2], this.attrPos[4 * k + 3]);
    return v.indexOf('&') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\t') < 0 ? v : decodeAttr(v);
  }

  /** The decoded value of an attribute of the current tag. */
  attr(want: string): string | undefined {
    const pos = this.attrPos;
    for (let k = 0; k < this.attrCount; k++) {
      const ns = pos[4 * k];
      if (pos[4 * k + 1] - ns === want.length && this.xml.startsWith(want, ns)) return this.attrValue(k);
    }
    return undefined;
  }

  /** After an opening tag: moves past the end of its element. */
  skip(): void {
    if (this.self) return;
    let depth = 1;
    while (this.next()) {
      if (this.close) {
        if (--depth === 0) return;
      } else if (!this.self) depth++;
    }
    unsupported('unterminated element');
  }

  /** After an opening tag of a text-only element: its decoded text ('' when empty); moves past its closing tag. */
  text(): string {
    if (this.self) return '';
    const name = this.name;
    const start = this.pos;
    if (!this.next() || !this.close || this.name !== name) unsupported(`markup inside <${name}>`);
    const raw = this.xml.slice(start, this.tagStart);
    return raw.indexOf('&') < 0 && raw.indexOf('\r') < 0 ? raw : decodeText(raw);
  }
}

/** The namespaces of the parts' elements: SpreadsheetML (transitional and strict), and package relationships. */
const PART_NAMESPACES = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main', 'http://schemas.openxmlformats.org/package/2006/relationships']);

/**
 * The document's root element, with the scanner just past its opening tag. A root written with a
 * prefix its own tag declares for the part's namespace (`<x:worksheet xmlns:x="…/main">`) gives the
 * scanner that prefix: exceljs fails on such a part, Excel reads it.
 */
function openRoot(xml: string, root: string): Scanner {
  let start = 0;
  while (start < xml.length && xml.charCodeAt(start) <= 32) start++;
  if (xml.startsWith('<?xml', start)) {
    const e = xml.indexOf('?>', start);
    if (e < 0) unsupported('XML declaration');
    start = e + 2;
  }
  // Comments, CDATA, DTDs and processing instructions change what saxes reports: the scanner stops at
  // every tag, and leaves a document with any of them to exceljs.
  const sc = new Scanner(xml, start);
  if (!sc.next() || sc.close) unsupported('root element');
  const colon = sc.name.indexOf(':');
  if (colon > 0 && sc.name.slice(colon + 1) === root && PART_NAMESPACES.has(sc.attr(`xmlns:${sc.name.slice(0, colon)}`) ?? '')) {
    sc.prefix = sc.name.slice(0, colon + 1);
    sc.name = root;
  }
  if (sc.name !== root) unsupported(`root element <${sc.name}>, not <${root}>`);
  return sc;
}

/** Visits the children of the current element (the scanner just past its opening tag); the visitor must consume each child. */
function children(sc: Scanner, visit: (name: string) => void): void {
  if (sc.self) return;
  const name = sc.name;
  while (sc.next()) {
    if (sc.close) {
      if (sc.name !== name) unsupported(`</${sc.name}> closing <${name}>`);
      return;
    }
    visit(sc.name);
  }
  unsupported(`unterminated <${name}>`);
}

// ---------------------------------------------------------------------------------------------
// Workbook parts

/** Relationship id → attributes, as exceljs's RelationshipsXform reads them. */
function readRels(xml: string | undefined): Map<string, { type?: string; target?: string }> {
  const rels = new Map<string, { type?: string; target?: string }>();
  if (xml === undefined) return rels;
  const sc = openRoot(xml, 'Relationships');
  children(sc, (name) => {
    // exceljs: any other element in a relationships part is an error.
    if (name !== 'Relationship') unsupported(`<${name}> in relationships`);
    const id = sc.attr('Id');
    if (id === undefined) unsupported('relationship without an id');
    rels.set(id!, { type: sc.attr('Type'), target: sc.attr('Target') });
    sc.skip();
  });
  return rels;
}

/** exceljs's utils.xmlDecode, which exceljs applies on top of the XML parser's decoding to sheet names and `t="str"` values. */
function xmlDecodeAgain(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** exceljs's `_xHHHH_` escapes in shared-string and rich-text runs (upper-case hex only). */
function unescapeX(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Shared strings: the text of each `<si>`; `null` for an `<si>` with neither text nor runs (exceljs makes `[object Object]` of it). */
interface SharedStrings {
  text: Array<string | null>;
  rich: Uint8Array;
}

/** The text of a rich-text run <r> (its <rPr> skipped), in a shared or an inline string. */
function runText(sc: Scanner): string | undefined {
  let run: string | undefined;
  children(sc, (g) => {
    if (g === 't') run = unescapeX(sc.text());
    else if (g === 'rPr') sc.skip();
    else unsupported(`<${g}> in a run`);
  });
  return run;
}

function readSharedStrings(xml: string): SharedStrings {
  const text: Array<string | null> = [];
  const richIdx: number[] = [];
  const sc = openRoot(xml, 'sst');
  children(sc, (name) => {
    // exceljs: any element other than <si> in the string table is an error.
    if (name !== 'si') unsupported(`<${name}> in sharedStrings`);
    let plain: string | undefined;
    let runs: Array<string | undefined> | undefined;
    children(sc, (child) => {
      if (child === 't') {
        // A later <t> replaces what came before it.
        plain = unescapeX(sc.text());
        runs = undefined;
      } else if (child === 'r') {
        // exceljs fails on a run after a plain <t> (it sets a property on a string).
        if (plain !== undefined) unsupported('a run after <t> in <si>');
        (runs ??= []).push(runText(sc));
      } else if (child === 'rPh' || (child === 'phoneticPr' && sc.self)) {
        // Phonetic runs are not part of the text.
        sc.skip();
      } else unsupported(`<${child}> in <si>`);
    });
    if (plain !== undefined) text.push(plain);
    else if (runs) {
      richIdx.push(text.length);
      text.push(runs.join(''));
    } else text.push(null);
  });
  const rich = new Uint8Array(text.length);
  for (const i of richIdx) rich[i] = 1;
  return { text, rich };
}

/** exceljs's built-in number formats (lib/xlsx/defaultnumformats.js, the entries with a culture-independent code). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's utils.isDateFmt: a format with y, m, d, h, s or b outside quotes and brackets makes numbers dates. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

interface StyleFormat {
  numFmt: string | undefined;
  date: boolean;
}

class Styles {
  private readonly cache: Array<StyleFormat | undefined> = [];
  private static readonly NONE: StyleFormat = { numFmt: undefined, date: false };

  constructor(
    private readonly xfNumFmt: number[] | undefined,
    private readonly custom: Map<number, string>,
  ) {}

  static read(xml: string | undefined): Styles | undefined {
    if (xml === undefined) return undefined;
    const sc = openRoot(xml, 'styleSheet');
    const custom = new Map<number, string>();
    let xfs: number[] | undefined;
    children(sc, (name) => {
      if (name === 'numFmts') {
        children(sc, (child) => {
          if (child === 'numFmt') {
            const code = sc.attr('formatCode');
            if (code === undefined) unsupported('numFmt without formatCode');
            // exceljs drops the backslash of every escaped character.
            custom.set(parseInt(sc.attr('numFmtId')!, 10), code!.replace(/[\\](.)/g, '$1'));
          }
          sc.skip();
        });
      } else if (name === 'cellXfs') {
        const list: number[] = [];
        children(sc, (child) => {
          if (child === 'xf') list.push(parseInt(sc.attr('numFmtId')!, 10));
          sc.skip();
        });
        xfs = list.length ? list : undefined;
      } else sc.skip();
    });
    return new Styles(xfs, custom);
  }

  /** The number format of a cell's style id, as exceljs's getStyleModel gives it. */
  of(styleId: number): StyleFormat {
    // exceljs: a style id of 0 (or none) means no style at all.
    if (!styleId) return Styles.NONE;
    let f = this.cache[styleId];
    if (f) return f;
    // exceljs fails on a styled cell when styles.xml has no cell formats.
    if (!this.xfNumFmt) unsupported('cell style without cellXfs');
    const id = this.xfNumFmt![styleId];
    let numFmt: string | undefined;
    if (id) numFmt = this.custom.get(id) || BUILTIN_FORMATS[id];
    f = numFmt ? { numFmt, date: isDateFmt(numFmt) } : Styles.NONE;
    if (styleId >= 0) this.cache[styleId] = f;
    return f;
  }
}

// ---------------------------------------------------------------------------------------------
// Values as exceljs holds them, and parseXlsx's conversion of them (toCell)

type ErrorValue = { error: string };
/** A cell value as exceljs ends up with it: richText values are kept joined, with `rich` set. */
type XValue = number | string | boolean | Date | ErrorValue | undefined;

function excelToDate(v: unknown, date1904: boolean): Date {
  // exceljs's utils.excelToDate, applied to whatever the result is (a string or boolean too).
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** parseXlsx's toCell for a plain (non-formula) value. */
function plainCell(v: XValue, numFmt: string | undefined): Cell {
  let cell: Cell;
  if (v instanceof Date) cell = { value: dateText(v) };
  else if (typeof v === 'object') cell = { value: null, error: String(v.error) };
  else cell = { value: v as number | string | boolean };
  if (numFmt) cell.numberFormat = numFmt;
  return cell;
}

/** A hyperlinked cell: exceljs replaces its value by `{ text, hyperlink }`, which parseXlsx turns into String(text). */
function hyperlinkCell(text: XValue, rich: boolean, numFmt: string | undefined): Cell | undefined {
  // A link without text (an emptied cell, a formula without result): parseXlsx leaves the cell empty.
  if (text === undefined) return undefined;
  // Texts that would come out as "[object Object]" or a local-time date string are left to exceljs.
  if (rich || typeof text === 'object') unsupported('hyperlink on a rich-text, error or date cell');
  const cell: Cell = { value: String(text) };
  if (numFmt) cell.numberFormat = numFmt;
  return cell;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface SheetContext {
  strings: SharedStrings | undefined;
  styles: Styles | undefined;
  date1904: boolean;
  /** Where parseXlsx's resolvePending (rawCachedValues) reads this sheet's dropped results: this part, none, or another part. */
  rawResults: 'this' | 'none' | 'other';
  /** Cells with a hyperlink exceljs applies. */
  hyperlinks: Set<string>;
}

/** The A1 address of a column (1-based) and row number, for a cell written without r. */
function a1(col: number, row: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name + row;
}

/** Column number (1-based) of an A1 address, or 0 when it is not a plain `[A-Z]+[0-9]+` address. */
function addressColumn(a: string): number {
  let i = 0;
  let col = 0;
  for (; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === a.length || col > 16384) return 0;
  for (let j = i; j < a.length; j++) {
    const c = a.charCodeAt(j);
    if (c < 48 || c > 57) return 0;
  }
  return col;
}

/** The merge ranges and hyperlinks of a sheet, and where its sheetData is. */
interface SheetLayout {
  dataStart: number;
  dataEnd: number;
  merges: string[];
  hyperlinks: Array<{ ref: string; rid: string }>;
  /** The part's prefix for its elements (see Scanner.prefix). */
  prefix: string;
}

function sheetLayout(xml: string): SheetLayout {
  const sc = openRoot(xml, 'worksheet');
  const layout: SheetLayout = { dataStart: 0, dataEnd: 0, merges: [], hyperlinks: [], prefix: sc.prefix };
  let seenData = false;
  children(sc, (name) => {
    if (name === 'sheetData') {
      if (seenData) unsupported('two <sheetData>');
      seenData = true;
      if (sc.self) return;
      layout.dataStart = sc.pos;
      // '<' cannot occur unescaped in text or attributes, and the document has no comments or CDATA.
      const end = xml.indexOf(`</${sc.prefix}sheetData`, sc.pos);
      if (end < 0) unsupported('unterminated <sheetData>');
      layout.dataEnd = end;
      sc.pos = end;
      if (!sc.next() || !sc.close || sc.name !== 'sheetData') unsupported('</sheetData>');
    } else if (name === 'mergeCells') {
      children(sc, (child) => {
        if (child === 'mergeCell') {
          const ref = sc.attr('ref');
          if (ref === undefined) unsupported('mergeCell without ref');
          layout.merges.push(ref!);
        }
        sc.skip();
      });
    } else if (name === 'hyperlinks') {
      children(sc, (child) => {
        if (child === 'hyperlink') {
          const ref = sc.attr('ref');
          const rid = sc.attr('r:id');
          // exceljs applies only the links with a relationship (not the ones to a place in the book).
          if (rid) layout.hyperlinks.push({ ref: ref!, rid });
        }
        sc.skip();
      });
    } else sc.skip();
  });
  return layout;
}

/** `A1:B2` (or `A1`, `$` allowed) as a 0-based area, normalized as exceljs's Range does. */
function mergeArea(ref: string): Area {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?$/.exec(ref);
  if (!m) return unsupported(`merge range ${ref}`);
  const c1 = addressColumn(m[1] + m[2]);
  const r1 = parseInt(m[2], 10);
  const c2 = m[3] ? addressColumn(m[3] + m[4]) : c1;
  const r2 = m[3] ? parseInt(m[4], 10) : r1;
  if (!c1 || !c2 || r1 < 1 || r2 < 1) unsupported(`merge range ${ref}`);
  return { top: Math.min(r1, r2) - 1, left: Math.min(c1, c2) - 1, bottom: Math.max(r1, r2) - 1, right: Math.max(c1, c2) - 1 };
}

type Row = Array<Cell | undefined>;

// A cell's t=…, as exceljs tells them apart (anything else is a number).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
/** `t="d"`: a date as ISO text (exceljs reads it as a number; parseXlsx mends that, see fixIsoDates). */
const T_DATE = 6;

/** A shared formula moved to a dependent; the master's address where it cannot move (as parseXlsx). */
function moved(master: { address: string; formula: string | undefined }, to: string): string {
  if (master.formula === undefined) return master.address;
  try {
    return slideFormula(master.formula, master.address, to);
  } catch {
    // A reference moved off the sheet (a dependent left of or above its master).
    return master.address;
  }
}

function readSheet(xml: string, layout: SheetLayout, ctx: SheetContext): { rows: (Row | undefined)[]; merges: Area[] } {
  const rows: (Row | undefined)[] = [];
  const { strings, styles, date1904, hyperlinks } = ctx;
  // Shared formulas: si → the master's address and formula; a dependent's formula is the master's
  // moved to its own address (what Excel shows, and exceljs's `cell.formula`).
  const shared = new Map<string, { address: string; formula: string | undefined }>();
  // Formula cells whose result exceljs dropped or did not find, and where their tags start.
  // `own`: a cell without r, whose result is read from its own tag (parseXlsx looks results up by r).
  const pending: Array<{ address: string; cell: Cell; start: number; own: boolean }> = [];
  // Whether an address may occur twice (a repeated row, columns out of order, an address of another row).
  let repeats = false;
  // exceljs moves a shared formula from the cell finally at the master's address: with repeated
  // addresses that may be another cell than the master read here, so such sheets are left to it.
  let movedAny = false;
  const seenRows = new Set<number>();
  let lastCol = 0;
  // The row number of the previous cell's address in the row (a cell without r takes it, as in exceljs).
  let lastRowNumber = 0;
  // A row whose only cells are emptied hyperlinks is still reported (exceljs counts them as values).
  let keepRow = false;
  const sc = new Scanner(xml, layout.dataStart, layout.dataEnd);
  sc.prefix = layout.prefix;
  // exceljs drops a falsy cached result (below); it reads no prefixed part, so such a sheet keeps
  // its results as Excel shows them.
  const keepFalsy = layout.prefix !== '';
  // The usual cell's value and end (below), with the part's prefix.
  const vOpen = `<${layout.prefix}v>`;
  const vClose = `</${layout.prefix}v></${layout.prefix}c>`;

  let row: Row | undefined;
  let rowIndex = -1;
  while (sc.next()) {
    const name = sc.name;
    if (sc.close) {
      if (name === 'row' && row) {
        finishRow();
        continue;
      }
      unsupported(`</${name}> in sheetData`);
    }
    if (name === 'row') {
      if (row) unsupported('nested <row>');
      const rAttr = sc.attr('r');
      // A row without r follows the previous one (the spec; Excel reads it so). exceljs fails on the whole file.
      const r = rAttr === undefined ? rowIndex + 2 : parseInt(rAttr, 10);
      if (!(r >= 1)) unsupported('row number');
      rowIndex = r - 1;
      if (seenRows.has(rowIndex)) repeats = true;
      seenRows.add(rowIndex);
      lastCol = 0;
      lastRowNumber = r;
      keepRow = false;
      row = [];
      if (sc.self) finishRow();
      continue;
    }
    if (name !== 'c' || !row) unsupported(`<${name}> in sheetData`);
    readCell(row!);
  }
  if (row) unsupported('unterminated <row>');

  function finishRow(): void {
    // exceljs replaces a repeated row; a row without values is not reported.
    if (row!.length || keepRow) rows[rowIndex] = row;
    else delete rows[rowIndex];
    row = undefined;
  }

  function readCell(out: Row): void {
    const cellStart = sc.tagStart;
    // The attributes r, s and t, read in place (cells rarely have others).
    const pos = sc.attrPos;
    let rStart = -1;
    let rEnd = -1;
    let sKey = -1;
    let tKey = -1;
    for (let k = 0, n = sc.attrCount; k < n; k++) {
      const ns = pos[4 * k];
      if (pos[4 * k + 1] - ns !== 1) continue;
      const ch = xml.charCodeAt(ns);
      if (ch === 114) {
        rStart = pos[4 * k + 2];
        rEnd = pos[4 * k + 3];
      } else if (ch === 115) sKey = k;
      else if (ch === 116) tKey = k;
    }
    // A cell without r is the one after the previous cell of its row, as the spec and exceljs have it
    // (exceljs fails on the whole file when it is a row's first cell, here in column A; and exceljs does
    // not count an unstyled empty <c/> before it, which the spec does, as here).
    let col = 0;
    let rowNumber = 0;
    if (rStart < 0) {
      col = lastCol + 1;
      rowNumber = lastRowNumber;
      if (col > 16384) unsupported('cell address');
    } else {
      let i = rStart;
      for (; i < rEnd; i++) {
        const c = xml.charCodeAt(i);
        if (c < 65 || c > 90) break;
        col = col * 26 + (c - 64);
      }
      if (i === rStart || i - rStart > 3 || i === rEnd || col > 16384) unsupported('cell address');
      for (; i < rEnd; i++) {
        const c = xml.charCodeAt(i);
        if (c < 48 || c > 57) unsupported('cell address');
        rowNumber = rowNumber * 10 + (c - 48);
      }
    }
    // exceljs files the cell under its <row>, whatever its address says.
    if (rowNumber !== rowIndex + 1 || col <= lastCol) repeats = true;
    lastCol = col;
    lastRowNumber = rowNumber;
    let styleId = 0;
    if (sKey >= 0) {
      const ve = pos[4 * sKey + 3];
      let v = 0;
      let j = pos[4 * sKey + 2];
      for (; j < ve; j++) {
        const c = xml.charCodeAt(j);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
      }
      // exceljs: parseInt of a non-empty attribute.
      styleId = j === ve ? v : parseInt(sc.attrValue(sKey), 10) || 0;
    }
    let type = T_NUMBER;
    if (tKey >= 0) {
      const vs = pos[4 * tKey + 2];
      if (pos[4 * tKey + 3] - vs === 1) {
        const ch = xml.charCodeAt(vs);
        type = ch === 115 ? T_SHARED : ch === 98 ? T_BOOL : ch === 101 ? T_ERROR : ch === 100 ? T_DATE : T_NUMBER;
      } else {
        const t = sc.attrValue(tKey);
        type = t === 'str' ? T_STR : t === 'inlineStr' ? T_INLINE : t === 's' ? T_SHARED : t === 'b' ? T_BOOL : t === 'e' ? T_ERROR : T_NUMBER;
      }
    }

    // The text of <v> (and of <t> in <is>), or `digits` when it is a plain integer (no string made).
    let value: string | undefined;
    let digits = -1;
    let runs: Array<string | undefined> | undefined;
    let formula: string | undefined;
    let shareType: string | undefined;
    let ref: string | undefined;
    let si: string | undefined;
    let done = sc.self;
    if (!done) {
      // The usual shape, <c …><v>text</v></c>, without the general loop.
      const p = sc.pos;
      if (keepFalsy ? xml.startsWith(vOpen, p) : xml.charCodeAt(p) === 60 && xml.charCodeAt(p + 1) === 118 && xml.charCodeAt(p + 2) === 62) {
        const vs = p + vOpen.length;
        const lt = xml.indexOf('<', vs);
        if (lt >= 0 && lt + vClose.length <= layout.dataEnd && xml.startsWith(vClose, lt)) {
          if ((type === T_NUMBER || type === T_SHARED) && lt > vs && lt - vs <= 15) {
            let v = 0;
            let j = vs;
            for (; j < lt; j++) {
              const c = xml.charCodeAt(j);
              if (c < 48 || c > 57) break;
              v = v * 10 + (c - 48);
            }
            if (j === lt) digits = v;
          }
          if (digits < 0 && lt > vs) {
            const raw = xml.slice(vs, lt);
            value = raw.indexOf('&') < 0 && raw.indexOf('\r') < 0 ? raw : decodeText(raw);
          }
          sc.pos = lt + vClose.length;
          done = true;
        }
      }
    }
    if (!done) {
      for (;;) {
        if (!sc.next()) unsupported('unterminated <c>');
        const n = sc.name;
        if (sc.close) {
          if (n === 'c') break;
          unsupported(`</${n}> in <c>`);
        }
        if (n === 'v') {
          const txt = sc.text();
          if (txt) {
            if (runs) unsupported('a value after rich text');
            value = value === undefined ? txt : value + txt;
          }
        } else if (n === 'f') {
          // exceljs takes these from every <f>.
          shareType = sc.attr('t');
          ref = sc.attr('ref');
          si = sc.attr('si');
          const txt = sc.text();
          if (txt) formula = formula === undefined ? txt : formula + txt;
        } else if (n === 'is') {
          children(sc, (child) => {
            if (child === 't') {
              const txt = sc.text();
              if (txt) {
                if (runs) unsupported('text after rich text');
                value = value === undefined ? txt : value + txt;
              }
            } else if (child === 'r') {
              const run = runText(sc);
              // exceljs fails when a run follows text (it sets a property on a string).
              if (value !== undefined) unsupported('a run after text');
              (runs ??= []).push(run);
            } else unsupported(`<${child}> in <is>`);
          });
        } else unsupported(`<${n}> in <c>`);
      }
    }

    const fmt = styleId && styles ? styles.of(styleId) : undefined;
    const numFmt = fmt?.numFmt;
    let cell: Cell | undefined;
    const linked = hyperlinks.size > 0 && hyperlinks.has(rStart >= 0 ? xml.slice(rStart, rEnd) : a1(col, rowNumber));

    if (digits >= 0) {
      // A plain integer in a number or shared-string cell (never a formula: that is not the usual shape).
      let v: XValue;
      let rich = false;
      if (type === T_SHARED) {
        // Without a string table exceljs keeps the index.
        const str = strings ? strings.text[digits] : digits;
        // exceljs fails on a missing string; an <si> without text would be `[object Object]`.
        if (str === undefined || str === null) return unsupported(`shared string ${digits}`);
        v = str;
        rich = !!strings && strings.rich[digits] === 1;
      } else v = fmt?.date ? excelToDate(digits, date1904) : digits;
      cell = linked ? hyperlinkCell(v, rich, numFmt) : plainCell(v, numFmt);
    } else if (formula || shareType) {
      if (runs) unsupported('rich text in a formula cell');
      // exceljs: the cached result, typed by t=…
      let result: XValue;
      if (value) {
        if (type === T_STR) result = xmlDecodeAgain(value);
        else if (type === T_BOOL) result = parseInt(value, 10) !== 0;
        else if (type === T_ERROR) result = { error: value };
        else result = (type === T_DATE && isoDate(value)) || parseFloat(value);
      }
      if (result !== undefined && !(result instanceof Date) && fmt?.date) result = excelToDate(result, date1904);
      let f = formula;
      // The address, where a shared formula or a dropped result needs it.
      const address = shareType === 'shared' || !result ? (rStart >= 0 ? xml.slice(rStart, rEnd) : a1(col, rowNumber)) : '';
      if (shareType === 'shared') {
        if (ref) shared.set(si as string, { address, formula: f });
        else if (!f) {
          const master = shared.get(si as string);
          if (master) {
            f = moved(master, address);
            movedAny = true;
          }
        }
      }
      if (linked) cell = hyperlinkCell(result, false, numFmt);
      else {
        // A formula value without formula text is `[object Object]` in parseXlsx.
        if (!f) unsupported('formula cell without formula text');
        const fx = '=' + f;
        if (!result && !(keepFalsy && (result === 0 || result === false))) {
          // exceljs drops a falsy result (0, false, NaN): parseXlsx's resolvePending may find it (below).
          cell = { value: null, formula: fx, noResult: true };
          pending.push({ address, cell, start: cellStart, own: rStart < 0 });
        } else if (result instanceof Date) cell = { value: dateText(result), formula: fx };
        else if (typeof result === 'object') cell = { value: null, formula: fx, error: String(result.error) };
        else cell = { value: result, formula: fx };
        if (numFmt) cell.numberFormat = numFmt;
      }
    } else if (value !== undefined || runs) {
      let v: XValue;
      let rich = false;
      if (runs) {
        // Rich text: exceljs keeps the runs for an inline string only.
        if (type !== T_INLINE) unsupported('rich text outside an inline string');
        v = runs.join('');
        rich = true;
      } else {
        const text = value as string;
        switch (type) {
          case T_SHARED: {
            const k = parseInt(text, 10);
            if (!strings) v = k;
            else {
              const str = strings.text[k];
              if (str === undefined || str === null) return unsupported(`shared string ${text}`);
              v = str;
              rich = strings.rich[k] === 1;
            }
            break;
          }
          case T_STR:
            v = xmlDecodeAgain(text);
            break;
          case T_INLINE:
            v = text;
            break;
          case T_BOOL:
            v = parseInt(text, 10) !== 0;
            break;
          case T_ERROR:
            v = { error: text };
            break;
          default: {
            const iso = type === T_DATE ? isoDate(text) : undefined;
            if (iso) v = iso;
            else {
              v = parseFloat(text);
              if (fmt?.date) v = excelToDate(v, date1904);
            }
          }
        }
      }
      cell = linked ? hyperlinkCell(v, rich, numFmt) : plainCell(v, numFmt);
    }
    if (cell === undefined) {
      // No value: exceljs keeps a styled cell as empty (replacing an earlier one) and drops an unstyled one.
      // A hyperlinked one it keeps as a link without text: parseXlsx leaves it empty, but reports its row.
      if ((styleId || linked) && out[col - 1]) {
        delete out[col - 1];
        trim(out);
      }
      if (linked) keepRow = true;
      return;
    }
    out[col - 1] = cell;
  }

  if (pending.length) {
    // Cells without r: their own <v>. The others: where parseXlsx's resolvePending finds them (none, this part or another).
    const byAddress = ctx.rawResults === 'none' ? [] : pending.filter((p) => !p.own);
    if (byAddress.length && ctx.rawResults === 'other') unsupported('raw results read from another part');
    // Each address once: the cell's own tag; otherwise parseXlsx's scan of the whole sheet.
    const raw = repeats && byAddress.length ? cachedValuesIn(xml, new Set(byAddress.map((p) => p.address))) : undefined;
    for (const p of pending) {
      if (!p.own && ctx.rawResults === 'none') continue;
      const v = p.own ? rawCachedValue(xml, p.start) : raw ? raw.get(p.address) : rawCachedValue(xml, p.start, p.address);
      if (v === undefined) continue;
      const num = Number(v);
      p.cell.value = v !== '' && Number.isFinite(num) ? num : v;
      delete p.cell.noResult;
    }
  }

  // Merges: exceljs keeps only the top-left cell's value, and every row the area covers beyond that cell is reported.
  const merges = layout.merges.map(mergeArea);
  checkOverlaps(merges);
  for (const a of merges) {
    for (let r = a.top; r <= a.bottom; r++) {
      const from = r === a.top ? a.left + 1 : a.left;
      if (from > a.right) continue;
      let out = rows[r];
      if (!out) out = rows[r] = [];
      const to = Math.min(a.right, out.length - 1);
      let removed = false;
      for (let c = from; c <= to; c++) {
        if (out[c] !== undefined) {
          delete out[c];
          removed = true;
        }
      }
      if (removed) trim(out);
    }
  }
  trim(rows);
  if (repeats && movedAny) unsupported('shared formulas with repeated cell addresses');
  return { rows, merges };
}

function trim(a: unknown[]): void {
  let n = a.length;
  while (n > 0 && !(n - 1 in a)) n--;
  a.length = n;
}

/** exceljs refuses overlapping merges. */
function checkOverlaps(merges: Area[]): void {
  if (merges.length < 2) return;
  const sorted = [...merges].sort((x, y) => x.top - y.top);
  const active: Area[] = [];
  for (const m of sorted) {
    for (let i = active.length - 1; i >= 0; i--) if (active[i].bottom < m.top) active.splice(i, 1);
    for (const o of active) if (!(o.right < m.left || o.left > m.right)) unsupported('overlapping merges');
    active.push(m);
  }
}

/** rawCachedValues for the one cell of an address, at `start` (for a cell without r, `address` undefined: its tag is at `start`). */
function rawCachedValue(xml: string, start: number, address?: string): string | undefined {
  if (address !== undefined && (!xml.startsWith('<c r="', start) || !xml.startsWith(address + '"', start + 6))) return undefined;
  const end = xml.indexOf('</c>', start);
  // A self-closing <c …/> has no value: the character before its first '>' (see cachedValuesIn).
  if (end < 0 || xml.charCodeAt(xml.indexOf('>', start) - 1) === 47) return undefined;
  return /<v>([^<]*)<\/v>/.exec(xml.slice(start, end))?.[1];
}

// ---------------------------------------------------------------------------------------------
// The workbook

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The relationships of a worksheet part, where exceljs looks for them (by the sheet's number). */
function relsPath(part: string): string {
  return `xl/worksheets/_rels/sheet${/xl\/worksheets\/sheet(\d+)[.]xml/.exec(part)![1]}.xml.rels`;
}

/** The spec's name for a part's relationships, whatever the part's name: `dir/_rels/name.rels`. */
function specRelsPath(part: string): string {
  return part.replace(/([^/]*)$/, '_rels/$1.rels');
}

/** exceljs's checks on a worksheet name: the ones it refuses (or warns about and truncates) are left to it. */
function checkName(name: string): void {
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31) unsupported(`sheet name ${JSON.stringify(name)}`);
}

/**
 * Parses an .xlsx buffer into the engine's workbook, as parseXlsx does. Throws a ReadError for a file
 * that is no workbook (the same codes as parseXlsx) and FastXlsxUnsupported for one to read with exceljs.
 */
export function parseXlsxFast(buf: Buffer): Workbook {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB)) throw new ReadError('encrypted');
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw new ReadError('not-xlsx');
  const zip = new Zip(buf);

  const wbXml = zip.text('xl/workbook.xml');
  if (wbXml === undefined) {
    // exceljs reads `XL/Workbook.xml` as a workbook without sheets; leave such a file to it.
    for (const name of zip.entries.keys()) if (/^xl\/workbook\.xml$/i.test(name)) unsupported('workbook part in another case');
    throw new ReadError('not-workbook');
  }

  // workbook.xml: the sheets in order, and the 1904 date system.
  const sheetDefs: Array<{ name: string; id: number; rid: string | undefined }> = [];
  let date1904 = false;
  const wsc = openRoot(wbXml, 'workbook');
  children(wsc, (name) => {
    if (name === 'sheets') {
      children(wsc, (child) => {
        if (child === 'sheet') {
          const raw = wsc.attr('name');
          if (raw === undefined) unsupported('sheet without a name');
          sheetDefs.push({ name: xmlDecodeAgain(raw!), id: parseInt(wsc.attr('sheetId') as string, 10), rid: wsc.attr('r:id') });
        }
        wsc.skip();
      });
    } else {
      if (name === 'workbookPr') date1904 = wsc.attr('date1904') === '1';
      wsc.skip();
    }
  });
  const relsXml = zip.text('xl/_rels/workbook.xml.rels');
  const rels = readRels(relsXml);
  // A prefixed workbook part (Open XML SDK) is none exceljs reads: its parts are found as the
  // relationships name them, as Excel finds them, not by exceljs's fixed names.
  const bySpec = wsc.prefix !== '';
  // exceljs: `xl/` + the target without leading spaces and `/xl/`; the spec: absolute, or relative to xl/.
  const partOf = (target: string) => (bySpec ? posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`) : `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  const typed = (type: string) => [...rels.values()].find((r) => r.type?.endsWith(`/${type}`) && r.target !== undefined);

  // The sheets exceljs reads: those whose relationship leads to a part it took for a worksheet.
  const chosen: Array<{ name: string; path: string }> = [];
  // exceljs files sheets by sheetId: a missing, zero or repeated id loses or reorders sheets there.
  const ids = new Set<number>();
  for (const def of sheetDefs) {
    if (!(def.id >= 1) || ids.has(def.id)) unsupported('sheetId');
    ids.add(def.id);
  }
  const paths = new Set<string>();
  const names = new Set<string>();
  for (const def of sheetDefs) {
    // exceljs reads the relationship id only as `r:id`: without it (or its relationship) the sheet is skipped.
    const rel = def.rid === undefined ? undefined : rels.get(def.rid);
    if (!rel) continue;
    if (rel.target === undefined) unsupported('relationship without a target');
    // exceljs: a part named like xl/worksheets/sheetN.xml (a chart sheet's target, chartsheets/sheet1.xml,
    // is no such part); the spec: a worksheet relationship.
    const path = partOf(rel.target!);
    if (!(bySpec ? rel.type?.endsWith('/worksheet') : /xl\/worksheets\/sheet(\d+)[.]xml/.test(path)) || !zip.has(path)) continue;
    if (paths.has(path)) unsupported('two sheets on one part');
    checkName(def.name);
    const lower = def.name.toLowerCase();
    if (names.has(lower)) unsupported('repeated sheet name');
    paths.add(path);
    names.add(lower);
    chosen.push({ name: def.name, path });
  }

  // exceljs reads the string table and the styles from these names, whatever the relationships say (a
  // prefixed workbook's are found through them).
  const partText = (type: string, name: string) => zip.text(bySpec && typed(type) ? partOf(typed(type)!.target!) : name);
  const sstXml = partText('sharedStrings', 'xl/sharedStrings.xml');
  const strings = sstXml === undefined ? undefined : readSharedStrings(sstXml);
  const styles = Styles.read(partText('styles', 'xl/styles.xml'));
  const rawTargets = rawSheetTargets(wbXml, relsXml ?? '');

  // One sheet's XML at a time.
  const sheets: Sheet[] = [];
  for (const s of chosen) {
    const xml = zip.text(s.path)!;
    const layout = sheetLayout(xml);
    const hyperlinks = new Set<string>();
    if (layout.hyperlinks.length) {
      const sheetRels = readRels(zip.text(bySpec ? specRelsPath(s.path) : relsPath(s.path)));
      for (const h of layout.hyperlinks) {
        const rel = sheetRels.get(h.rid);
        // exceljs fails on a link whose relationship is missing; one without a target is no link to it.
        if (!rel) unsupported('hyperlink without its relationship');
        if (rel!.target && h.ref !== undefined) hyperlinks.add(h.ref);
      }
    }
    const rawPath = rawTargets.get(s.name);
    const rawResults = bySpec || rawPath === undefined || !zip.has(rawPath) ? 'none' : rawPath === s.path ? 'this' : 'other';
    const { rows, merges } = readSheet(xml, layout, { strings, styles, date1904, rawResults, hyperlinks });
    sheets.push({ name: s.name, rows, merges });
  }
  return { sheets };
}

/**
 * The sheet name → part that parseXlsx's rawCachedValues uses (its own regular expressions over the raw
 * XML), so that a dropped formula result is restored exactly where parseXlsx restores it.
 */
function rawSheetTargets(wbXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = (/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (!rid || !targets.has(rid)) continue;
    out.set(name, targets.get(rid)!);
  }
  return out;
}
