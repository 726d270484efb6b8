// A small formula evaluator for the fills the add-in writes: + - * /, parentheses, SUM, ROUND.
// No eval: the browser build runs under a Content-Security-Policy without 'unsafe-eval'.
import { colName, parseAddress } from '../../src/core/grid/grid';

/** A cell's value; `sheet` is given for references such as `'Фонды'!C5` (upper-cased). */
type Lookup = (row: number, col: number, sheet?: string) => number | string | boolean | null;

const SHEET = String.raw`(?:'((?:[^']|'')*)'|([\p{L}\p{N}_.]+))!`;

export function evaluateFormula(formula: string, lookup: Lookup): number | null {
  const src = formula.replace(/^=/, '').replace(/\$/g, '').toUpperCase();
  let pos = 0;
  const peek = (): string => src[pos] ?? '';
  const skip = (): void => {
    while (peek() === ' ') pos++;
  };
  const cellNumber = (a1: string, sheet?: string): number => {
    const p = parseAddress(a1);
    const v = lookup(p.row, p.col, sheet);
    if (typeof v === 'number') return v;
    const n = Number(String(v ?? '').replace(/[\s\u00a0]/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : 0;
  };
  const rangeValues = (a: string, b: string, sheet?: string): number[] => {
    const p = parseAddress(a);
    const q = parseAddress(b);
    const out: number[] = [];
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) {
      for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) {
        out.push(cellNumber(colName(c) + (r + 1), sheet));
      }
    }
    return out;
  };
  const args = (): number[][] => {
    const list: number[][] = [];
    pos++; // (
    for (;;) {
      skip();
      const ref = new RegExp(`^(?:${SHEET})?([A-Z]{1,3}\\d+):([A-Z]{1,3}\\d+)`, 'u').exec(src.slice(pos));
      if (ref) {
        pos += ref[0].length;
        list.push(rangeValues(ref[3], ref[4], sheetOf(ref)));
      } else list.push([expr()]);
      skip();
      if (peek() === ')') {
        pos++;
        return list;
      }
      if (peek() !== ',' && peek() !== ';') throw new Error('bad args');
      pos++;
    }
  };
  const primary = (): number => {
    skip();
    const ch = peek();
    if (ch === '(') {
      pos++;
      const v = expr();
      skip();
      if (peek() !== ')') throw new Error('missing )');
      pos++;
      return v;
    }
    if (ch === '-') {
      pos++;
      return -primary();
    }
    if (ch === '+') {
      pos++;
      return primary();
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(pos));
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    const fn = /^(SUM|ROUND)(?=\()/.exec(src.slice(pos));
    if (fn) {
      pos += fn[0].length;
      const a = args();
      if (fn[1] === 'SUM') return a.flat().reduce((t, x) => t + x, 0);
      const d = a[1]?.[0] ?? 0;
      const x = a[0][0];
      return Math.sign(x) * Math.round(Math.abs(x) * 10 ** d) / 10 ** d;
    }
    const ref = new RegExp(`^(?:${SHEET})?([A-Z]{1,3}\\d+)`, 'u').exec(src.slice(pos));
    if (ref) {
      pos += ref[0].length;
      return cellNumber(ref[3], sheetOf(ref));
    }
    throw new Error(`unexpected ${ch}`);
  };
  const term = (): number => {
    let v = primary();
    for (;;) {
      skip();
      const ch = peek();
      if (ch !== '*' && ch !== '/') return v;
      pos++;
      const r = primary();
      v = ch === '*' ? v * r : v / r;
    }
  };
  const expr = (): number => {
    let v = term();
    for (;;) {
      skip();
      const ch = peek();
      if (ch !== '+' && ch !== '-') return v;
      pos++;
      const r = term();
      v = ch === '+' ? v + r : v - r;
    }
  };
  try {
    const v = expr();
    skip();
    return pos === src.length && Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

function sheetOf(m: RegExpExecArray): string | undefined {
  if (m[1] !== undefined) return m[1].replace(/''/g, "'");
  return m[2];
}
