// A worksheet's cells (sheetData) read into rows of the engine's grid, as parseXlsx (exceljs plus its
// fixes) reads them: rows and cells with or without addresses, shared formulas moved to their
// dependents, dropped formula results found where parseXlsx finds them, then the merges applied.
import type { Area, Cell } from '../../core';
import { cachedValuesIn } from '../raw-results';
import { dateText, isoDate } from '../dates';
import { Scanner, children, decodeText, xmlDecodeAgain } from './xml-scan';
import { runText, type SharedStrings } from './shared-strings';
import type { StyleFormat, Styles } from './styles';
import { emptyFormattedCell, excelToDate, hyperlinkCell, plainCell, type XValue } from './cell-values';
import { applyMerges, trim, type SheetLayout } from './sheet-layout';
import { unsupported } from './unsupported';

// exceljs's own formula mover (a small module: loading it does not load exceljs).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula(formula: string, from: string, to: string): string };

export interface SheetContext {
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

/** rawCachedValues for the one cell of an address, at `start` (for a cell without r, `address` undefined: its tag is at `start`). */
function rawCachedValue(xml: string, start: number, address?: string): string | undefined {
  if (address !== undefined && (!xml.startsWith('<c r="', start) || !xml.startsWith(address + '"', start + 6))) return undefined;
  const end = xml.indexOf('</c>', start);
  // A self-closing <c …/> has no value: the character before its first '>' (see cachedValuesIn).
  if (end < 0 || xml.charCodeAt(xml.indexOf('>', start) - 1) === 47) return undefined;
  return /<v>([^<]*)<\/v>/.exec(xml.slice(start, end))?.[1];
}

export function readSheet(xml: string, layout: SheetLayout, ctx: SheetContext): { rows: (Row | undefined)[]; merges: Area[] } {
  return new SheetReader(xml, layout, ctx).read();
}

/** One pass over one sheet's sheetData; the fields below `rowIndex` describe the cell being read. */
class SheetReader {
  private readonly rows: (Row | undefined)[] = [];
  // Shared formulas: si → the master's address and formula; a dependent's formula is the master's
  // moved to its own address (what Excel shows, and exceljs's `cell.formula`).
  private readonly shared = new Map<string, { address: string; formula: string | undefined }>();
  // Formula cells whose result exceljs dropped or did not find, and where their tags start.
  // `own`: a cell without r, whose result is read from its own tag (parseXlsx looks results up by r).
  private readonly pending: Array<{ address: string; cell: Cell; start: number; own: boolean }> = [];
  // Whether an address may occur twice (a repeated row, columns out of order, an address of another row).
  private repeats = false;
  // exceljs moves a shared formula from the cell finally at the master's address: with repeated
  // addresses that may be another cell than the master read here, so such sheets are left to it.
  private movedAny = false;
  private readonly seenRows = new Set<number>();
  private lastCol = 0;
  // The row number of the previous cell's address in the row (a cell without r takes it, as in exceljs).
  private lastRowNumber = 0;
  // A row whose only cells are emptied hyperlinks is still reported (exceljs counts them as values).
  private keepRow = false;
  private readonly sc: Scanner;
  // exceljs drops a falsy cached result (below); it reads no prefixed part, so such a sheet keeps
  // its results as Excel shows them.
  private readonly keepFalsy: boolean;
  // The usual cell's value and end (below), with the part's prefix.
  private readonly vOpen: string;
  private readonly vClose: string;
  private row: Row | undefined;
  private rowIndex = -1;

  // The cell being read: where its tag starts, its r attribute (-1 without), column, row number,
  // style and type.
  private cellStart = 0;
  private rStart = -1;
  private rEnd = -1;
  private col = 0;
  private rowNumber = 0;
  private styleId = 0;
  private type = T_NUMBER;
  // The text of <v> (and of <t> in <is>), or `digits` when it is a plain integer (no string made).
  private value: string | undefined;
  private digits = -1;
  private runs: Array<string | undefined> | undefined;
  private formula: string | undefined;
  private shareType: string | undefined;
  private ref: string | undefined;
  private si: string | undefined;

  constructor(
    private readonly xml: string,
    private readonly layout: SheetLayout,
    private readonly ctx: SheetContext,
  ) {
    this.sc = new Scanner(xml, layout.dataStart, layout.dataEnd);
    this.sc.prefix = layout.prefix;
    this.keepFalsy = layout.prefix !== '';
    this.vOpen = `<${layout.prefix}v>`;
    this.vClose = `</${layout.prefix}v></${layout.prefix}c>`;
  }

