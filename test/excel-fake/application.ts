// The double's Application: calculation, the decimal separator the user sees, the culture.
import { FakeOfficeError } from './context';
import type { FakeContext } from './context';
import { FakeObject } from './object';
import { visibleSeparator } from './model';

export class FakeNumberFormatInfo extends FakeObject {
  get numberDecimalSeparator(): string {
    return this.get('numberDecimalSeparator');
  }
  get numberGroupSeparator(): string {
    return this.get('numberGroupSeparator');
  }
  protected override readProp(name: string): unknown {
    this.requireApi('Application.cultureInfo');
    // "Based on current system settings" (NumberFormatInfo): Excel's own override is not seen.
    if (name === 'numberDecimalSeparator') return this.ctx.model.behaviour.decimalSeparator;
    if (name === 'numberGroupSeparator') return '\u00a0';
    throw new FakeOfficeError('InvalidArgument', `NumberFormatInfo.${name} is not in the double.`);
  }
}

export class FakeCultureInfo extends FakeObject {
  readonly numberFormat: FakeNumberFormatInfo;
  constructor(ctx: FakeContext, parent: FakeObject) {
    super(ctx, parent);
    this.numberFormat = new FakeNumberFormatInfo(ctx, this);
  }
  protected override readProp(name: string): unknown {
    this.requireApi('Application.cultureInfo');
    if (name === 'name') return this.ctx.model.behaviour.displayLanguage;
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
    this.cultureInfo = new FakeCultureInfo(ctx, this);
  }
  get decimalSeparator(): string {
    return this.get('decimalSeparator');
  }
  get useSystemSeparators(): boolean {
    return this.get('useSystemSeparators');
  }
  protected override readProp(name: string): unknown {
    const b = this.ctx.model.behaviour;
    if (name === 'calculationMode') return 'Automatic';
    // "Based on the local Excel settings" (Application.decimalSeparator, ExcelApi 1.11).
    if (name === 'decimalSeparator') {
      this.requireApi('Application.decimalSeparator');
      return visibleSeparator(b);
    }
    if (name === 'useSystemSeparators') {
      this.requireApi('Application.useSystemSeparators');
      return b.excelDecimalSeparator === undefined;
    }
    throw new FakeOfficeError('InvalidArgument', `Application.${name} is not in the double.`);
  }
  protected override nav(name: string): FakeObject | undefined {
    return name === 'cultureInfo' ? this.cultureInfo : undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue('action', () => this.requireApi('Application.suspendApiCalculationUntilNextSync'), { on: this });
  }
}
