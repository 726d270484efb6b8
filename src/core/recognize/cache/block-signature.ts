// What recognition of a block can see, as numbers: equal signatures recognize alike.
import type { Area, Cell } from '../../grid/grid';
import { labelKey, normalizeLabel } from '../../grid/labels';
import { BULLET, isNumberLike, YEAR_AT_END } from '../../layout/blocks';
import type { SheetView } from '../../grid/sheet-view';
import { isPercentLabel, pointsInPath } from '../match';
import { isDashText, isYearNumber, parseNumberText, parseYearText, readNum, yearInText } from '../../grid/numbers';
import { statedYear, titleTextYear } from '../../layout/table-year';
import { FIGURE, FLAGS, F_COVERED, F_ERROR, F_FORMULA, F_NO_RESULT, F_ORIGIN, HEADER, MERGE_BOTTOM, MERGE_LEFT, MERGE_RIGHT, MERGE_TOP, NO_CELL, NUMBER_TEXT, PAYLOAD, PER_CELL, PER_CELL_LOOSE, PLAIN, TRIMMED_ORDER, V_EMPTY, V_FALSE, V_NON_FINITE, V_NUMBER, V_OTHER, V_TEXT, V_TRUE, V_YEAR, WRITTEN_ORDER, grow, growBytes, hashInts } from './signature-slots';

/** Lines above a block that recognition reads (its title, a year over it). */
export const LINES_ABOVE = 3;

/**
 * What recognition reads of a text in a block besides its key (which `normalizeLabel` keeps) and
 * which texts it equals: as a number, a year, a bullet, a number-like bad cell, points, a share.
 */
function readsOf(t: string): string {
  const n = readNum({ value: t });
  const tt = t.trim();
  return `${n.kind}|${n.value}|${n.decimals}|${parseYearText(t)}|${yearInText(t)}|${statedYear(t)}|${BULLET.test(tt)}|${isNumberLike(n)}|${pointsInPath([t])}|${/^доля/i.test(tt)}`;
}

/** Kinds of text numbers that stand for several texts (`Signer.folds`). */
const FOLDED = 1;
const READ_AS = 2;

/** The longest text read as a mark or note in place of a figure (see `Signer.isMark`). */
const MARK_LENGTH = 12;

/**
 * Recognition reads texts, a cell's kind (number, text, formula, error, empty), merges and year-like
 * numbers; it never reads the other numbers' values. So a signature holds texts (as numbers the
 * signer gives each distinct text), numbers as a mark (year-like whole numbers with their value),
 * and two copies of a table with different figures share one signature. A signature lives in a
 * scratch buffer while it is looked up; only new layouts keep a copy.
 */
export class Signer {
  private texts = new Map<string, number>();
  /** Texts in a block, by what recognition reads of them (see `blockText`). */
  private inBlock = new Map<string, number>();
  /** Texts of the lines above a block, by what recognition reads of them (see `aboveText`). */
  private above = new Map<string, number>();
  private buf = new Int32Array(1024);
  /** Length of the last signature in `buf`. */
  length = 0;
  hash = 0;

  /**
   * With `plain`: where the last signature holds a plain name (the cell's index), the name's text
   * number there, and what the names signature holds there instead (PLAIN less its leading spaces).
   */
  readonly plainAt: number[] = [];
  readonly plainText: number[] = [];
  private readonly plainSub: number[] = [];
  /** A text's leading spaces when it is a plain name, else −1. */
  private readonly plainLeads = new Map<string, number>();
  /**
   * With `loose`: the text (trimmed) of every cell of the block (not the lines above) whose text is
   * folded (`foldOf`) or a number text signed by what is read of it (`blockText`), in signature
   * order, then the marks the block's facts name: two blocks of one loose signature may differ
   * there, in what recognition does not read, and the words of their tables with them.
   */
  readonly textOf: string[] = [];

  /**
   * @param contextWords the `context` words of the kinds, as label keys
   * @param loose sign a figure (a number that is no year, or a number text signed as one) and an
   *   empty cell of the block alike: what recognition reads of those is checked apart (block-facts.ts)
   * @param plain which texts are plain names (recognize.ts `plainName`): the signature also gives
   *   a names signature (`namesHash`, `namesMatch`, `namesCopy`), the same but for plain names in
   *   the block, signed as "a name" with their leading spaces; which and where: `plainAt`/`plainText`
   */
  constructor(
    private readonly contextWords: readonly string[] = [],
    private readonly loose = false,
    public plain?: (text: string) => boolean,
  ) {
    this.per = loose ? PER_CELL_LOOSE : PER_CELL;
  }

