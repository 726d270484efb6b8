// The summary as plain grids of new sheets (the pane writes them into the open workbook): each
// template sheet with a table in the summary copied with the sums and recomputed cells in it, each
// stacked list, «Источники» and «Не сведено». Sheet names are chosen among those not taken.
import { address, type Cell, type Sheet, type Workbook } from '../grid/grid';
import { mergedWorkbook } from './apply';
import type { MergePlan, UnmergedReason } from './plan';
import type { Recomputed } from './recompute';
import type { Stack } from './stack';
import { contribution } from './trace';

export type GridValue = string | number | boolean | null;

/** A new sheet: its values from (top, left), 0-based, and each value's number format. */
export interface SummarySheet {
  name: string;
  /** What it holds: a copy of a template sheet, a stacked list, the sources or what was not merged. */
  role: 'table' | 'stack' | 'sources' | 'unmerged';
  top: number;
  left: number;
  values: GridValue[][];
  formats: string[][];
  /** Its first row is a header (bold, with a filter). */
  header?: boolean;
}

/** The words of the summary's sheets, in the user's language (the caller's catalogue). */
export interface SummaryWords {
  tableSheet: (sheet: string) => string;
  stackSheet: (sheet: string) => string;
  sources: string;
  unmerged: string;
  sourcesHeader: string[];
  unmergedHeader: string[];
  sum: string;
  recomputed: string;
  reason: Record<UnmergedReason, string>;
  total: string;
  stackedHow: string;
  stackedThere: (sheet: string) => string;
  share: (n: number, of: number, threshold: number) => string;
}

/** Excel's limit on a sheet name's length, and the characters it refuses in one. */
const NAME_MAX = 31;
const BAD = /[[\]:*?/\\]/g;

