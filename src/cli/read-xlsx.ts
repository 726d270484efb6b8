// Reads an .xlsx file into the engine's plain grid. Failures become a ReadError with a reason.
// `check` reads with the fast reader (xlsx/) and falls back to exceljs for what that reader
// leaves to it; `fill` reads with exceljs, which also writes the filled copy. exceljs and JSZip are
// loaded only when used, so that `check` and its worker threads do not pay for loading them.
import type ExcelJS from 'exceljs';
import { readFileSync, statSync } from 'fs';
import type { Area, Cell, Sheet, Workbook } from '../core';
import { parseAddress } from '../core';
import { ReadError } from './read-errors';
import { rawCachedValues, rawDateCells } from './raw-results';
import { dateText, isoDate } from './dates';
import { zipOf } from './package-zip';
import { parseXlsxFast } from './xlsx';
import { emptyFormattedCell } from './xlsx/cell-values';

/** exceljs's ValueType.Null. */
const NULL_TYPE = 0;

function loadExcelJS(): typeof import('exceljs') {
  // Loaded on first use: most checks never need exceljs, and loading it takes a while.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs');
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b]);

/**
 * The file's bytes. Read synchronously: the file is needed before anything else can go on, and an
 * asynchronous read of a small workbook spent more time passing between threads than reading
 * (200 sample workbooks: 28–44 ms against 2.5 ms).
 */
export async function readFileBuffer(path: string): Promise<Buffer> {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new ReadError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'unreadable', (e as Error).message);
  }
  if (stat.isDirectory()) throw new ReadError('is-directory');
  // A pipe or device would block the read forever: regular files only.
  if (!stat.isFile()) throw new ReadError('not-a-file');
  if (stat.size === 0) throw new ReadError('empty-file');
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ReadError('unreadable', (e as Error).message);
  }
}

type Pending = { sheet: string; address: string; cell: Cell };

/** exceljs's formula text of a cell; its getter throws for a shared formula whose master has none. */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  try {
    return cell.formula || undefined;
  } catch {
    return undefined;
  }
}

/** `formulaText`: exceljs's `cell.formula`, which moves a shared formula to the dependent cell. */
function toCell(v: ExcelJS.CellValue, numFmt: string | undefined, sheet: string, address: string, pending: Pending[], formulaText?: string): Cell | undefined {
  if (v === null || v === undefined) return undefined;
  const fmt = numFmt ? { numberFormat: numFmt } : {};
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, ...fmt };
  if (typeof v === 'string') return { value: v, ...fmt };
  if (v instanceof Date) return { value: dateText(v), ...fmt };
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = '=' + String(formulaText || (o.formula ?? o.sharedFormula ?? ''));
    const r = o.result as unknown;
    if (r === undefined || r === null) {
      const cell: Cell = { value: null, formula, noResult: true, ...fmt };
      pending.push({ sheet, address, cell });
      return cell;
    }
    if (typeof r === 'object' && r && 'error' in (r as object)) return { value: null, formula, error: String((r as { error: unknown }).error), ...fmt };
    if (r instanceof Date) return { value: dateText(r), formula, ...fmt };
    return { value: r as number | string | boolean, formula, ...fmt };
  }
  if ('error' in o) return { value: null, error: String(o.error), ...fmt };
  if ('richText' in o && Array.isArray(o.richText)) return { value: (o.richText as Array<{ text: string }>).map((x) => x.text).join(''), ...fmt };
  // A hyperlink: its text (none on an emptied cell, which exceljs would make "undefined").
  if ('text' in o) return o.text === undefined || o.text === null ? undefined : { value: String(o.text), ...fmt };
  return { value: String(v), ...fmt };
}