  private readonly per: number;

  /** The index in a signature of `area` of the cell at (r, c). */
  indexOf(area: Area, r: number, c: number): number {
    const top = Math.max(0, area.top - LINES_ABOVE);
    return 3 + ((r - top) * (area.right - area.left + 1) + (c - area.left)) * this.per;
  }

  get size(): number {
    return this.texts.size + this.above.size + this.inBlock.size + this.foldIds.size + this.trimIds.size;
  }

  /** Folded texts: the text's own number, and its trimmed text's (−1: not folded). */
  private foldIds = new Map<string, number>();
  /** Per text number (`text`): FOLDED or READ_AS when it stands for several texts, else 0. */
  private folds: Uint8Array = new Uint8Array(256);

  private classify(id: number, kind: number): void {
    if (id >= this.folds.length) this.folds = growBytes(this.folds, id);
    this.folds[id] = kind;
  }
  private trimIds = new Map<string, number>();
  private trimOfFold: number[] = [];
  /** Per own number: the block (`blocks`) it was last seen in, and its place among that block's texts. */
  private seenIn: Int32Array = new Int32Array(256);
  private seenAt: Int32Array = new Int32Array(256);
  private trimSeenIn: Int32Array = new Int32Array(256);
  private trimSeenAt: Int32Array = new Int32Array(256);
  private blocks = 0;
  private rawCount = 0;
  private trimCount = 0;

  /**
   * A label recognition reads through its key, which other texts of the block it equals (as
   * written and trimmed), in a row label its leading spaces, and what `readsOf` names. A text that
   * reads as its `normalizeLabel` form does is folded to it (case, ё, dashes, spaces):
   * `Всего  по  системе`, `ВСЕГО по системе` and `Всего по\nсистеме` fold alike, `(1 балл)` and
   * `(1 БАЛЛ)` do not (points are read in lower case). The signature keeps where each stands among
   * the block's texts (`pattern`), the block's facts the rows' indentation and the marks' places
   * (block-facts.ts), and block-cache.ts gives a reused table its own words. Undefined for a text
   * that does not fold.
   */
  private foldOf(v: string): string | undefined {
    const canon = normalizeLabel(v);
    return canon !== '' && readsOf(v) === readsOf(canon) ? `\u0002${canon}` : undefined;
  }

  /** The text's own number as a folded text (−1: not folded; see `blockText`). */
  private foldId(v: string): number {
    this.blockText(v);
    return this.foldIds.get(v) ?? -1;
  }

  /** Numbers a folded text and its trimmed text (see `pattern`). */
  private addFolded(v: string): void {
    const id = this.rawCount++;
    const t = v.trim();
    let tid = this.trimIds.get(t);
    if (tid === undefined) this.trimIds.set(t, (tid = this.trimCount++));
    this.trimOfFold[id] = tid;
    this.foldIds.set(v, id);
  }

  /**
   * Writes where a folded text stands among the block's folded texts, as written and trimmed (the
   * order each first appears in): what recognition reads of texts' equality (`raw` lists of
   * recognize.ts, the texts of a column in layout.ts). Other cells have zeros there (`put`).
   */
  private pattern(i: number, v: string): void {
    const b = this.buf;
    this.order(this.foldIds.get(v)!);
    b[i + WRITTEN_ORDER] = this.writtenOrder;
    b[i + TRIMMED_ORDER] = this.trimmedOrder;
    this.textOf.push(v.trim());
  }

  /** Where the folded text `id` first stands among the block's, as written and trimmed: 1, 2, … */
  writtenOrder = 0;
  trimmedOrder = 0;

