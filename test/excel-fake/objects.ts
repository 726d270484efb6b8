// The double's client objects: workbook, worksheets, ranges, fills, application; proxy semantics.
import { FakeContext, FakeOfficeError, jsonBytes, notLoaded, propertyList } from './context';
import {
  cellOrNew,
  getCell,
  officeFormula,
  officeText,
  officeValue,
  parseRect,
  rectAddress,
  usedRect,
  valueType,
} from './model';
import type { FakeRect, FakeSheet } from './model';
import { coerceTyped } from './display';
import { evaluateFormula } from './formula';

/** A proxy: properties are readable only after load() and sync(); writes wait for sync(). */
abstract class FakeObject {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}

  /** The property's current value in the model (called while a sync runs). */
  protected abstract readProp(name: string): unknown;
  /** A navigation property, for paths such as `protection/protected`. */
  protected nav(name: string): FakeObject | undefined {
    void name;
    return undefined;
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propertyList(props);
    this.ctx.enqueue('read', () => this.loadNow(list));
    return this;
  }

  /** Runs a load at sync time; returns the bytes it adds to the response. */
  loadNow(list: string[]): number {
    let bytes = 0;
    const byNav = new Map<string, string[]>();
    for (const p of list) {
      const i = p.indexOf('/');
      if (i < 0) {
        const v = this.readProp(p);
        this.loaded.set(p, v);
        bytes += p.length + jsonBytes(v);
      } else {
        const head = p.slice(0, i);
        byNav.set(head, [...(byNav.get(head) ?? []), p.slice(i + 1)]);
      }
    }
    for (const [head, rest] of byNav) {
      const n = this.nav(head);
      if (!n) throw new FakeOfficeError('InvalidArgument', `Unknown navigation ${head}`);
      bytes += n.loadNow(rest);
    }
    return bytes;
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  protected requireApi(minor: number, what: string): void {
    if (this.ctx.model.behaviour.excelApi < minor) {
      throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi 1.${minor}.`);
    }
  }
}

type SheetRef = { id: number } | { name: string; orNull?: boolean } | { active: true };

export class FakeWorksheet extends FakeObject {
  private resolved: FakeSheet | null | undefined;
  readonly protection: FakeProtection;

  constructor(ctx: FakeContext, private ref: SheetRef) {
    super(ctx);
    this.protection = new FakeProtection(ctx, this);
  }

  /** The sheet in the model, resolved when first needed inside a sync. */
  sheet(): FakeSheet {
    const s = this.sheetOrNull();
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
    return s;
  }

  sheetOrNull(): FakeSheet | null {
    if (this.resolved !== undefined) return this.resolved;
    const m = this.ctx.model;
    const r = this.ref;
    let s: FakeSheet | undefined;
    if ('id' in r) s = m.sheets.find((x) => x.id === r.id);
    else if ('name' in r) s = m.sheets.find((x) => x.name.toLowerCase() === r.name.toLowerCase());
    else s = m.sheets.find((x) => x.id === m.activeSheetId);
    if (!s && !('orNull' in r && r.orNull)) {
      throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
    }
    this.resolved = s ?? null;
    return this.resolved;
  }

  get name(): string {
    return this.get('name');
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get position(): number {
    return this.get('position');
  }

  protected override readProp(name: string): unknown {
    if (name === 'isNullObject') return this.sheetOrNull() === null;
    const s = this.sheetOrNull();
    if (!s) return null;
    if (name === 'name') return s.name;
    if (name === 'position') return this.ctx.model.sheets.indexOf(s);
    if (name === 'id') return String(s.id);
    if (name === 'visibility') return 'Visible';
    throw new FakeOfficeError('InvalidArgument', `Worksheet.${name} is not in the double.`);
  }

  protected override nav(name: string): FakeObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, this, () => usedRect(this.sheet()));
  }

  getRange(address?: string): FakeRange {
    const a = (address ?? 'A1:XFD1048576').replace(/\$/g, '');
    return new FakeRange(this.ctx, this, () => parseRect(a.includes('!') ? a.slice(a.lastIndexOf('!') + 1) : a));
  }

  /** A multi-area selection target (`A1, C3:D4`): only select() is modelled. */
  getRanges(address?: string): { select(): void } {
    const parts = (address ?? '').split(',').map((p) => p.trim().replace(/\$/g, '')).filter(Boolean);
    return {
      select: () =>
        this.ctx.enqueue('action', () => {
          this.requireApi(9, 'getRanges');
          const m = this.ctx.model;
          const s = this.sheet();
          if (m.activeSheetId !== s.id) {
            throw new FakeOfficeError('InvalidOperation', 'Activate the sheet before selecting on it.');
          }
          m.selection = { sheet: s.name, address: parts.map((p) => rectAddress(parseRect(p))).join(', ') };
        }),
    };
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      this.requireApi(7, 'getRangeByIndexes');
      return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    });
  }

  activate(): void {
    this.ctx.enqueue('action', () => {
      this.ctx.model.activeSheetId = this.sheet().id;
    });
  }

  delete(): void {
    this.ctx.enqueue('write', () => {
      const m = this.ctx.model;
      const s = this.sheet();
      if (m.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'Last sheet.');
      m.sheets = m.sheets.filter((x) => x !== s);
      if (m.activeSheetId === s.id) m.activeSheetId = m.sheets[0].id;
      if (m.selection?.sheet === s.name) m.selection = undefined;
    });
  }
}

export class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protected override readProp(name: string): unknown {
    if (name === 'protected') return this.ws.sheet().protected;
    throw new FakeOfficeError('InvalidArgument', `WorksheetProtection.${name} is not in the double.`);
  }
}

export class FakeWorksheetCollection extends FakeObject {
  private itemList: FakeWorksheet[] | undefined;

  get items(): FakeWorksheet[] {
    if (!this.itemList) throw notLoaded('items');
    return this.itemList;
  }

  override loadNow(list: string[]): number {
    const itemProps = list.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const rest = list.filter((p) => !p.startsWith('items/') && p !== 'items');
    this.itemList = this.ctx.model.sheets.map((s) => new FakeWorksheet(this.ctx, { id: s.id }));
    let bytes = 0;
    for (const w of this.itemList) bytes += w.loadNow(itemProps.length ? itemProps : ['name']);
    return bytes + super.loadNow(rest);
  }

  protected override readProp(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `WorksheetCollection.${name} is not in the double.`);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { name });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { name, orNull: true });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { active: true });
  }

  add(name?: string): FakeWorksheet {
    const m = this.ctx.model;
    const wanted = name ?? `Sheet${m.sheets.length + 1}`;
    const ws = new FakeWorksheet(this.ctx, { name: wanted });
    this.ctx.enqueue('write', () => {
      if (m.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${wanted} exists.`);
      }
      m.addSheet(wanted);
    });
    return ws;
  }
}

