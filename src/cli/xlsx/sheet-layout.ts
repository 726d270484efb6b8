// A worksheet's layout around its cells: where sheetData is, its merged areas and hyperlinks, and
// the merges applied to the rows read, as exceljs applies them.
import type { Area } from '../../core';
import { children, openRoot } from './xml-scan';
import { unsupported } from './unsupported';

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
export interface SheetLayout {
  dataStart: number;
  dataEnd: number;
  merges: string[];
  hyperlinks: Array<{ ref: string; rid: string }>;
  /** The part's prefix for its elements (see Scanner.prefix). */
  prefix: string;
}

export function sheetLayout(xml: string): SheetLayout {
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

export function trim(a: unknown[]): void {
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


/**
 * The sheet's merged areas, applied to its rows: exceljs keeps only the top-left cell's value, and
 * every row the area covers beyond that cell is reported.
 */
export function applyMerges(rows: Array<Array<unknown> | undefined>, refs: readonly string[]): Area[] {
  const merges = refs.map(mergeArea);
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
  return merges;
}