/** A sheet name none of `taken` has (Excel compares them ignoring case): `name`, else `name (2)`… */
export function freeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(BAD, ' ').replace(/^'+|'+$/g, '').trim().slice(0, NAME_MAX) || 'Sheet';
  let n = base;
  for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${base.slice(0, NAME_MAX - String(k).length - 3)} (${k})`;
  taken.add(n.toLowerCase());
  return n;
}

/** A recomputed cell's value, and the number format it gets when it has none. */
type Over = { value: number; numberFormat?: string };

const formatOf = (v: GridValue, cell?: Cell): string => (typeof v === 'string' ? '@' : (cell?.numberFormat ?? 'General'));

/** A sheet's cells as a rectangle from its origin; a cell of `over` (row, col → value) replaces the grid's. */
function sheetGrid(s: Sheet, over: Map<string, Over>): Pick<SummarySheet, 'top' | 'left' | 'values' | 'formats'> {
  const o = s.origin ?? { row: 0, col: 0 };
  const width = Math.max(1, ...s.rows.map((r) => r?.length ?? 0));
  const values: GridValue[][] = [];
  const formats: string[][] = [];
  s.rows.forEach((line, r) => {
    const vs: GridValue[] = [];
    const fs: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = line?.[c];
      const k = `${r + o.row}:${c + o.col}`;
      const w = over.get(k);
      const v: GridValue = w ? w.value : (cell?.value ?? null);
      vs.push(v);
      fs.push(w?.numberFormat && !cell?.numberFormat ? w.numberFormat : formatOf(v, cell));
    }
    values.push(vs);
    formats.push(fs);
  });
  return { top: o.row, left: o.col, values, formats };
}

/** Every template sheet a summary cell is on, copied with the sums, the recomputed cells, and each stacked list emptied. */
function tableSheets(template: Workbook, plan: MergePlan, r: Recomputed, words: SummaryWords, names: Map<string, string>, stackNames: Map<Stack, string>): SummarySheet[] {
  const merged = mergedWorkbook(template, plan);
  const touched = new Set([...plan.writes, ...plan.cleared, ...plan.emptied, ...r.writes, ...r.kept].map((c) => c.sheet));
  const out: SummarySheet[] = [];
  for (const s of merged.sheets) {
    if (!touched.has(s.name)) continue;
    const over = new Map<string, Over>();
    const put = (c: { sheet: string; address: string; value: number; numberFormat?: string }) => {
      const pos = positionOf(c.address);
      if (c.sheet === s.name && pos) over.set(`${pos.row}:${pos.col}`, { value: c.value, numberFormat: c.numberFormat });
    };
    r.writes.forEach(put);
    r.kept.forEach(put);
    const grid = sheetGrid(s, over);
    for (const st of plan.stacks) if (st.sheet === s.name) emptyArea(grid, st, words.stackedThere(stackNames.get(st) ?? ''));
    out.push({ name: names.get(s.name)!, role: 'table', ...grid });
  }
  return out;
}

/** 0-based row and column of an A1 address. */
function positionOf(a1: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function emptyArea(g: Pick<SummarySheet, 'top' | 'left' | 'values' | 'formats'>, st: Stack, note: string): void {
  const a = st.area;
  for (let r = a.top; r <= a.bottom; r++)
    for (let c = a.left; c <= a.right; c++) {
      const line = g.values[r - g.top];
      if (line && c - g.left >= 0 && c - g.left < line.length) line[c - g.left] = null;
    }
  const first = g.values[a.top - g.top];
  if (first && a.left - g.left >= 0) {
    first[a.left - g.left] = note;
    g.formats[a.top - g.top][a.left - g.left] = '@';
  }
}

/** A stacked list: the template's header, one row per library of every input, the total row, the share at the threshold. */
function stackSheet(st: Stack, name: string, words: SummaryWords, threshold: number, sources: GridValue[][]): SummarySheet {
  const width = Math.max(st.labelCol + 1, ...st.at.map((c) => c + 1), ...st.header.map((h) => h.length));
  const blank = (): GridValue[] => Array.from({ length: width }, () => null);
  const values: GridValue[][] = st.header.map((h) => [...h, ...blank()].slice(0, width));
  const first = values.length;
  const cellAt = (row: number, col: number) => address({ name, rows: [], merges: [] }, row, col);
  st.rows.forEach((r, i) => {
    const line = blank();
    if (st.labelCol > 0) line[0] = `${i + 1}.`;
    line[st.labelCol] = r.name;
    r.cells.forEach((c, k) => {
      if (!c) return;
      line[st.at[k]] = c.value;
      sources.push([name, cellAt(first + i, st.at[k]), c.file, c.sheet, c.address, c.value, words.stackedHow]);
    });
    values.push(line);
  });
  const total = blank();
  total[st.labelCol] = words.total;
  st.columns.forEach((_, k) => {
    // A column some library's report leaves empty (its row sums, still to be filled) has no total yet.
    if (st.rows.some((r) => r.cells[k] === undefined)) return;
    const sum = st.rows.reduce((a, r) => a + (r.cells[k]?.value ?? 0), 0);
    total[st.at[k]] = sum;
    sources.push([name, cellAt(values.length, st.at[k]), null, null, null, sum, words.recomputed]);
  });
  values.push(total);
  if (st.sumColumn !== undefined && st.rows.length) {
    const k = st.sumColumn;
    const at = st.rows.filter((r) => (r.cells[k]?.value ?? 0) >= threshold - 1e-9).length;
    const line = blank();
    line[st.labelCol] = words.share(at, st.rows.length, threshold);
    values.push(blank(), line);
  }
  return { name, role: 'stack', top: 0, left: 0, values, formats: values.map((l) => l.map((v) => formatOf(v))) };
}

/** Rows a sheet holds under its header: Excel's last row is 1 048 576. */
export const LIST_ROWS = 1_048_575;

/** A list under its header, going on in `name (2)`… past Excel's last row. */
function listSheets(name: string, role: SummarySheet['role'], header: string[], rows: GridValue[][], used: Set<string>, max = LIST_ROWS): SummarySheet[] {
  const out: SummarySheet[] = [];
  for (let i = 0; i === 0 || i < rows.length; i += max) {
    const values = [header, ...rows.slice(i, i + max)];
    const sheet = freeSheetName(out.length ? `${name} (${out.length + 1})` : name, used);
    out.push({ name: sheet, role, top: 0, left: 0, values, formats: values.map((l) => l.map((v) => formatOf(v))), header: true });
  }
  return out;
}

/**
 * The summary's new sheets, named so that none is one of `taken` (the open workbook's sheets):
 * the template's sheets with tables in it, the stacked lists, «Источники» (one row per
 * contribution, its summary cell on the new sheets) and «Не сведено». Pure.
 */
export function summarySheets(template: Workbook, plan: MergePlan, r: Recomputed, words: SummaryWords, taken: string[], threshold = 6, maxRows = LIST_ROWS): SummarySheet[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const touched = new Set([...plan.writes, ...plan.cleared, ...plan.emptied, ...r.writes, ...r.kept].map((c) => c.sheet));
  const names = new Map(template.sheets.filter((s) => touched.has(s.name)).map((s) => [s.name, freeSheetName(words.tableSheet(s.name), used)]));
  const stackNames = new Map(plan.stacks.map((st) => [st, freeSheetName(words.stackSheet(st.sheet), used)]));
  const rename = (sheet: string) => names.get(sheet) ?? sheet;
  const sources: GridValue[][] = [];
  for (const w of plan.writes)
    for (const i of w.sources) {
      const s = contribution(plan.trace, i);
      sources.push([rename(w.sheet), w.address, s.file, s.sheet, s.address, s.value, words.sum]);
    }
  for (const w of r.writes) sources.push([rename(w.sheet), w.address, null, null, null, w.value, words.recomputed]);
  for (const c of r.kept) sources.push([rename(c.sheet), c.address, null, null, null, c.value, words.recomputed]);
  const tables = tableSheets(template, plan, r, words, names, stackNames);
  const stacks = plan.stacks.map((st) => stackSheet(st, stackNames.get(st)!, words, threshold, sources));
  const unmerged = plan.unmerged.map((u): GridValue[] => [u.file, u.sheet, u.address, u.table, u.what, words.reason[u.reason]]);
  return [...tables, ...stacks, ...listSheets(words.sources, 'sources', words.sourcesHeader, sources, used, maxRows), ...listSheets(words.unmerged, 'unmerged', words.unmergedHeader, unmerged, used, maxRows)];
}
