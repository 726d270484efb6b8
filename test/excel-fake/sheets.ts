// The double's workbook, worksheets (visibility, protection, activation, deletion) and the
// worksheet collection.
import { FakeOfficeError, notLoaded } from './context';
import type { FakeContext } from './context';
import { FakeObject } from './object';
import { parseRect, rectAddress, usedRect } from './model';
import type { FakeSheet, SheetVisibility } from './model';
import { FakeRange } from './range';
import type { FakeApplication } from './application';

type SheetRef = { id: number } | { name: string; orNull?: boolean } | { active: true };

export class FakeWorksheet extends FakeObject {
  private resolved: FakeSheet | null | undefined;
  private protectionObj: FakeProtection | undefined;

  constructor(
    ctx: FakeContext,
    parent: FakeObject,
    private ref: SheetRef,
  ) {
    super(ctx, parent, 'name' in ref ? ref.name.length + 2 : 8);
  }

  get protection(): FakeProtection {
    this.protectionObj ??= new FakeProtection(this.ctx, this);
    return this.protectionObj;
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
    if ('orNull' in r && r.orNull) this.requireApi('WorksheetCollection.getItemOrNullObject');
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

  get id(): string {
    return this.get('id');
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
  get visibility(): SheetVisibility {
    return this.get('visibility');
  }
  /** ExcelApi 1.2 to set; undoable in Excel on the web only (Undo capabilities: Worksheet.visibility). */
  set visibility(v: SheetVisibility) {
    const desktop = this.ctx.model.behaviour.platform === 'desktop';
    this.ctx.enqueue(
      'write',
      () => {
        this.requireApi('Worksheet.visibility=');
        this.sheet().visibility = v;
      },
      { on: this, bytes: v.length + 2, noUndo: desktop ? 'Worksheet.visibility' : undefined },
    );
  }

  protected override readProp(name: string): unknown {
    if (name === 'isNullObject') return this.sheetOrNull() === null;
    const s = this.sheetOrNull();
    if (!s) return null;
    if (name === 'name') return s.name;
    if (name === 'position') return this.ctx.model.sheets.indexOf(s);
    if (name === 'id') return String(s.id);
    if (name === 'visibility') return s.visibility;
    throw new FakeOfficeError('InvalidArgument', `Worksheet.${name} is not in the double.`);
  }

  protected override nav(name: string): FakeObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      if (valuesOnly) this.requireApi('Worksheet.getUsedRange(valuesOnly)');
      return usedRect(this.sheet(), !!valuesOnly);
    }, 6);
  }

  getRange(address?: string): FakeRange {
    const a = (address ?? 'A1:XFD1048576').replace(/\$/g, '');
    const rect = parseRect(a.includes('!') ? a.slice(a.lastIndexOf('!') + 1) : a);
    return new FakeRange(this.ctx, this, () => rect, a.length + 2);
  }

  /** A multi-area range (`A1, C3:D4`), ExcelApi 1.9; only select() is modelled. */
  getRanges(address?: string): { select(): void } {
    const parts = (address ?? '').split(/[,;]/).map((p) => p.trim().replace(/\$/g, '')).filter(Boolean);
    const node = { pathParent: this, pathArgBytes: (address ?? '').length + 2 };
    return {
      select: () =>
        this.ctx.enqueue(
          'action',
          () => {
            this.requireApi('Worksheet.getRanges');
            this.requireApi('RangeAreas.select');
            const s = this.activeSheet();
            this.ctx.model.selection = { sheet: s.name, address: parts.map((p) => rectAddress(parseRect(p))).join(', ') };
          },
          { on: node },
        ),
    };
  }

  /** The sheet, which must be the active one to select on it. */
  activeSheet(): FakeSheet {
    const s = this.sheet();
    if (this.ctx.model.activeSheetId !== s.id) {
      throw new FakeOfficeError('InvalidOperation', 'Activate the sheet before selecting on it.');
    }
    return s;
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      this.requireApi('Worksheet.getRangeByIndexes');
      return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    }, 24);
  }

  /**
   * A hidden sheet cannot be shown as the active one: Excel's UI must unhide it first. Modelled
   * as InvalidOperation; the adapter does not depend on the exact failure (it reads visibility
   * before activating).
   */
  activate(): void {
    this.ctx.enqueue(
      'action',
      () => {
        const s = this.sheet();
        if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `Sheet ${s.name} is hidden.`);
        this.ctx.model.activeSheetId = s.id;
      },
      { on: this },
    );
  }

  /**
   * Worksheet.delete has no undo on any platform (Undo capabilities, Unsupported APIs); "if the
   * worksheet's visibility is set to VeryHidden, the delete operation will fail with an
   * InvalidOperation exception" (Worksheet.delete; office-js#365).
   */
  delete(): void {
    this.ctx.enqueue(
      'write',
      () => {
        const m = this.ctx.model;
        const s = this.sheet();
        if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'A very hidden sheet cannot be deleted.');
        if (m.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
          throw new FakeOfficeError('InvalidOperation', 'A workbook must keep one visible sheet.');
        }
        m.sheets = m.sheets.filter((x) => x !== s);
        if (m.activeSheetId === s.id) m.activeSheetId = m.sheets.find((x) => x.visibility === 'Visible')!.id;
        if (m.selection?.sheet === s.name) m.selection = undefined;
      },
      { on: this, noUndo: 'Worksheet.delete' },
    );
  }
}

export class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx, ws, 12);
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protected override readProp(name: string): unknown {
    this.requireApi('Worksheet.protection');
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
    this.itemList = this.ctx.model.sheets.map((s) => new FakeWorksheet(this.ctx, this, { id: s.id }));
    let bytes = 0;
    for (const w of this.itemList) bytes += w.loadNow(itemProps.length ? itemProps : ['name']);
    return bytes + super.loadNow(rest);
  }

  protected override readProp(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `WorksheetCollection.${name} is not in the double.`);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this, { name });
  }

  /** ExcelApi 1.4; names are unique over visible, hidden and very hidden sheets alike. */
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this, { name, orNull: true });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this, { active: true });
  }

  add(name?: string): FakeWorksheet {
    const m = this.ctx.model;
    const wanted = name ?? `Sheet${m.sheets.length + 1}`;
    const ws = new FakeWorksheet(this.ctx, this, { name: wanted });
    this.ctx.enqueue(
      'write',
      () => {
        if (m.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) {
          throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${wanted} exists.`);
        }
        m.addSheet(wanted);
      },
      { on: this, bytes: wanted.length + 2 },
    );
    return ws;
  }
}

export class FakeWorkbookObject extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  constructor(
    ctx: FakeContext,
    private app: FakeApplication,
  ) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx, this, 12);
  }
  get application(): FakeApplication {
    return this.app;
  }
  protected override readProp(name: string): unknown {
    if (name === 'name') return 'Book.xlsx';
    throw new FakeOfficeError('InvalidArgument', `Workbook.${name} is not in the double.`);
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.worksheets.getActiveWorksheet();
  }
}