export class FakeWorkbookObject extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  get application(): FakeApplication {
    return this.ctx.application;
  }
  protected override readProp(name: string): unknown {
    if (name === 'name') return 'Book.xlsx';
    throw new FakeOfficeError('InvalidArgument', `Workbook.${name} is not in the double.`);
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.worksheets.getActiveWorksheet();
  }
}

export class FakeNumberFormatInfo extends FakeObject {
  get numberDecimalSeparator(): string {
    return this.get('numberDecimalSeparator');
  }
  get numberGroupSeparator(): string {
    return this.get('numberGroupSeparator');
  }
  protected override readProp(name: string): unknown {
    this.requireApi(11, 'cultureInfo');
    if (name === 'numberDecimalSeparator') return this.ctx.model.behaviour.decimalSeparator;
    if (name === 'numberGroupSeparator') return '\u00a0';
    throw new FakeOfficeError('InvalidArgument', `NumberFormatInfo.${name} is not in the double.`);
  }
}

export class FakeCultureInfo extends FakeObject {
  readonly numberFormat: FakeNumberFormatInfo;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.numberFormat = new FakeNumberFormatInfo(ctx);
  }
  protected override readProp(name: string): unknown {
    this.requireApi(11, 'cultureInfo');
    if (name === 'name') return 'ru-RU';
    throw new FakeOfficeError('InvalidArgument', `CultureInfo.${name} is not in the double.`);
  }
  protected override nav(name: string): FakeObject | undefined {
    return name === 'numberFormat' ? this.numberFormat : undefined;
  }
}