  private order(id: number): void {
    const tid = this.trimOfFold[id];
    if (id >= this.seenIn.length) [this.seenIn, this.seenAt] = [grow(this.seenIn, id), grow(this.seenAt, id)];
    if (tid >= this.trimSeenIn.length) [this.trimSeenIn, this.trimSeenAt] = [grow(this.trimSeenIn, tid), grow(this.trimSeenAt, tid)];
    if (this.seenIn[id] !== this.blocks) {
      this.seenIn[id] = this.blocks;
      this.seenAt[id] = ++this.rawInBlock;
    }
    if (this.trimSeenIn[tid] !== this.blocks) {
      this.trimSeenIn[tid] = this.blocks;
      this.trimSeenAt[tid] = ++this.trimInBlock;
    }
    this.writtenOrder = this.seenAt[id];
    this.trimmedOrder = this.trimSeenAt[tid];
  }

  private rawInBlock = 0;
  private trimInBlock = 0;

  private text(v: string): number {
    let id = this.texts.get(v);
    if (id === undefined) this.texts.set(v, (id = this.texts.size));
    return id;
  }

  /**
   * Recognition reads these things in a text above a block: whether a word of it starts with a
   * kind's context word, a year it is (`2023 г.`), a year it ends with (`… на 2023 год`) and the
   * one year a title states (table-year.ts). Titles that agree on those are one text here:
   * `Таблица 7. …` and `Таблица 8. …` above two copies of a table let the second reuse the first's
   * recognition. A text with none of them reads as a number that is no year does (a filled cell):
   * NUMBER_TEXT.
   */
  private aboveText(v: string): number {
    let id = this.above.get(v);
    if (id === undefined) {
      const t = v.trim();
      let cls = '\u0000';
      if (t !== '') {
        cls += this.contextFlags(t);
        const end = t.length <= 40 ? YEAR_AT_END.exec(t) : null;
        cls += `|${parseYearText(v) ?? ''}|${end ? end[1] : ''}|${titleTextYear(v) ?? ''}`;
      }
      // Read of nothing but that the cell is filled, as of a number that is no year (the last row
      // of a table just above, its figures numbers in one copy and number texts in another).
      // eslint-disable-next-line no-control-regex -- \u0000 is the separator of a class key
      id = t !== '' && /^\u00000*\|\|\|$/.test(cls) ? NUMBER_TEXT : this.text(cls);
      this.above.set(v, id);
    }
    return id;
  }

  /** Whether a word of the text starts with a kind's context word, per context word. */
  private contextFlags(t: string): string {
    if (!this.contextWords.length) return '';
    const tokens = labelKey(t).split(' ');
    let out = '';
    for (const w of this.contextWords) out += tokens.some((x) => x.startsWith(w)) ? '1' : '0';
    return out;
  }

  /**
   * A number stored as text in a block (`"1 250"`), or a dash for zero, is read as a number is,
   * for its kind only: no header or label can hold one (a row with a number in it is a data row, a
   * column with one is a data column). Its text is read in two more places: as a line above a section (its context
   * words, a year in it), and as a `%` label written in a data cell. So a number text with none of
   * those signs as a number (NUMBER_TEXT), and tables whose figures are partly stored as text, in
   * other cells, share a layout. Other number texts sign by what is read of them; any other text,
   * or a number text with a year in it (`2023`, `12,2023`), stays itself.
   */
  private blockText(v: string): number {
    let id = this.inBlock.get(v);
    if (id === undefined) {
      if ((parseNumberText(v) === undefined && !isDashText(v)) || yearInText(v) !== undefined) {
        const f = this.loose ? this.foldOf(v) : undefined;
        id = this.text(f ?? v);
        if (f !== undefined) {
          this.addFolded(v);
          this.classify(id, FOLDED);
        }
      } else {
        const context = this.contextFlags(v);
        const percent = isPercentLabel(labelKey(v));
        id = !percent && !context.includes('1') ? NUMBER_TEXT : this.text(`\u0001${context}|${percent ? '%' : ''}`);
        if (this.loose && id >= 0) this.classify(id, READ_AS);
      }
      this.inBlock.set(v, id);
    }
    return id;
  }

  /** A cell that is empty or holds a figure only: no formula, error, year or other text than a mark. */
  private isFigure(cell: Cell | undefined): boolean {
    if (!cell) return true;
    if (cell.formula || cell.error || cell.noResult) return false;
    const v = cell.value;
    if (v === null || v === undefined || v === '') return true;
    if (typeof v === 'number') return Number.isFinite(v) && !isYearNumber(v);
    return typeof v === 'string' && (this.blockText(v) === NUMBER_TEXT || this.isMark(v));
  }

