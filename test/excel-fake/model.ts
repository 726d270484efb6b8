// The state behind the Excel test double: sheets of cells, merges, fills, protection, selection.
import { colName, parseAddress } from '../../src/core/grid/grid';
import type { Area } from '../../src/core/grid/grid';
import { displayText, localizedError } from './display';
import type { Fault, RunOptions, SyncRecord } from './context';

export interface FakeFill {
  /** `#RRGGBB`, or undefined for no fill. */
  color?: string;
  /**
   * Excel's FillPattern name; `None` when there is no fill. `LinearGradient` and
   * `RectangularGradient` are read but cannot be set ("not supported": RangeFill.pattern).
   */
  pattern?: string;
  patternColor?: string;
  /** -1 (darkest) … 1 (brightest); 0 or absent: the colour itself (RangeFill.tintAndShade, 1.9). */
  tintAndShade?: number;
  patternTintAndShade?: number;
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

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheet {
  id: number;
  name: string;
  cells: Map<string, FakeCell>;
  merges: Area[];
  protected: boolean;
  /** Worksheet.visibility (ExcelApi 1.1 to read). */
  visibility: SheetVisibility;
  /**
   * Areas that carry formatting only (borders, fonts, row styles): no value, no number format,
   * no fill. Real Excel counts them in the used range ("any cells that have a value or
   * formatting assigned": Worksheet.getUsedRange); kept as rectangles so that a used range
   * stretched to millions of cells costs nothing to hold.
   */
  formatOnly: FakeRect[];
}

export interface FakeRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Everything the double can be told to do differently from a well-behaved Excel. */
export interface FakeBehaviour {
  /** API sets reported as supported: `ExcelApi` → highest minor version (see api-sets.ts). */
  excelApi: number;
  /** `web`: Excel on the web; `desktop`: Windows or Mac. Decides what undo and payloads allow. */
  platform: 'web' | 'desktop';
  /**
   * Request and response payload limit in bytes. "Excel on the web limits requests and
   * responses to 5 MB" (Excel JavaScript API performance, Payload size limit best practices);
   * the desktop has none (Infinity).
   */
  payloadLimit: number;
  /**
   * "On all platforms, a range is limited to five million cells for get operations" (same
   * page; Resource limits and performance optimization, Excel add-ins).
   */
  maxGetCells: number;
  /**
   * What a get above `maxGetCells` does: `error` (RangeExceedsLimit, Excel's error-code table)
   * or `null` grids with no error (office-js#4783, Excel 2407 on Mac; "the API will either
   * return null or throw an error": Resource limits).
   */
  overLimit: 'error' | 'null';
  /** The system's decimal separator (CultureInfo.numberFormat.numberDecimalSeparator). */
  decimalSeparator: string;
  /**
   * Excel's own separator when "Use system separators" is off (Application.decimalSeparator
   * then differs from the culture's; Application.useSystemSeparators is false).
   */
  excelDecimalSeparator?: string;
  displayLanguage: string;
  /**
   * Merged-area loads fail above this many areas: "if the merged areas count in this range is
   * more than 512, then this method will fail" (Range.getMergedAreasOrNullObject).
   */
  maxMergedAreas: number;
}

/** The separator the user sees in Excel (Application.decimalSeparator, ExcelApi 1.11). */
export function visibleSeparator(b: FakeBehaviour): string {
  return b.excelDecimalSeparator ?? b.decimalSeparator;
}

/** Host profiles the tests and the e2e run on. */
export const HOST_PROFILES = {
  /** Current Microsoft 365 in Excel on the web: every set through ExcelApi 1.20, 5 MB payloads. */
  'm365-web': { excelApi: 20, platform: 'web', payloadLimit: 5 * 1024 * 1024 },
  /** Office 2021 perpetual on Windows: ExcelApi 1.14 (requirement-set table), no payload limit. */
  'office-2021': { excelApi: 14, platform: 'desktop', payloadLimit: Infinity },
} as const satisfies Record<string, Partial<FakeBehaviour>>;

export type HostProfile = keyof typeof HOST_PROFILES;

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
    platform: 'desktop',
    payloadLimit: Infinity,
    maxGetCells: 5_000_000,
    overLimit: 'error',
    decimalSeparator: ',',
    displayLanguage: 'ru-RU',
    maxMergedAreas: 512,
  };
  /** Times a batch outside an undo group ran an action without undo: the user's undo stack was cleared. */
  undoStackCleared = 0;
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
    const s: FakeSheet = { id: nextId++, name, cells: new Map(), merges: [], protected: false, visibility: 'Visible', formatOnly: [] };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  /** Applies a host profile (Microsoft 365 on the web, Office 2021). */
  useProfile(p: HostProfile): this {
    Object.assign(this.behaviour, HOST_PROFILES[p]);
    return this;
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

/**
 * Excel's used range: "the smallest range that encompasses any cells that have a value or
 * formatting assigned to them"; with `valuesOnly` (ExcelApi 1.2) cells with values only. A blank
 * sheet gives A1 (Worksheet.getUsedRange).
 */
export function usedRect(sheet: FakeSheet, valuesOnly = false): FakeRect {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const add = (r: FakeRect) => {
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  };
  for (const [k, c] of sheet.cells) {
    if (!hasContent(c) && (valuesOnly || (!c.fill && !(c.numberFormat && c.numberFormat !== 'General')))) continue;
    const [r, col] = k.split(',').map(Number);
    add({ top: r, left: col, bottom: r, right: col });
  }
  if (!valuesOnly) for (const m of [...sheet.merges, ...sheet.formatOnly]) add(m);
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

/** What Office.js returns in `text`: the displayed text, in the host's language (see display.ts). */
export function officeText(c: FakeCell | undefined, decimalSeparator: string, language = 'en-US'): string {
  if (!c) return '';
  if (c.error) return localizedError(c.error, language);
  return displayText(c.value, c.numberFormat ?? 'General', decimalSeparator, language);
}
