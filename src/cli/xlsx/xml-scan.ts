// indexOf-based XML scanning for the few parts the grid needs: entity decoding, a forward-only tag
// scanner, the root element with its prefix, and a walk over an element's children.
import { unsupported } from './unsupported';

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
export function decodeText(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return decodeEntities(s);
}

/** An attribute value as saxes gives it: line ends and tabs normalized to spaces, entities decoded. */
export function decodeAttr(s: string): string {
  if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0) s = s.replace(/\r\n?|[\n\t]/g, ' ');
  return decodeEntities(s);
}

/** A forward-only tag scanner over one XML document (no comments, CDATA, DTD or processing instructions inside). */
export class Scanner {
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
export function openRoot(xml: string, root: string): Scanner {
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
export function children(sc: Scanner, visit: (name: string) => void): void {
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


/** exceljs's utils.xmlDecode, which exceljs applies on top of the XML parser's decoding to sheet names and `t="str"` values. */
export function xmlDecodeAgain(s: string): string {
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