  private marks = new Map<string, boolean>();

  /**
   * A mark's text as a number (see `text`; folded, see `foldOf`), or −1 for any other text: for the
   * facts of the block last signed. A folded mark's place among the block's folded texts, counted
   * on from its signature's, is then in `writtenOrder` and `trimmedOrder` (0 for a mark not folded).
   */
  readonly markId = (v: string): number => {
    this.writtenOrder = 0;
    this.trimmedOrder = 0;
    if (!this.isMark(v)) return -1;
    const id = this.foldId(v);
    if (id < 0) return this.text(v);
    this.order(id);
    this.textOf.push(v.trim());
    return this.blockText(v);
  };

  /**
   * A short text written instead of a figure: a mark (`х` for "not filled in", `н/д`, `*`) or a
   * note (`нет данных`, `уточняется`, `12 (план)`, `#ДЕЛ/0!`): at most MARK_LENGTH characters,
   * no year, no context word, no `%`. In a data cell of a one-section block, recognition reads of
   * it only that it is no number and not empty, as of a number text; the loose signature signs it
   * as a figure, and the block's facts name the marks outside the data cells, where recognition
   * reads their text (block-facts.ts).
   */
  private isMark(v: string): boolean {
    let m = this.marks.get(v);
    if (m === undefined) {
      const t = v.trim();
      // Read as a line above a later section, a mark must say no more than a figure: no context word, no year.
      // Its length as folded (foldOf): texts that fold alike are marks alike. Of the trimmed text:
      // texts equal but for their ends are marks alike too (see `put`).
      const length = this.loose ? (this.foldOf(t) ?? ' ' + t).length - 1 : t.length;
      m = t.length > 0 && length <= MARK_LENGTH && !isDashText(t) && yearInText(t) === undefined && !YEAR_AT_END.test(t) && !isPercentLabel(labelKey(t)) && !this.contextFlags(t).includes('1');
      this.marks.set(v, m);
    }
    return m;
  }