  read(): { rows: (Row | undefined)[]; merges: Area[] } {
    const sc = this.sc;
    while (sc.next()) {
      const name = sc.name;
      if (sc.close) {
        if (name === 'row' && this.row) {
          this.finishRow();
          continue;
        }
        unsupported(`</${name}> in sheetData`);
      }
      if (name === 'row') {
        this.openRow();
        continue;
      }
      if (name !== 'c' || !this.row) unsupported(`<${name}> in sheetData`);
      this.readCell(this.row!);
    }
    if (this.row) unsupported('unterminated <row>');
    if (this.pending.length) this.resolvePending();
    const merges = applyMerges(this.rows, this.layout.merges);
    trim(this.rows);
    if (this.repeats && this.movedAny) unsupported('shared formulas with repeated cell addresses');
    return { rows: this.rows, merges };
  }

  private openRow(): void {
    const sc = this.sc;
    if (this.row) unsupported('nested <row>');
    const rAttr = sc.attr('r');
    // A row without r follows the previous one (the spec; Excel reads it so). exceljs fails on the whole file.
    const r = rAttr === undefined ? this.rowIndex + 2 : parseInt(rAttr, 10);
    if (!(r >= 1)) unsupported('row number');
    this.rowIndex = r - 1;
    if (this.seenRows.has(this.rowIndex)) this.repeats = true;
    this.seenRows.add(this.rowIndex);
    this.lastCol = 0;
    this.lastRowNumber = r;
    this.keepRow = false;
    this.row = [];
    if (sc.self) this.finishRow();
  }

  private finishRow(): void {
    // exceljs replaces a repeated row; a row without values is not reported.
    if (this.row!.length || this.keepRow) this.rows[this.rowIndex] = this.row;
    else delete this.rows[this.rowIndex];
    this.row = undefined;
  }

  private readCell(out: Row): void {
    this.cellStart = this.sc.tagStart;
    this.readAttributes();
    this.value = undefined;
    this.digits = -1;
    this.runs = undefined;
    this.formula = undefined;
    this.shareType = undefined;
    this.ref = undefined;
    this.si = undefined;
    if (!this.sc.self && !this.readUsualContent()) this.readContent();

    const { styles, hyperlinks } = this.ctx;
    const fmt = this.styleId && styles ? styles.of(this.styleId) : undefined;
    const col = this.col;
    const linked = hyperlinks.size > 0 && hyperlinks.has(this.rStart >= 0 ? this.xml.slice(this.rStart, this.rEnd) : a1(col, this.rowNumber));
    let cell: Cell | undefined;
    if (this.digits >= 0) cell = this.integerCell(fmt, linked);
    else if (this.formula || this.shareType) cell = this.formulaCell(fmt, linked);
    else if (this.value !== undefined || this.runs) cell = this.valueCell(fmt, linked);
    if (cell === undefined && !linked) cell = emptyFormattedCell(fmt?.numFmt);
    if (cell === undefined) {
      // No value: exceljs keeps a styled cell as empty (replacing an earlier one) and drops an unstyled one.
      // A hyperlinked one it keeps as a link without text: parseXlsx leaves it empty, but reports its row.
      if ((this.styleId || linked) && out[col - 1]) {
        delete out[col - 1];
        trim(out);
      }
      if (linked) this.keepRow = true;
      return;
    }
    out[col - 1] = cell;
  }

  /** The attributes r, s and t, read in place (cells rarely have others). */
  private readAttributes(): void {
    const { sc, xml } = this;
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
    this.rStart = rStart;
    this.rEnd = rEnd;
    this.readAddress(rStart, rEnd);
    this.styleId = sKey >= 0 ? this.styleIdOf(sKey) : 0;
    this.type = tKey >= 0 ? this.typeOf(tKey) : T_NUMBER;
  }

