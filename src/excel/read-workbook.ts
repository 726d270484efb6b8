// Reads every sheet's used range into the engine's Workbook: two syncs whatever the number of
// sheets; more only when Excel on the web refuses a response over its 5 MB payload limit.
import type { Area, Cell, Sheet, Workbook } from '../core';
import { colName } from '../core';
import type { Supports, XlContext, XlRange, XlRangeAreas, XlWorksheet } from './xl-types';
import { errorCode } from './errors';
import { isFormula } from './cell-state';

/** Excel on the web refuses requests and responses above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one cell costs in a response with values, types, text, formulas and formats (JSON). */
export const BYTES_PER_CELL = 100;

const SHAPE = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
const DATA = ['values', 'valueTypes', 'text', 'formulas', 'numberFormat'];
const PAYLOAD_CODES = ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'];

export interface ReadOptions {
  /** ExcelApi 1.x support; merged areas need 1.13. Default: everything supported. */
  supports?: Supports;
  /** Bytes one sync may return (default 4/5 of Excel on the web's limit, for a margin). */
  budget?: number;
}

export interface ReadResult {
  workbook: Workbook;
  /** Things the read could not do, for the pane to say (e.g. merged areas not read). */
  notes: Array<'merges-unsupported' | 'merges-too-many'>;
}

interface Block {
  range: XlRange;
  /** Row offset of this block inside the sheet's used range. */
  rowOffset: number;
}

/** Reads all sheets. See ReadResult for what could not be read. */
export async function readWorkbook(ctx: XlContext, opts: ReadOptions = {}): Promise<ReadResult> {
  const supports = opts.supports ?? (() => true);
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name');
  await ctx.sync();
  const sheets = worksheets.items;
  const notes: ReadResult['notes'] = [];
  let withMerges = supports(13);
  if (!withMerges) notes.push('merges-unsupported');

  for (let attempt = 0; ; attempt++) {
    const used = sheets.map((s) => s.getUsedRange());
    for (const u of used) u.load([...SHAPE, ...DATA]);
    const merged = withMerges ? used.map(loadMerges) : [];
    try {
      await ctx.sync();
      return {
        workbook: {
          sheets: sheets.map((s, i) =>
            toSheet(s.name, used[i], [{ range: used[i], rowOffset: 0 }], merged[i]),
          ),
        },
        notes,
      };
    } catch (e) {
      if (PAYLOAD_CODES.includes(errorCode(e))) {
        return { workbook: await readInBlocks(ctx, sheets, withMerges, opts), notes };
      }
      // Excel refuses more than 512 merged areas in one range: read without them.
      if (withMerges && attempt === 0) {
        withMerges = false;
        notes.push('merges-too-many');
        continue;
      }
      throw e;
    }
  }
}

function loadMerges(u: XlRange): XlRangeAreas {
  const m = u.getMergedAreasOrNullObject();
  m.load(['address', 'isNullObject']);
  return m;
}

/** The large-workbook path: shapes first, then row blocks sized to stay under the budget. */
async function readInBlocks(
  ctx: XlContext,
  sheets: XlWorksheet[],
  withMerges: boolean,
  opts: ReadOptions,
): Promise<Workbook> {
  const budget = opts.budget ?? Math.floor(PAYLOAD_LIMIT * 0.8);
  const used = sheets.map((s) => s.getUsedRange());
  for (const u of used) u.load(SHAPE);
  await ctx.sync();

  type Job = { sheet: number; top: number; rows: number; cost: number };
  const jobs: Job[] = [];
  used.forEach((u, i) => {
    const rowCost = Math.max(1, u.columnCount) * BYTES_PER_CELL;
    const step = Math.max(1, Math.floor(budget / rowCost));
    for (let top = 0; top < u.rowCount; top += step) {
      const rows = Math.min(step, u.rowCount - top);
      jobs.push({ sheet: i, top, rows, cost: rows * rowCost });
    }
  });

  const blocks: Block[][] = sheets.map(() => []);
  const merged: Array<XlRangeAreas | undefined> = sheets.map(() => undefined);
  if (withMerges) {
    used.forEach((u, i) => (merged[i] = loadMerges(u)));
  }
  let batchCost = 0;
  for (const job of jobs) {
    if (batchCost > 0 && batchCost + job.cost > budget) {
      await ctx.sync();
      batchCost = 0;
    }
    const u = used[job.sheet];
    const top = u.rowIndex + job.top;
    const left = colName(u.columnIndex);
    const right = colName(u.columnIndex + u.columnCount - 1);
    const range = sheets[job.sheet].getRange(`${left}${top + 1}:${right}${top + job.rows}`);
    range.load(DATA);
    blocks[job.sheet].push({ range, rowOffset: job.top });
    batchCost += job.cost;
  }
  await ctx.sync();
  return { sheets: sheets.map((s, i) => toSheet(s.name, used[i], blocks[i], merged[i])) };
}

function toSheet(name: string, used: XlRange, blocks: Block[], merged?: XlRangeAreas): Sheet {
  const origin = { row: used.rowIndex, col: used.columnIndex };
  const rows: Sheet['rows'] = [];
  for (const b of blocks) {
    const { values, valueTypes, text, formulas, numberFormat } = b.range;
    values.forEach((vr, i) => {
      const row: Array<Cell | undefined> = [];
      vr.forEach((v, j) => {
        row[j] = toCell(v, valueTypes[i][j], text[i][j], formulas[i][j], numberFormat[i][j]);
      });
      rows[b.rowOffset + i] = row.some((c) => c !== undefined) ? row : undefined;
    });
  }
  const merges = merged && !merged.isNullObject ? parseAreas(merged.address, origin) : [];
  return { name, rows, merges, origin };
}

function toCell(v: unknown, type: string, text: string, formula: unknown, fmt: unknown): Cell | undefined {
  const formulaHere = isFormula(formula, v);
  const numberFormat = typeof fmt === 'string' && fmt !== 'General' ? fmt : undefined;
  if (type === 'Empty' && !formulaHere) return numberFormat ? { value: null, numberFormat } : undefined;
  const cell: Cell = { value: null, text };
  if (type === 'Error') cell.error = String(v);
  else if (typeof v === 'number' || typeof v === 'boolean') cell.value = v;
  else if (typeof v === 'string' && v !== '') cell.value = v;
  if (formulaHere) cell.formula = formula as string;
  if (numberFormat) cell.numberFormat = numberFormat;
  return cell;
}

/** `Лист1!A1:B2, 'My, sheet'!D4` → areas relative to the used range's origin. */
export function parseAreas(address: string, origin: { row: number; col: number }): Area[] {
  const re = /(?:'(?:[^']|'')*'|[^,!']+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g;
  const out: Area[] = [];
  for (const m of address.matchAll(re)) {
    const top = Number(m[2]) - 1;
    const left = colIndex(m[1]);
    const bottom = m[4] ? Number(m[4]) - 1 : top;
    const right = m[3] ? colIndex(m[3]) : left;
    out.push({
      top: top - origin.row,
      left: left - origin.col,
      bottom: bottom - origin.row,
      right: right - origin.col,
    });
  }
  return out;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
