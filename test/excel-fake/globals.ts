// Installs `Excel` and `Office` globals backed by the double, as office.js would provide them.
import { FakeContext } from './context';
import type { RunOptions } from './context';
import type { FakeModel } from './model';

export interface FakeOfficeOptions {
  /** Office's theme background, to test the dark theme. */
  bodyBackgroundColor?: string;
}

type Batch<T> = (ctx: FakeContext) => Promise<T>;

export function makeExcelGlobal(model: FakeModel) {
  return {
    run<T>(a: RunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
      const opts = typeof a === 'function' ? {} : a;
      const batch = (typeof a === 'function' ? a : b) as Batch<T>;
      model.runs.push(opts);
      return batch(new FakeContext(model, opts));
    },
  };
}

export function makeOfficeGlobal(model: FakeModel, o: FakeOfficeOptions = {}) {
  const settings = model.settings;
  const context = {
    get displayLanguage() {
      return model.behaviour.displayLanguage;
    },
    officeTheme: { bodyBackgroundColor: o.bodyBackgroundColor ?? '#ffffff' },
    requirements: {
      isSetSupported(name: string, version?: string): boolean {
        if (name !== 'ExcelApi') return false;
        const minor = Number((version ?? '1.1').split('.')[1] ?? 0);
        return minor <= model.behaviour.excelApi;
      },
    },
    document: {
      settings: {
        get: (k: string) => (settings.has(k) ? settings.get(k) : null),
        set: (k: string, v: unknown) => void settings.set(k, v),
        remove: (k: string) => void settings.delete(k),
        saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }),
      },
    },
  };
  return {
    context,
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
}

/** Puts the double on `globalThis` (tests in Node, the browser build). */
export function installOfficeGlobals(model: FakeModel, o: FakeOfficeOptions = {}): void {
  const g = globalThis as Record<string, unknown>;
  g.Excel = makeExcelGlobal(model);
  g.Office = makeOfficeGlobal(model, o);
}
