// Reads every sheet's used range into the engine's Workbook. Three syncs for an ordinary
// workbook whatever the number of sheets (names; shapes and merges; contents); more when a sheet
// is large: contents then come in row blocks sized to Excel's limits, and adapt to what they cost.
import type { Area, Cell, Sheet, Workbook } from '../core';
import { colName } from '../core';
import type { Supports, XlContext, XlRange, XlRangeAreas, XlWorksheet } from './xl-types';
import { errorCode } from './errors';
import { isFormula } from './cell-state';
import { BATCH_BUDGET, SIZE_CODES, utf8Length } from './batch';
import { parseAreas, readMerges } from './read-merges';

export { parseAreas };

/**
 * "On all platforms, a range is limited to five million cells for get operations" (Excel
 * JavaScript API performance); a block never asks for more than a fifth of that.
 */
export const MAX_GET_CELLS = 5_000_000;
export const BLOCK_CELL_CAP = 1_000_000;
/** First guess of what a cell costs in a response with values, types, text, formulas, formats. */
export const BYTES_PER_CELL = 100;
/**
 * Above this many cells a used range is taken to be stretched by formatting (Excel counts any
 * formatted cell in it, borders included) and only its part with values is read.
 */
export const FULL_READ_CELLS = 1_000_000;

const SHAPE = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
const DATA = ['values', 'valueTypes', 'text', 'formulas', 'numberFormat'] as const;
/** Errors after which a smaller block may succeed: payload sizes and the cell-count limit. */
const SPLIT_CODES = [...SIZE_CODES, 'RangeExceedsLimit'];

export interface ReadOptions {
  /** ExcelApi 1.x support; merged areas need 1.13, the values-only used range 1.2. Default: all. */
  supports?: Supports;
  /** Bytes one sync may be estimated to return (default 4/5 of Excel on the web's 5 MB). */
  budget?: number;
  /** See FULL_READ_CELLS. */
  fullReadCells?: number;
}

export type ReadNote = 'merges-unsupported' | 'merges-too-many' | 'used-range-trimmed';

export interface ReadResult {
  workbook: Workbook;
  /** Things the read could not do, for the pane to say. */
  notes: ReadNote[];
  /** Sheets behind the notes: merges not (all) read; used ranges read only where values are. */
  details?: { mergesMissing?: string[]; trimmed?: Array<{ sheet: string; used: string; read: string }> };
}

interface Shape {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  address: string;
}

interface Block {
  sheet: number;
  /** Row offset inside the sheet's region, and how many rows. */
  top: number;
  rows: number;
}

/** Reads all sheets. See ReadResult for what could not be read. */
export async function readWorkbook(ctx: XlContext, opts: ReadOptions = {}): Promise<ReadResult> {
  const supports = opts.supports ?? (() => true);
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name');
  await ctx.sync();
  const sheets = worksheets.items;
  const notes: ReadNote[] = [];
  const details: NonNullable<ReadResult['details']> = {};

  const shapes = await readShapes(ctx, sheets, supports);
  const regions = sheets.map((s, i) => chooseRegion(s.name, shapes.used[i], shapes.values[i], opts.fullReadCells ?? FULL_READ_CELLS, details));
  if (details.trimmed) notes.push('used-range-trimmed');

  let merges: Area[][] = sheets.map(() => []);
  if (!supports(13)) notes.push('merges-unsupported');
  else if (shapes.merged) merges = shapes.merged.map((m) => (m.isNullObject ? [] : parseAreas(m.address, { row: 0, col: 0 })));
  else {
    const units = regions.map((r, sheet) => ({ sheet, top: r.rowIndex, bottom: r.rowIndex + r.rowCount - 1 }));
    const read = await readMerges(ctx, sheets, units, (i) => [colName(regions[i].columnIndex), colName(regions[i].columnIndex + regions[i].columnCount - 1)]);
    merges = read.areas;
    if (read.missing.length) {
      notes.push('merges-too-many');
      details.mergesMissing = read.missing.map((i) => sheets[i].name);
    }
  }

  const rows = await readBlocks(ctx, sheets, regions, opts.budget ?? BATCH_BUDGET);
  const workbook = {
    sheets: sheets.map((s, i): Sheet => {
      const origin = { row: regions[i].rowIndex, col: regions[i].columnIndex };
      return { name: s.name, rows: rows[i], merges: relative(merges[i], regions[i]), origin };
    }),
  };
  return { workbook, notes, ...(notes.length ? { details } : {}) };
}

/**
 * The shapes of every used range (and of its part with values, ExcelApi 1.2) in one sync, with
 * the merged areas of each used range where the host has them; a sheet with more than 512 of
 * them fails the batch, which is then sent again without merges (read later in parts).
 */
async function readShapes(ctx: XlContext, sheets: XlWorksheet[], supports: Supports) {
  for (let withMerges = supports(13); ; withMerges = false) {
    const used = sheets.map((s) => s.getUsedRange());
    const values = supports(2) ? sheets.map((s) => s.getUsedRange(true)) : undefined;
    for (const r of [...used, ...(values ?? [])]) r.load(SHAPE);
    const merged = withMerges ? used.map((u) => loadMerges(u)) : undefined;
    try {
      await ctx.sync();
      return { used: used.map(shapeOf), values: values?.map(shapeOf) ?? used.map(() => undefined), merged };
    } catch (e) {
      if (!withMerges) throw e;
    }
  }
}

function loadMerges(u: XlRange): XlRangeAreas {
  const m = u.getMergedAreasOrNullObject();
  m.load(['address', 'isNullObject']);
  return m;
}

