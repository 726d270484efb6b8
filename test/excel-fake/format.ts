// The double's RangeFormat and RangeFill: colour, pattern, tint and shade, gradients.
import { FakeOfficeError, jsonBytes, notLoaded } from './context';
import type { FakeContext } from './context';
import { FakeObject } from './object';
import type { FakeRange } from './range';

/** "LinearGradient and RectangularGradient are not supported" when set (RangeFill.pattern). */
const GRADIENTS = new Set(['LinearGradient', 'RectangularGradient']);

export class FakeFill extends FakeObject {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
    parent: FakeObject,
  ) {
    super(ctx, parent, 4);
  }

  private write(bytes: number, fn: Parameters<FakeRange['writeCells']>[1]): void {
    this.range.writeCells(bytes, fn, this);
  }
  get color(): string {
    return this.get('color');
  }
  /** A new colour is the colour itself: it drops a tint or shade set before (and a gradient). */
  set color(v: string) {
    this.write(jsonBytes(v), (c) => {
      const keep = c.fill?.pattern && c.fill.pattern !== 'None' && !GRADIENTS.has(c.fill.pattern) ? c.fill.pattern : 'Solid';
      const next = { ...(c.fill ?? {}), color: v.toUpperCase(), pattern: keep };
      delete next.tintAndShade;
      c.fill = next;
    });
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(v: string) {
    this.write(jsonBytes(v), (c) => {
      this.requireApi('RangeFill.pattern');
      if (GRADIENTS.has(v)) throw new FakeOfficeError('InvalidArgument', `The pattern ${v} cannot be set.`);
      if (v === 'None') delete c.fill;
      else c.fill = { color: c.fill?.color ?? '#FFFFFF', ...(c.fill ?? {}), pattern: v };
    });
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  set patternColor(v: string) {
    this.write(jsonBytes(v), (c) => {
      this.requireApi('RangeFill.patternColor');
      const next = { pattern: 'Solid', ...(c.fill ?? {}), patternColor: v.toUpperCase() };
      delete next.patternTintAndShade;
      c.fill = next;
    });
  }
  get tintAndShade(): number {
    return this.get('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.write(jsonBytes(v), (c) => {
      this.requireApi('RangeFill.tintAndShade');
      if (!c.fill) throw new FakeOfficeError('InvalidArgument', 'No fill to tint.');
      c.fill = { ...c.fill, tintAndShade: v };
      if (!v) delete c.fill.tintAndShade;
    });
  }
  get patternTintAndShade(): number {
    return this.get('patternTintAndShade');
  }
  set patternTintAndShade(v: number) {
    this.write(jsonBytes(v), (c) => {
      this.requireApi('RangeFill.patternTintAndShade');
      if (!c.fill) throw new FakeOfficeError('InvalidArgument', 'No fill to tint.');
      c.fill = { ...c.fill, patternTintAndShade: v };
      if (!v) delete c.fill.patternTintAndShade;
    });
  }
  clear(): void {
    this.write(0, (c) => {
      delete c.fill;
    });
  }
  protected override readProp(name: string): unknown {
    const values = this.range.cells().map((c) => {
      const f = c?.fill;
      switch (name) {
        case 'color':
          return f?.color ?? '#FFFFFF';
        case 'pattern':
          this.requireApi('RangeFill.pattern');
          return f?.pattern ?? 'None';
        case 'patternColor':
          this.requireApi('RangeFill.patternColor');
          return f?.patternColor ?? 'Automatic';
        case 'tintAndShade':
          this.requireApi('RangeFill.tintAndShade');
          return f?.tintAndShade ?? 0;
        case 'patternTintAndShade':
          this.requireApi('RangeFill.patternTintAndShade');
          return f?.patternTintAndShade ?? 0;
      }
      throw new FakeOfficeError('InvalidArgument', `RangeFill.${name} is not in the double.`);
    });
    // "A null value indicates that the range doesn't have uniform … settings" (RangeFill).
    return values.every((v) => v === values[0]) ? values[0] : null;
  }
}

export class FakeRangeFormat extends FakeObject {
  private fillObj: FakeFill | undefined;
  readonly font: { bold: boolean; color: string };
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx, range, 6);
    const r = range;
    const on = { pathParent: this, pathArgBytes: 4 };
    this.font = {
      set bold(_v: boolean) {
        r.writeCells(4, () => undefined, on);
      },
      get bold(): boolean {
        throw notLoaded('bold');
      },
      set color(_v: string) {
        r.writeCells(8, () => undefined, on);
      },
      get color(): string {
        throw notLoaded('color');
      },
    };
  }
  get fill(): FakeFill {
    this.fillObj ??= new FakeFill(this.ctx, this.range, this);
    return this.fillObj;
  }
  set wrapText(_v: boolean) {
    this.range.writeCells(4, () => undefined, this);
  }
  set columnWidth(_v: number) {
    this.ctx.enqueue('action', () => undefined, { on: this });
  }
  autofitColumns(): void {
    this.ctx.enqueue('action', () => this.requireApi('RangeFormat.autofitColumns'), { on: this });
  }
  protected override readProp(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `RangeFormat.${name} is not in the double.`);
  }
  protected override nav(name: string): FakeObject | undefined {
    return name === 'fill' ? this.fill : undefined;
  }
}
