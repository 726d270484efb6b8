// The state behind the Excel test double: sheets of cells, merges, fills, protection, selection.
import { colName, parseAddress } from '../../src/core/grid';
import type { Area } from '../../src/core/grid';
import { displayText } from './display';
import type { Fault, RunOptions, SyncRecord } from './context';

export interface FakeFill {
  /** `#RRGGBB`, or undefined for no fill. */
  color?: string;
  /** Excel's FillPattern name; `None` when there is no fill. */
  pattern?: string;
  patternColor?: string;
}

export interface FakeCell {
  value: number | string | boolean | null;
  formula?: string;
  error?: string;
  numberFormat?: string;
  fill?: FakeFill;
  /** Text entered with a leading apostrophe (kept as text whatever it looks like). */
  quotePrefix?: boolean;
}

export interface FakeSheet {
  id: number;
  name: string;
  cells: Map<string, FakeCell>;
  merges: Area[];
  protected: boolean;
}

export interface FakeRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Everything the double can be told to do differently from a well-behaved Excel. */
export interface FakeBehaviour {
  /** API sets reported as supported: `ExcelApi` → highest minor version. */
  excelApi: number;
  /** Response/request payload limit in bytes (Excel on the web: 5 MB). */
  payloadLimit: number;
  decimalSeparator: string;
  displayLanguage: string;
  /** Merged-area loads fail above this many areas (Excel: 512). */
  maxMergedAreas: number;
}

let nextId = 1;

export class FakeModel {
  sheets: FakeSheet[] = [];
  activeSheetId = 0;
  selection: { sheet: string; address: string } | undefined;
  settings = new Map<string, unknown>();
  /** True while the user is typing in a cell. */
  cellEditMode = false;
  behaviour: FakeBehaviour = {
    excelApi: 20,
    payloadLimit: Infinity,
    decimalSeparator: ',',
    displayLanguage: 'ru-RU',
    maxMergedAreas: 512,
  };
  /** Every sync of every context on this model, in order. */
  syncLog: SyncRecord[] = [];
  /** Injected failures, consumed by the syncs they hit. */
  faults: Fault[] = [];
  /** Options of every Excel.run, in order. */
  runs: RunOptions[] = [];
  private listeners = new Set<() => void>();
  private editWaiters: Array<() => void> = [];

  /** The user starts typing in a cell: syncs fail unless delayed for cell edit. */
  startCellEdit(): void {
    this.cellEditMode = true;
  }

  endCellEdit(): void {
    this.cellEditMode = false;
    const w = this.editWaiters;
    this.editWaiters = [];
    for (const fn of w) fn();
  }

  cellEditEnded(): Promise<void> {
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  addSheet(name: string): FakeSheet {
    const s: FakeSheet = { id: nextId++, name, cells: new Map(), merges: [], protected: false };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed(): void {
    for (const fn of this.listeners) fn();
  }

  /** A deep copy of the cells, for "the workbook is as before" assertions. */
  snapshot(): Record<string, Record<string, FakeCell>> {
    const out: Record<string, Record<string, FakeCell>> = {};
    for (const s of this.sheets) {
      const cells: Record<string, FakeCell> = {};
      for (const [k, c] of s.cells) {
        // An empty cell with no format is the same as no cell at all.
        if (c.value === null && !c.formula && !c.error && !c.fill && !c.numberFormat) continue;
        const [r, col] = k.split(',').map(Number);
        cells[colName(col) + (r + 1)] = JSON.parse(JSON.stringify(c));
      }
      out[s.name] = cells;
    }
    return out;
  }
}

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function getCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
  return sheet.cells.get(key(row, col));
}

export function cellOrNew(sheet: FakeSheet, row: number, col: number): FakeCell {
  let c = sheet.cells.get(key(row, col));
  if (!c) {
    c = { value: null };
    sheet.cells.set(key(row, col), c);
  }
  return c;
}

/** Set from A1 (`B3` or `B3:D5`, optional `$` and sheet prefix stripped by the caller). */
export function parseRect(a1: string): FakeRect {
  const [a, b] = a1.split(':');
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rectAddress(r: FakeRect): string {
  const tl = colName(r.left) + (r.top + 1);
  const br = colName(r.right) + (r.bottom + 1);
  return tl === br ? tl : `${tl}:${br}`;
}

function hasContent(c: FakeCell): boolean {
  return c.value !== null || c.formula !== undefined || c.error !== undefined;
}

/** Excel's used range: the smallest rectangle holding every cell with content or a format. */
export function usedRect(sheet: FakeSheet): FakeRect {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of sheet.cells) {
    if (!hasContent(c) && !c.fill && !(c.numberFormat && c.numberFormat !== 'General')) continue;
    const [r, col] = k.split(',').map(Number);
    top = Math.min(top, r);
    left = Math.min(left, col);
    bottom = Math.max(bottom, r);
    right = Math.max(right, col);
  }
  for (const m of sheet.merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return { top: 0, left: 0, bottom: 0, right: 0 };
  return { top, left, bottom, right };
}

export function valueType(c: FakeCell | undefined): string {
  if (!c) return 'Empty';
  if (c.error) return 'Error';
  if (c.value === null || c.value === '') return 'Empty';
  if (typeof c.value === 'number') return Number.isInteger(c.value) ? 'Integer' : 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

/** What Office.js returns in `values` for a cell. */
export function officeValue(c: FakeCell | undefined): number | string | boolean {
  if (!c) return '';
  if (c.error) return c.error;
  return c.value === null ? '' : c.value;
}

/** What Office.js returns in `formulas`: the formula, else the value. */
export function officeFormula(c: FakeCell | undefined): number | string | boolean {
  if (c?.formula) return c.formula;
  return officeValue(c);
}

export function officeText(c: FakeCell | undefined, decimalSeparator: string): string {
  if (!c) return '';
  if (c.error) return c.error;
  return displayText(c.value, c.numberFormat ?? 'General', decimalSeparator);
}
