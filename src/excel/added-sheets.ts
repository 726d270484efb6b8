// New sheets written into the open workbook (the region's summary), and taken out again: the
// pane's undo of them. No sheet of the user's is written over: a name taken is refused.
import { colName } from '../core';
import type { XlContext } from './xl-types';
import { inChunks, requestCost } from './batch';

/** A sheet to add: its values from (top, left), 0-based, their number formats, a header row to make bold. */
export interface NewSheet {
  name: string;
  top: number;
  left: number;
  values: Array<Array<string | number | boolean | null>>;
  formats: string[][];
  header?: boolean;
}

/** The sheets added, by id (a sheet renamed since is still found) and by the name given. */
export interface AddedSheets {
  sheets: Array<{ id: string; name: string }>;
}

export type AddSheetsResult = { status: 'written'; record: AddedSheets } | { status: 'exists'; name: string };

type Row = { sheet: number; i: number; values: NewSheet['values'][number]; formats: string[] };
const rowCost = (r: Row) => requestCost(1, 2, [r.values, r.formats]);

/**
 * Adds the sheets and writes them in syncs within the request limit. Refuses, writing nothing,
 * when a name is taken (the pane picks free names; the user may have added one since). The first
 * sheet added is shown.
 */
export async function addSheets(ctx: XlContext, sheets: NewSheet[]): Promise<AddSheetsResult> {
  const col = ctx.workbook.worksheets;
  const found = sheets.map((s) => col.getItemOrNullObject(s.name));
  found.forEach((f) => f.load('isNullObject'));
  await ctx.sync();
  const taken = found.findIndex((f) => !f.isNullObject);
  if (taken >= 0) return { status: 'exists', name: sheets[taken].name };
  const added = sheets.map((s) => col.add(s.name));
  added.forEach((a) => a.load(['id', 'name']));
  await ctx.sync();
  const rows: Row[] = sheets.flatMap((s, sheet) => s.values.map((values, i) => ({ sheet, i, values: values.map((v) => v ?? ''), formats: s.formats[i] })));
  await inChunks(ctx, rows, rowCost, (chunk) => {
    for (const part of bySheetRuns(chunk)) {
      const s = sheets[part[0].sheet];
      const width = Math.max(1, ...part.map((r) => r.values.length));
      const top = s.top + part[0].i + 1;
      const range = added[part[0].sheet].getRange(`${colName(s.left)}${top}:${colName(s.left + width - 1)}${top + part.length - 1}`);
      const pad = <T>(line: T[], fill: T) => Array.from({ length: width }, (_, j) => line[j] ?? fill);
      // Formats first: a text starting with '=' must stay text, a number keep its format.
      range.numberFormat = part.map((r) => pad(r.formats, 'General'));
      range.values = part.map((r) => pad(r.values, ''));
    }
    return () => [];
  });
  sheets.forEach((s, k) => {
    if (s.header && s.values.length) added[k].getRange(`${colName(s.left)}${s.top + 1}:${colName(s.left + Math.max(1, s.values[0].length) - 1)}${s.top + 1}`).format.font.bold = true;
  });
  if (added.length) added[0].activate();
  await ctx.sync();
  return { status: 'written', record: { sheets: added.map((a) => ({ id: a.id, name: a.name })) } };
}

/** A chunk's rows split where the sheet changes or a row is skipped, each run one rectangle. */
function bySheetRuns(chunk: Row[]): Row[][] {
  const out: Row[][] = [];
  for (const r of chunk) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.sheet === r.sheet && prev.i + 1 === r.i) last.push(r);
    else out.push([r]);
  }
  return out;
}

/**
 * Deletes the sheets added (found by id), those still there; returns how many. Worksheet.delete
 * cannot be undone in Excel and is refused inside an undo group: run it outside one.
 */
export async function removeSheets(ctx: XlContext, record: AddedSheets): Promise<{ removed: number }> {
  const col = ctx.workbook.worksheets;
  col.load('items/id');
  await ctx.sync();
  const ids = new Set(record.sheets.map((s) => s.id));
  const gone = col.items.filter((w) => ids.has(w.id));
  gone.forEach((w) => w.delete());
  await ctx.sync();
  return { removed: gone.length };
}
