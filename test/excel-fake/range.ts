// The double's Range and its merged areas: cell-level reads under the five-million-cell get
// limit, writes that take strings as Excel does, select, clear.
import { FakeOfficeError, jsonBytes } from './context';
import type { FakeContext, PathNode } from './context';
import { FakeObject } from './object';
import { cellOrNew, getCell, officeFormula, officeText, officeValue, rectAddress, valueType, visibleSeparator } from './model';
import type { FakeCell, FakeRect, FakeSheet } from './model';
import { coerceTyped } from './display';
import { evaluateFormula } from './formula';
import { FakeRangeFormat } from './format';
import type { FakeWorksheet } from './sheets';

type Grid = unknown[][];

/** Properties with one entry per cell: the ones the five-million-cell get limit applies to. */
const CELL_LEVEL = new Set(['values', 'valueTypes', 'text', 'formulas', 'numberFormat']);

export class FakeRange extends FakeObject {
  private resolvedRect: FakeRect | undefined;
  private formatObj: FakeRangeFormat | undefined;

  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    private rectFn: () => FakeRect,
    argBytes = 0,
  ) {
    super(ctx, worksheet, argBytes);
  }

  get format(): FakeRangeFormat {
    this.formatObj ??= new FakeRangeFormat(this.ctx, this);
    return this.formatObj;
  }

  rect(): FakeRect {
    this.resolvedRect ??= this.rectFn();
    return this.resolvedRect;
  }

  cellCount(): number {
    const r = this.rect();
    return (r.bottom - r.top + 1) * (r.right - r.left + 1);
  }

  cells(): Array<FakeCell | undefined> {
    const r = this.rect();
    const s = this.worksheet.sheet();
    const out = [];
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push(getCell(s, i, j));
    return out;
  }

  private grid<T>(fn: (c: FakeCell | undefined) => T): T[][] {
    const r = this.rect();
    const s = this.worksheet.sheet();
    const out: T[][] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const row: T[] = [];
      for (let j = r.left; j <= r.right; j++) row.push(fn(getCell(s, i, j)));
      out.push(row);
    }
    return out;
  }

  /** Queues a write that changes every cell of the range; refused on a protected sheet. */
  writeCells(bytes: number, fn: (c: FakeCell, i: number, j: number) => void, on: PathNode = this): void {
    this.ctx.enqueue(
      'write',
      () => {
        const s = this.worksheet.sheet();
        if (s.protected) throw new FakeOfficeError('AccessDenied', 'The cell or chart is protected.');
        const r = this.rect();
        for (let i = r.top; i <= r.bottom; i++) {
          for (let j = r.left; j <= r.right; j++) fn(cellOrNew(s, i, j), i - r.top, j - r.left);
        }
      },
      { on, bytes },
    );
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCountProp(): number {
    return this.get('cellCount');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get values(): Grid {
    return this.get('values');
  }
  set values(v: Grid) {
    const sheet = () => this.worksheet.sheet();
    this.writeCells(jsonBytes(v), (c, i, j) => {
      const x = at(v, i, j);
      delete c.formula;
      delete c.error;
      delete c.quotePrefix;
      if (x === '' || x === null || x === undefined) c.value = null;
      else if (typeof x === 'string' && x.startsWith("'")) {
        c.value = x.slice(1);
        c.quotePrefix = true;
      } else if (typeof x === 'string' && c.numberFormat !== '@') {
        const t = coerceTyped(x);
        if ('formula' in t) setFormula(c, t.formula, sheet(), this.ctx.model.sheets);
        else c.value = t.value;
      } else c.value = x as number | string | boolean;
    });
  }
  get formulas(): Grid {
    return this.get('formulas');
  }
  set formulas(v: Grid) {
    this.writeCells(jsonBytes(v), (c, i, j) => {
      const x = at(v, i, j);
      delete c.quotePrefix;
      if (typeof x === 'string' && x.startsWith('=')) setFormula(c, x, this.worksheet.sheet(), this.ctx.model.sheets);
      else {
        delete c.formula;
        delete c.error;
        c.value = x === '' || x === undefined ? null : (x as number | string | boolean | null);
      }
    });
  }
  get numberFormat(): Grid {
    return this.get('numberFormat');
  }
  set numberFormat(v: Grid) {
    this.writeCells(jsonBytes(v), (c, i, j) => {
      const x = String(at(v, i, j));
      if (x === 'General') delete c.numberFormat;
      else c.numberFormat = x;
    });
  }

  protected override readProp(name: string): unknown {
    const r = this.rect();
    const b = this.ctx.model.behaviour;
    if (CELL_LEVEL.has(name) && this.cellCount() > b.maxGetCells) {
      // See FakeBehaviour.maxGetCells / overLimit for the sources.
      if (b.overLimit === 'null') return null;
      throw new FakeOfficeError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
    }
    switch (name) {
      case 'address':
        return sheetPrefix(this.worksheet.sheet().name) + rectAddress(r);
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'cellCount':
        return this.cellCount();
      case 'values':
        return this.grid(officeValue);
      case 'valueTypes':
        return this.grid(valueType);
      case 'text':
        return this.grid((c) => officeText(c, visibleSeparator(b), b.displayLanguage));
      case 'formulas':
        return this.grid(officeFormula);
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'isNullObject':
        return false;
    }
    throw new FakeOfficeError('InvalidArgument', `Range.${name} is not in the double.`);
  }

  protected override nav(name: string): FakeObject | undefined {
    return name === 'format' ? this.format : undefined;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this);
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, this.worksheet, () => {
      const r = this.rect();
      return { top: r.top + row, left: r.left + col, bottom: r.top + row, right: r.left + col };
    }, 12);
  }

  /** Range.clear(): contents, formats and merges of the range (undoable, ExcelApi 1.1). */
  clear(): void {
    this.ctx.enqueue(
      'write',
      () => {
        const s = this.worksheet.sheet();
        if (s.protected) throw new FakeOfficeError('AccessDenied', 'The cell or chart is protected.');
        const r = this.rect();
        const inside = (a: FakeRect) => a.top >= r.top && a.bottom <= r.bottom && a.left >= r.left && a.right <= r.right;
        for (const k of [...s.cells.keys()]) {
          const [i, j] = k.split(',').map(Number);
          if (i >= r.top && i <= r.bottom && j >= r.left && j <= r.right) s.cells.delete(k);
        }
        s.merges = s.merges.filter((m) => !inside(m));
        s.formatOnly = s.formatOnly.filter((m) => !inside(m));
      },
      { on: this },
    );
  }

  select(): void {
    this.ctx.enqueue(
      'action',
      () => {
        const s = this.worksheet.activeSheet();
        this.ctx.model.selection = { sheet: s.name, address: rectAddress(this.rect()) };
      },
      { on: this },
    );
  }
}

