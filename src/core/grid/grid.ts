// The plain data the engine works on: sheets of cell records plus merged areas, 0-based inside.

/** A cell as the host gives it. `value` is the typed value (a number stays a number). */
export interface Cell {
  value: number | string | boolean | null;
  /** Displayed text, when the host knows it. */
  text?: string;
  /** Formula without its result, e.g. `=B4+B5-B6`. */
  formula?: string;
  /** True when the cell holds a formula whose cached result is unknown. */
  noResult?: boolean;
  /** An error value such as `#DIV/0!`. */
  error?: string;
  numberFormat?: string;
  /** Indent level of the cell's alignment (nested `в том числе` rows). */
  indent?: number;
}

/** A rectangle, 0-based, inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Row-major; rows and cells may be missing (sparse). */
  rows: (Array<Cell | undefined> | undefined)[];
  merges: Area[];
  /** Offset of rows[0][0] in the real sheet (used ranges need not start at A1). */
  origin?: { row: number; col: number };
}

export interface Workbook {
  sheets: Sheet[];
}

export interface Pos {
  row: number;
  col: number;
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  const r = sheet.rows[row];
  return r ? r[col] : undefined;
}

/** Column names made so far: every issue names its cell. */
const colNames: string[] = [];

export function colName(col: number): string {
  const known = colNames[col];
  if (known !== undefined) return known;
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col >= 0 && col < 1 << 14) colNames[col] = s;
  return s;
}

/** A1 address of a 0-based position in the real sheet (origin applied). */
export function address(sheet: Sheet, row: number, col: number): string {
  const o = sheet.origin;
  return o ? colName(col + o.col) + String(row + o.row + 1) : colName(col) + String(row + 1);
}

export function rangeAddress(sheet: Sheet, a: Area): string {
  const tl = address(sheet, a.top, a.left);
  const br = address(sheet, a.bottom, a.right);
  return tl === br ? tl : `${tl}:${br}`;
}

/** Parses `B7` into a 0-based absolute position. */
export function parseAddress(a1: string): Pos {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function sheetHeight(sheet: Sheet): number {
  return sheet.rows.length;
}

export function sheetWidth(sheet: Sheet): number {
  let w = 0;
  for (const r of sheet.rows) if (r && r.length > w) w = r.length;
  return w;
}