function mergesOf(ws: ExcelJS.Worksheet): Area[] {
  const raw = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  return Object.values(raw).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

export interface ParsedBook {
  workbook: Workbook;
  /** The exceljs workbook, for writing a filled copy. */
  book: ExcelJS.Workbook;
}

/** Parses an .xlsx buffer into the engine's workbook. */
export async function parseXlsx(buf: Buffer): Promise<Workbook> {
  return (await parseXlsxBook(buf)).workbook;
}

/** Parses an .xlsx buffer, keeping the exceljs workbook. */
export async function parseXlsxBook(buf: Buffer): Promise<ParsedBook> {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB)) throw new ReadError('encrypted');
  if (buf.length < 4 || !buf.subarray(0, 2).equals(ZIP)) throw new ReadError('not-xlsx');
  const wb = new (loadExcelJS().Workbook)();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError('corrupt', (e as Error).message);
  }
  // exceljs reads any zip, a .docx or a renamed archive too, as a workbook without sheets.
  if (wb.worksheets.length === 0 && !(await hasWorkbookPart(buf))) throw new ReadError('not-workbook');
  const pending: Pending[] = [];
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: (Array<Cell | undefined> | undefined)[] = [];
    // Rows and cells as exceljs holds them, empty styled ones too: an empty percent cell keeps its format.
    const rawRows = (ws as unknown as { _rows: Array<ExcelJS.Row | undefined> })._rows;
    rawRows.forEach((row) => {
      if (!row) return;
      const out: Array<Cell | undefined> = [];
      (row as unknown as { _cells: Array<ExcelJS.Cell | undefined> })._cells.forEach((cell, i) => {
        // exceljs repeats a merge's value into every cell of it; the file has it in the top-left only.
        if (!cell || (cell.isMerged && cell.master !== cell)) return;
        const v = cell.type === NULL_TYPE ? emptyFormattedCell(cell.numFmt) : toCell(cell.value, cell.numFmt, ws.name, cell.address, pending, formulaOf(cell));
        if (v) out[i] = v;
      });
      if (row.hasValues || out.length) rows[row.number - 1] = out;
    });
    sheets.push({ name: ws.name, rows, merges: mergesOf(ws) });
  });
  if (pending.length) await resolvePending(buf, pending);
  await mendIsoDates(buf, wb, sheets);
  // Give exceljs back the cached results it dropped, so a copy written from it keeps them.
  for (const p of pending) {
    if (p.cell.noResult || p.cell.formula === undefined) continue;
    const cell = wb.getWorksheet(p.sheet)?.getCell(p.address);
    if (cell && typeof p.cell.value !== 'boolean') cell.value = { formula: p.cell.formula.slice(1), result: p.cell.value ?? undefined } as ExcelJS.CellValue;
  }
  return { workbook: { sheets }, book: wb };
}

/**
 * Cells stored as dates in ISO text (`t="d"`, as Excel's Strict format writes them): exceljs reads
 * `2024-01-01` as 2024 (or, formatted as a date, as 16.07.1905), and a copy written from it would
 * hold that. Both the grid and exceljs's cell get the date (exceljs writes it as Excel's number).
 */
async function mendIsoDates(buf: Buffer, wb: ExcelJS.Workbook, sheets: Sheet[]): Promise<void> {
  let raw: Map<string, Map<string, string>>;
  try {
    raw = await rawDateCells(await zipOf(buf));
  } catch {
    return;
  }
  for (const [name, cells] of raw) {
    const ws = wb.getWorksheet(name);
    const sheet = sheets.find((s) => s.name === name);
    if (!ws || !sheet) continue;
    for (const [address, text] of cells) {
      const d = isoDate(text);
      const cell = ws.getCell(address);
      const grid = sheet.rows[Number(cell.row) - 1]?.[Number(cell.col) - 1];
      if (!d || !grid || (cell.isMerged && cell.master !== cell)) continue;
      grid.value = dateText(d);
      cell.value = grid.formula ? ({ formula: grid.formula.slice(1), result: d } as ExcelJS.CellValue) : d;
    }
  }
}

async function hasWorkbookPart(buf: Buffer): Promise<boolean> {
  try {
    const zip = await zipOf(buf);
    return Object.keys(zip.files).some((n) => /^xl\/workbook\.xml$/i.test(n));
  } catch {
    return false;
  }
}

/** Formula cells that exceljs read without a result: a `<v>` in the file means the result was 0 (or text). */
async function resolvePending(buf: Buffer, pending: Pending[]): Promise<void> {
  const wanted = new Map<string, Set<string>>();
  for (const p of pending) {
    if (!wanted.has(p.sheet)) wanted.set(p.sheet, new Set());
    wanted.get(p.sheet)!.add(p.address);
  }
  let raw: Map<string, Map<string, string>>;
  try {
    raw = await rawCachedValues(await zipOf(buf), wanted);
  } catch {
    return;
  }
  for (const p of pending) {
    const v = raw.get(p.sheet)?.get(p.address);
    if (v === undefined) continue;
    const n = Number(v);
    p.cell.value = v !== '' && Number.isFinite(n) ? n : v;
    delete p.cell.noResult;
  }
}

/** Parses an .xlsx buffer for checking: with the fast reader, or with exceljs when the fast reader leaves the file to it. */
export async function parseWorkbookBuffer(buf: Buffer): Promise<Workbook> {
  try {
    return parseXlsxFast(buf);
  } catch (e) {
    // A ReadError is the answer; anything else (FastXlsxUnsupported, or a fault of the fast reader) goes to exceljs.
    if (e instanceof ReadError) throw e;
  }
  return parseXlsx(buf);
}

export async function readWorkbookFile(path: string): Promise<Workbook> {
  return parseWorkbookBuffer(await readFileBuffer(path));
}

export { parseAddress };