export class FakeApplication extends FakeObject {
  readonly cultureInfo: FakeCultureInfo;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.cultureInfo = new FakeCultureInfo(ctx);
  }
  protected override readProp(name: string): unknown {
    if (name === 'calculationMode') return 'Automatic';
    throw new FakeOfficeError('InvalidArgument', `Application.${name} is not in the double.`);
  }
  protected override nav(name: string): FakeObject | undefined {
    return name === 'cultureInfo' ? this.cultureInfo : undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue('action', () => this.requireApi(6, 'suspendApiCalculationUntilNextSync'));
  }
}

export class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
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
  private areas(): FakeRect[] {
    this.requireApi(13, 'getMergedAreasOrNullObject');
    const r = this.range.rect();
    const s = this.range.worksheet.sheet();
    const found = s.merges.filter(
      (m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left,
    );
    if (found.length > this.ctx.model.behaviour.maxMergedAreas) {
      throw new FakeOfficeError('GeneralException', 'Too many merged areas.');
    }
    return found;
  }
  protected override readProp(name: string): unknown {
    const areas = this.areas();
    if (name === 'isNullObject') return areas.length === 0;
    if (areas.length === 0) return null;
    const prefix = sheetPrefix(this.range.worksheet.sheet().name);
    if (name === 'address') return areas.map((a) => prefix + rectAddress(a)).join(', ');
    if (name === 'areaCount') return areas.length;
    throw new FakeOfficeError('InvalidArgument', `RangeAreas.${name} is not in the double.`);
  }
}

export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

export class FakeFill extends FakeObject {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.range.writeCells(jsonBytes(v), (c) => {
      c.fill = { ...(c.fill ?? {}), color: v.toUpperCase(), pattern: c.fill?.pattern && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid' };
    });
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(v: string) {
    this.range.writeCells(jsonBytes(v), (c) => {
      this.requireApi(9, 'RangeFill.pattern');
      if (v === 'None') delete c.fill;
      else c.fill = { color: c.fill?.color ?? '#FFFFFF', ...(c.fill ?? {}), pattern: v };
    });
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  set patternColor(v: string) {
    this.range.writeCells(jsonBytes(v), (c) => {
      this.requireApi(9, 'RangeFill.patternColor');
      c.fill = { pattern: 'Solid', ...(c.fill ?? {}), patternColor: v.toUpperCase() };
    });
  }
  clear(): void {
    this.range.writeCells(0, (c) => {
      delete c.fill;
    });
  }
  protected override readProp(name: string): unknown {
    const values = this.range.cells().map((c) => {
      if (name === 'color') return c?.fill?.color ?? '#FFFFFF';
      if (name === 'pattern') {
        this.requireApi(9, 'RangeFill.pattern');
        return c?.fill?.pattern ?? 'None';
      }
      if (name === 'patternColor') {
        this.requireApi(9, 'RangeFill.patternColor');
        return c?.fill?.patternColor ?? 'Automatic';
      }
      throw new FakeOfficeError('InvalidArgument', `RangeFill.${name} is not in the double.`);
    });
    return values.every((v) => v === values[0]) ? values[0] : null;
  }
}

export class FakeRangeFormat extends FakeObject {
  readonly fill: FakeFill;
  readonly font: { bold: boolean; color: string };
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
    this.fill = new FakeFill(ctx, range);
    const r = range;
    this.font = {
      set bold(_v: boolean) {
        r.writeCells(4, () => undefined);
      },
      get bold(): boolean {
        throw notLoaded('bold');
      },
      set color(_v: string) {
        r.writeCells(8, () => undefined);
      },
      get color(): string {
        throw notLoaded('color');
      },
    };
  }
  set wrapText(_v: boolean) {
    this.range.writeCells(4, () => undefined);
  }
  set columnWidth(_v: number) {
    this.ctx.enqueue('action', () => undefined);
  }
  autofitColumns(): void {
    this.ctx.enqueue('action', () => undefined);
  }
  protected override readProp(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `RangeFormat.${name} is not in the double.`);
  }
  protected override nav(name: string): FakeObject | undefined {
    return name === 'fill' ? this.fill : undefined;
  }
}