export class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx, range, 0);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  /** Merged areas that touch the range, whole (a merge is one cell to Excel). */
  private areas(): FakeRect[] {
    this.requireApi('Range.getMergedAreasOrNullObject');
    const r = this.range.rect();
    const s = this.range.worksheet.sheet();
    const found = s.merges.filter((m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left);
    // See FakeBehaviour.maxMergedAreas for the source.
    if (found.length > this.ctx.model.behaviour.maxMergedAreas) {
      throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
    }
    return found;
  }
  protected override readProp(name: string): unknown {
    const areas = this.areas();
    if (name === 'isNullObject') return areas.length === 0;
    if (areas.length === 0) return null;
    const prefix = sheetPrefix(this.range.worksheet.sheet().name);
    if (name === 'address') return areas.map((a) => prefix + rectAddress(a)).join(', ');
    if (name === 'areaCount') {
      this.requireApi('RangeAreas.areaCount');
      return areas.length;
    }
    throw new FakeOfficeError('InvalidArgument', `RangeAreas.${name} is not in the double.`);
  }
}

export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

function at(v: Grid | unknown, i: number, j: number): unknown {
  if (!Array.isArray(v)) return v;
  const row = v[i] ?? v[0];
  return Array.isArray(row) ? (row[j] ?? row[0]) : row;
}

/** A formula and the cached result the double gives it (see formula.ts); `#NAME?` when it cannot. */
function setFormula(c: FakeCell, formula: string, sheet: FakeSheet, sheets: FakeSheet[]): void {
  c.formula = formula;
  delete c.error;
  const v = evaluate(formula, sheet, sheets);
  c.value = v;
  if (v === null && /[\p{L}_]/u.test(formula.replace(/^=/, '').replace(/\b[A-Z]{1,3}\d+\b/g, ''))) c.error = '#NAME?';
}

function evaluate(formula: string, sheet: FakeSheet, sheets: FakeSheet[]): number | null {
  return evaluateFormula(formula, (row, col, other) => getCell(other ? sheetNamed(other) : sheet, row, col)?.value ?? null);
  function sheetNamed(name: string): FakeSheet {
    const s = sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`#REF! ${name}`);
    return s;
  }
}