  /** Writes the cell's two numbers at `i`; `above` for the lines above the block. */
  private put(i: number, cell: Cell | undefined, flags: number, above = false): void {
    const b = this.buf;
    if (this.loose) {
      // A mark is never a folded text's equal (marks are known by their trimmed text): no pattern.
      if (flags === 0 && !above && this.isFigure(cell)) {
        b[i + FLAGS] = FIGURE;
        b[i + PAYLOAD] = 0;
        b[i + WRITTEN_ORDER] = 0;
        b[i + TRIMMED_ORDER] = 0;
        return;
      }
      // Set for a folded text below (`pattern`).
      b[i + WRITTEN_ORDER] = 0;
      b[i + TRIMMED_ORDER] = 0;
    }
    if (!cell) {
      b[i + FLAGS] = flags === 0 ? NO_CELL : flags;
      b[i + PAYLOAD] = 0;
      return;
    }
    if (cell.formula) flags |= F_FORMULA;
    if (cell.error) flags |= F_ERROR;
    if (cell.noResult) flags |= F_NO_RESULT;
    const v = cell.value;
    let payload = 0;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        flags |= V_NON_FINITE;
        payload = v > 0 ? 1 : v < 0 ? -1 : 0;
      } else if (isYearNumber(v)) {
        flags |= V_YEAR;
        payload = v;
      } else flags |= V_NUMBER;
    } else if (typeof v === 'string') {
      payload = above ? this.aboveText(v) : this.blockText(v);
      if (payload === NUMBER_TEXT) {
        flags |= V_NUMBER;
        payload = 0;
      } else flags |= V_TEXT;
      if (this.loose && !above && payload >= 0) {
        const kind = this.folds[payload];
        if (kind === FOLDED) this.pattern(i, v);
        // A number text signed by what is read of it (`blockText`) is another text a word may be.
        else if (kind === READ_AS) this.textOf.push(v.trim());
      }
      if (this.plain && !above && payload >= 0) {
        const lead = this.plainLead(v);
        if (lead >= 0) {
          this.plainAt.push(i);
          this.plainText.push(payload);
          this.plainSub.push(PLAIN - lead);
        }
      }
    }
    else if (v === true) flags |= V_TRUE;
    else if (v === false) flags |= V_FALSE;
    else if (v !== null && v !== undefined) flags |= V_OTHER;
    else flags |= V_EMPTY;
    // The indent level rides in the high bits of the flags.
    b[i + FLAGS] = flags | ((cell.indent ?? 0) << 12);
    b[i + PAYLOAD] = payload;
  }

  /** Signs `area` (and the lines above it) into the scratch buffer; returns its hash. */
  sign(view: SheetView, area: Area): number {
    const top = Math.max(0, area.top - LINES_ABOVE);
    const width = area.right - area.left + 1;
    const per = this.per;
    const n = HEADER + (area.bottom - top + 1) * width * per;
    if (this.buf.length < n) this.buf = new Int32Array(n * 2);
    const b = this.buf;
    b[0] = area.bottom - area.top;
    b[1] = width;
    b[2] = area.top - top;
    this.plainAt.length = 0;
    this.plainText.length = 0;
    this.plainSub.length = 0;
    this.textOf.length = 0;
    this.blocks++;
    this.rawInBlock = 0;
    this.trimInBlock = 0;
    let i = HEADER;
    for (let r = top; r <= area.bottom; r++) {
      const row = view.sheet.rows[r];
      const above = r < area.top;
      for (let c = area.left; c <= area.right; c++, i += per) {
        const m = view.coveredBy(r, c);
        if (m) {
          this.put(i, view.cell(m.top, m.left), F_COVERED, above);
          b[i + MERGE_TOP] = m.top - r;
          b[i + MERGE_LEFT] = m.left - c;
          b[i + MERGE_BOTTOM] = m.bottom - r;
          b[i + MERGE_RIGHT] = m.right - c;
          continue;
        }
        const o = view.mergeAt(r, c);
        this.put(i, row ? row[c] : undefined, o ? F_ORIGIN : 0, above);
        b[i + MERGE_TOP] = 0;
        b[i + MERGE_LEFT] = 0;
        b[i + MERGE_BOTTOM] = o ? o.bottom - r : 0;
        b[i + MERGE_RIGHT] = o ? o.right - c : 0;
      }
    }
    this.length = n;
    this.hash = hashInts(b, n);
    return this.hash;
  }

  /** Leading spaces of a plain name (as recognize.ts indentOf counts them), or −1 for another text. */
  private plainLead(v: string): number {
    let lead = this.plainLeads.get(v);
    if (lead === undefined) {
      lead = this.plain!(v) ? (/^[\s\u00a0]*/.exec(v)?.[0].replace(/\n/g, '').length ?? 0) : -1;
      this.plainLeads.set(v, lead);
    }
    return lead;
  }

  /** The names signature's value at `k`, walking `plainAt` with the cursor `p` (k ascending). */
  private named(k: number, p: { at: number }): number {
    const at = this.plainAt;
    if (p.at < at.length && k === at[p.at] + 1) return this.plainSub[p.at++];
    return this.buf[k];
  }

  /** The hash of the last signature's names signature. */
  namesHash(): number {
    const p = { at: 0 };
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < this.length; k++) h = Math.imul(h ^ this.named(k, p), 0x01000193);
    return h;
  }

  /** True when the last signature's names signature equals `saved`. */
  namesMatch(saved: Int32Array): boolean {
    if (saved.length !== this.length) return false;
    const p = { at: 0 };
    for (let k = 0; k < saved.length; k++) if (saved[k] !== this.named(k, p)) return false;
    return true;
  }

  /** A copy of the last signature's names signature, to keep. */
  namesCopy(): Int32Array {
    const out = this.buf.slice(0, this.length);
    for (let j = 0; j < this.plainAt.length; j++) out[this.plainAt[j] + PAYLOAD] = this.plainSub[j];
    return out;
  }

  /** True when the last signature equals `saved`. */
  matches(saved: Int32Array): boolean {
    if (saved.length !== this.length) return false;
    const b = this.buf;
    for (let k = 0; k < saved.length; k++) if (saved[k] !== b[k]) return false;
    return true;
  }

  /** A copy of the last signature, to keep. */
  copy(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}