  /**
   * A cell without r is the one after the previous cell of its row, as the spec and exceljs have it
   * (exceljs fails on the whole file when it is a row's first cell, here in column A; and exceljs does
   * not count an unstyled empty <c/> before it, which the spec does, as here).
   */
  private readAddress(rStart: number, rEnd: number): void {
    const xml = this.xml;
    let col = 0;
    let rowNumber = 0;
    if (rStart < 0) {
      col = this.lastCol + 1;
      rowNumber = this.lastRowNumber;
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
    if (rowNumber !== this.rowIndex + 1 || col <= this.lastCol) this.repeats = true;
    this.lastCol = col;
    this.lastRowNumber = rowNumber;
    this.col = col;
    this.rowNumber = rowNumber;
  }

  private styleIdOf(sKey: number): number {
    const { sc, xml } = this;
    const pos = sc.attrPos;
    const ve = pos[4 * sKey + 3];
    let v = 0;
    let j = pos[4 * sKey + 2];
    for (; j < ve; j++) {
      const c = xml.charCodeAt(j);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    // exceljs: parseInt of a non-empty attribute.
    return j === ve ? v : parseInt(sc.attrValue(sKey), 10) || 0;
  }

  private typeOf(tKey: number): number {
    const { sc, xml } = this;
    const pos = sc.attrPos;
    const vs = pos[4 * tKey + 2];
    if (pos[4 * tKey + 3] - vs === 1) {
      const ch = xml.charCodeAt(vs);
      return ch === 115 ? T_SHARED : ch === 98 ? T_BOOL : ch === 101 ? T_ERROR : ch === 100 ? T_DATE : T_NUMBER;
    }
    const t = sc.attrValue(tKey);
    return t === 'str' ? T_STR : t === 'inlineStr' ? T_INLINE : t === 's' ? T_SHARED : t === 'b' ? T_BOOL : t === 'e' ? T_ERROR : T_NUMBER;
  }

  /** The usual shape, <c …><v>text</v></c>, without the general loop; false when the cell has another. */
  private readUsualContent(): boolean {
    const { sc, xml, vOpen, vClose } = this;
    const p = sc.pos;
    if (!(this.keepFalsy ? xml.startsWith(vOpen, p) : xml.charCodeAt(p) === 60 && xml.charCodeAt(p + 1) === 118 && xml.charCodeAt(p + 2) === 62)) return false;
    const vs = p + vOpen.length;
    const lt = xml.indexOf('<', vs);
    if (!(lt >= 0 && lt + vClose.length <= this.layout.dataEnd && xml.startsWith(vClose, lt))) return false;
    if ((this.type === T_NUMBER || this.type === T_SHARED) && lt > vs && lt - vs <= 15) {
      let v = 0;
      let j = vs;
      for (; j < lt; j++) {
        const c = xml.charCodeAt(j);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
      }
      if (j === lt) this.digits = v;
    }
    if (this.digits < 0 && lt > vs) {
      const raw = xml.slice(vs, lt);
      this.value = raw.indexOf('&') < 0 && raw.indexOf('\r') < 0 ? raw : decodeText(raw);
    }
    sc.pos = lt + vClose.length;
    return true;
  }

  /** Any other content of <c>: <v>, <f> and <is> in any number and order, up to </c>. */
  private readContent(): void {
    const sc = this.sc;
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
          if (this.runs) unsupported('a value after rich text');
          this.value = this.value === undefined ? txt : this.value + txt;
        }
      } else if (n === 'f') {
        // exceljs takes these from every <f>.
        this.shareType = sc.attr('t');
        this.ref = sc.attr('ref');
        this.si = sc.attr('si');
        const txt = sc.text();
        if (txt) this.formula = this.formula === undefined ? txt : this.formula + txt;
      } else if (n === 'is') this.readInlineString();
      else unsupported(`<${n}> in <c>`);
    }
  }

  private readInlineString(): void {
    const sc = this.sc;
    children(sc, (child) => {
      if (child === 't') {
        const txt = sc.text();
        if (txt) {
          if (this.runs) unsupported('text after rich text');
          this.value = this.value === undefined ? txt : this.value + txt;
        }
      } else if (child === 'r') {
        const run = runText(sc);
        // exceljs fails when a run follows text (it sets a property on a string).
        if (this.value !== undefined) unsupported('a run after text');
        (this.runs ??= []).push(run);
      } else unsupported(`<${child}> in <is>`);
    });
  }

  /** A plain integer in a number or shared-string cell (never a formula: that is not the usual shape). */
  private integerCell(fmt: StyleFormat | undefined, linked: boolean): Cell | undefined {
    const { strings, date1904 } = this.ctx;
    const digits = this.digits;
    const numFmt = fmt?.numFmt;
    let v: XValue;
    let rich = false;
    if (this.type === T_SHARED) {
      // Without a string table exceljs keeps the index.
      const str = strings ? strings.text[digits] : digits;
      // exceljs fails on a missing string; an <si> without text would be `[object Object]`.
      if (str === undefined || str === null) return unsupported(`shared string ${digits}`);
      v = str;
      rich = !!strings && strings.rich[digits] === 1;
    } else v = fmt?.date ? excelToDate(digits, date1904) : digits;
    return linked ? hyperlinkCell(v, rich, numFmt) : plainCell(v, numFmt);
  }