function shapeOf(r: XlRange): Shape {
  return { rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount, address: r.address };
}

/** The used range, or only its part with values when formatting stretches it beyond `limit` cells. */
function chooseRegion(name: string, used: Shape, values: Shape | undefined, limit: number, details: NonNullable<ReadResult['details']>): Shape {
  if (used.rowCount * used.columnCount <= limit || !values) return used;
  (details.trimmed ??= []).push({ sheet: name, used: bare(used.address), read: bare(values.address) });
  return values;
}

const bare = (address: string) => address.slice(address.lastIndexOf('!') + 1);

/** Merged areas that touch the region, relative to its top-left cell. */
function relative(areas: Area[], r: Shape): Area[] {
  const [top, left, bottom, right] = [r.rowIndex, r.columnIndex, r.rowIndex + r.rowCount - 1, r.columnIndex + r.columnCount - 1];
  return areas
    .filter((a) => a.top <= bottom && a.bottom >= top && a.left <= right && a.right >= left)
    .map((a) => ({ top: a.top - top, left: a.left - left, bottom: a.bottom - top, right: a.right - left }));
}

type Rows = Sheet['rows'];

/**
 * Reads the regions in row blocks. A block is sized from what a cell of its sheet is estimated
 * to cost (first a guess, then what earlier blocks measured), never above BLOCK_CELL_CAP cells;
 * blocks are sent together while their estimate fits the budget. A batch the host refuses (a
 * payload over 5 MB, a range over five million cells) or that comes back with `null` grids
 * (office-js#4783) is split: each block halved, and a lone one-row block tried alone.
 */
async function readBlocks(ctx: XlContext, sheets: XlWorksheet[], regions: Shape[], budget: number): Promise<Rows[]> {
  const perCell = regions.map(() => BYTES_PER_CELL);
  const out: Rows[] = regions.map(() => []);
  const pending: Block[] = regions.flatMap((r, sheet) => (r.rowCount > 0 ? [{ sheet, top: 0, rows: r.rowCount }] : []));
  let alone = false;
  while (pending.length) {
    const batch = takeBatch(pending, regions, perCell, budget, alone);
    const ranges = batch.map((b) => blockRange(sheets[b.sheet], regions[b.sheet], b));
    for (const r of ranges) r.load([...DATA]);
    let failed = false;
    try {
      await ctx.sync();
    } catch (e) {
      if (!SPLIT_CODES.includes(errorCode(e))) throw e;
      failed = true;
    }
    const done = failed ? [] : batch.filter((_, i) => DATA.every((p) => ranges[i][p] !== null));
    const retry = batch.filter((b) => !done.includes(b));
    if (retry.length === 1 && retry[0].rows === 1 && (alone || batch.length === 1)) {
      throw new Error(`Excel could not return row ${regions[retry[0].sheet].rowIndex + retry[0].top + 1} of sheet ${sheets[retry[0].sheet].name}.`);
    }
    alone = retry.length > 0 && retry.every((b) => b.rows === 1);
    for (const b of retry) perCell[b.sheet] *= 2;
    pending.unshift(...retry.flatMap(halve));
    batch.forEach((b, i) => {
      if (done.includes(b)) perCell[b.sheet] = measure(ranges[i], b, regions[b.sheet], out[b.sheet]);
    });
  }
  return out;
}

/** Takes blocks off the front of `pending`, resizing each to its estimate, while they fit. */
function takeBatch(pending: Block[], regions: Shape[], perCell: number[], budget: number, alone: boolean): Block[] {
  const batch: Block[] = [];
  let cost = 0;
  while (pending.length) {
    const b = pending[0];
    const cols = Math.max(1, regions[b.sheet].columnCount);
    const fit = Math.max(1, Math.min(Math.floor(budget / (cols * perCell[b.sheet])), Math.floor(BLOCK_CELL_CAP / cols)));
    const rows = Math.min(b.rows, fit);
    const c = rows * cols * perCell[b.sheet];
    if (batch.length && cost + c > budget) break;
    pending.shift();
    if (rows < b.rows) pending.unshift({ sheet: b.sheet, top: b.top + rows, rows: b.rows - rows });
    batch.push({ sheet: b.sheet, top: b.top, rows });
    cost += c;
    if (alone) break;
  }
  return batch;
}

function halve(b: Block): Block[] {
  if (b.rows < 2) return [b];
  const h = b.rows >> 1;
  return [
    { sheet: b.sheet, top: b.top, rows: h },
    { sheet: b.sheet, top: b.top + h, rows: b.rows - h },
  ];
}

function blockRange(ws: XlWorksheet, r: Shape, b: Block): XlRange {
  const top = r.rowIndex + b.top;
  return ws.getRange(`${colName(r.columnIndex)}${top + 1}:${colName(r.columnIndex + r.columnCount - 1)}${top + b.rows}`);
}

/** Puts a block's rows into `rows`; returns what one of its cells cost, measured (with a margin). */
function measure(range: XlRange, b: Block, region: Shape, rows: Rows): number {
  const { values, valueTypes, text, formulas, numberFormat } = range;
  values.forEach((vr, i) => {
    const row: Array<Cell | undefined> = [];
    vr.forEach((v, j) => {
      row[j] = toCell(v, valueTypes[i][j], text[i][j], formulas[i][j], numberFormat[i][j]);
    });
    rows[b.top + i] = row.some((c) => c !== undefined) ? row : undefined;
  });
  const bytes = DATA.reduce((n, p) => n + p.length + utf8Length(JSON.stringify(range[p])), 0);
  return Math.max(8, (1.25 * bytes) / (b.rows * Math.max(1, region.columnCount)));
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