type Grid = unknown[][];

export class FakeRange extends FakeObject {
  private resolvedRect: FakeRect | undefined;
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    private rectFn: () => FakeRect,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
  }

  rect(): FakeRect {
    this.resolvedRect ??= this.rectFn();
    return this.resolvedRect;
  }

  cells(): Array<ReturnType<typeof getCell>> {
    const r = this.rect();
    const s = this.worksheet.sheet();
    const out = [];
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.push(getCell(s, i, j));
    return out;
  }

  private grid<T>(fn: (c: ReturnType<typeof getCell>) => T): T[][] {
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
  writeCells(bytes: number, fn: (c: ReturnType<typeof cellOrNew>, i: number, j: number) => void): void {
    this.ctx.enqueue(
      'write',
      () => {
        const s = this.worksheet.sheet();
        if (s.protected) {
          throw new FakeOfficeError('AccessDenied', 'The cell or chart is protected.');
        }
        const r = this.rect();
        for (let i = r.top; i <= r.bottom; i++) {
          for (let j = r.left; j <= r.right; j++) fn(cellOrNew(s, i, j), i - r.top, j - r.left);
        }
      },
      bytes,
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
    const sep = this.ctx.model.behaviour.decimalSeparator;
    this.writeCells(jsonBytes(v), (c, i, j) => {
      const x = at(v, i, j);
      delete c.formula;
      delete c.error;
      delete c.quotePrefix;
      if (x === '' || x === null || x === undefined) c.value = null;
      else if (typeof x === 'string' && x.startsWith("'")) {
        c.value = x.slice(1);
        c.quotePrefix = true;
      } else if (typeof x === 'string' && c.numberFormat !== '@') c.value = coerceTyped(x, sep);
      else c.value = x as number | string | boolean;
    });
  }
  get formulas(): Grid {
    return this.get('formulas');
  }
  set formulas(v: Grid) {
    this.writeCells(jsonBytes(v), (c, i, j) => {
      const x = at(v, i, j);
      if (typeof x === 'string' && x.startsWith('=')) {
        c.formula = x;
        delete c.error;
        delete c.quotePrefix;
        c.value = evaluate(x, this.worksheet.sheet(), this.ctx.model.sheets);
      } else {
        delete c.formula;
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
    const sep = this.ctx.model.behaviour.decimalSeparator;
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
      case 'values':
        return this.grid(officeValue);
      case 'valueTypes':
        return this.grid(valueType);
      case 'text':
        return this.grid((c) => officeText(c, sep));
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
    });
  }

  select(): void {
    this.ctx.enqueue('action', () => {
      const m = this.ctx.model;
      const s = this.worksheet.sheet();
      if (m.activeSheetId !== s.id) {
        throw new FakeOfficeError('InvalidOperation', 'Activate the sheet before selecting on it.');
      }
      m.selection = { sheet: s.name, address: rectAddress(this.rect()) };
    });
  }
}

function at(v: Grid | unknown, i: number, j: number): unknown {
  if (!Array.isArray(v)) return v;
  const row = v[i] ?? v[0];
  return Array.isArray(row) ? (row[j] ?? row[0]) : row;
}

/** The cached result a formula gets when the double writes it (see formula.ts). */
function evaluate(formula: string, sheet: FakeSheet, sheets: FakeSheet[]): number | null {
  return evaluateFormula(formula, (row, col, other) => getCell(other ? sheetNamed(other) : sheet, row, col)?.value ?? null);
  function sheetNamed(name: string): FakeSheet {
    const s = sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`#REF! ${name}`);
    return s;
  }
}