  /** exceljs's cached result of a formula cell, typed by t=… */
  private formulaResult(fmt: StyleFormat | undefined): XValue {
    const { value, type } = this;
    let result: XValue;
    if (value) {
      if (type === T_STR) result = xmlDecodeAgain(value);
      else if (type === T_BOOL) result = parseInt(value, 10) !== 0;
      else if (type === T_ERROR) result = { error: value };
      else result = (type === T_DATE && isoDate(value)) || parseFloat(value);
    }
    if (result !== undefined && !(result instanceof Date) && fmt?.date) result = excelToDate(result, this.ctx.date1904);
    return result;
  }

  private formulaCell(fmt: StyleFormat | undefined, linked: boolean): Cell | undefined {
    if (this.runs) unsupported('rich text in a formula cell');
    const numFmt = fmt?.numFmt;
    const result = this.formulaResult(fmt);
    let f = this.formula;
    // The address, where a shared formula or a dropped result needs it.
    const address = this.shareType === 'shared' || !result ? (this.rStart >= 0 ? this.xml.slice(this.rStart, this.rEnd) : a1(this.col, this.rowNumber)) : '';
    if (this.shareType === 'shared') {
      if (this.ref) this.shared.set(this.si as string, { address, formula: f });
      else if (!f) {
        const master = this.shared.get(this.si as string);
        if (master) {
          f = moved(master, address);
          this.movedAny = true;
        }
      }
    }
    if (linked) return hyperlinkCell(result, false, numFmt);
    // A formula value without formula text is `[object Object]` in parseXlsx.
    if (!f) unsupported('formula cell without formula text');
    const fx = '=' + f;
    let cell: Cell;
    if (!result && !(this.keepFalsy && (result === 0 || result === false))) {
      // exceljs drops a falsy result (0, false, NaN): parseXlsx's resolvePending may find it (below).
      cell = { value: null, formula: fx, noResult: true };
      this.pending.push({ address, cell, start: this.cellStart, own: this.rStart < 0 });
    } else if (result instanceof Date) cell = { value: dateText(result), formula: fx };
    else if (typeof result === 'object') cell = { value: null, formula: fx, error: String(result.error) };
    else cell = { value: result, formula: fx };
    if (numFmt) cell.numberFormat = numFmt;
    return cell;
  }

  private valueCell(fmt: StyleFormat | undefined, linked: boolean): Cell | undefined {
    const numFmt = fmt?.numFmt;
    let v: XValue;
    let rich = false;
    if (this.runs) {
      // Rich text: exceljs keeps the runs for an inline string only.
      if (this.type !== T_INLINE) unsupported('rich text outside an inline string');
      v = this.runs.join('');
      rich = true;
    } else if (this.type === T_SHARED) {
      const text = this.value as string;
      const { strings } = this.ctx;
      const k = parseInt(text, 10);
      if (!strings) v = k;
      else {
        const str = strings.text[k];
        if (str === undefined || str === null) return unsupported(`shared string ${text}`);
        v = str;
        rich = strings.rich[k] === 1;
      }
    } else v = this.plainValue(fmt);
    return linked ? hyperlinkCell(v, rich, numFmt) : plainCell(v, numFmt);
  }

  /** The value of a cell that is neither rich text nor a shared string, by its t=… */
  private plainValue(fmt: StyleFormat | undefined): XValue {
    const text = this.value as string;
    switch (this.type) {
      case T_STR:
        return xmlDecodeAgain(text);
      case T_INLINE:
        return text;
      case T_BOOL:
        return parseInt(text, 10) !== 0;
      case T_ERROR:
        return { error: text };
      default: {
        const iso = this.type === T_DATE ? isoDate(text) : undefined;
        if (iso) return iso;
        const v = parseFloat(text);
        return fmt?.date ? excelToDate(v, this.ctx.date1904) : v;
      }
    }
  }

  /** Cells without r: their own <v>. The others: where parseXlsx's resolvePending finds them (none, this part or another). */
  private resolvePending(): void {
    const { ctx, xml, pending } = this;
    const byAddress = ctx.rawResults === 'none' ? [] : pending.filter((p) => !p.own);
    if (byAddress.length && ctx.rawResults === 'other') unsupported('raw results read from another part');
    // Each address once: the cell's own tag; otherwise parseXlsx's scan of the whole sheet.
    const raw = this.repeats && byAddress.length ? cachedValuesIn(xml, new Set(byAddress.map((p) => p.address))) : undefined;
    for (const p of pending) {
      if (!p.own && ctx.rawResults === 'none') continue;
      const v = p.own ? rawCachedValue(xml, p.start) : raw ? raw.get(p.address) : rawCachedValue(xml, p.start, p.address);
      if (v === undefined) continue;
      const num = Number(v);
      p.cell.value = v !== '' && Number.isFinite(num) ? num : v;
      delete p.cell.noResult;
    }
  }
}
