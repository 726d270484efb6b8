// The pane's Host over the real Office.js: every Excel.run of the add-in is here.
/// <reference types="office-js" />
import type { Host, PaneSettings } from './host';
import type { Supports, XlContext } from './xl-types';
import { readWorkbook } from './read-workbook';
import { applyFill, undoFill } from './apply-fill';
import { selectCells } from './select-cells';
import { clearHighlight, highlight } from './highlight';
import { writeReportSheet } from './report-sheet';
import { readDecimalSeparator } from './culture';
import { addSheets, removeSheets } from './added-sheets';

const SETTINGS_KEY = 'reportCheck.settings';

/**
 * The lowest ExcelApi set the add-in needs, as manifest.xml declares it: 1.4 for
 * `WorksheetCollection.getItemOrNullObject` (the report sheet); protection needs 1.2. Newer sets are
 * asked for at run time (see docs/ADDIN.md).
 */
export const MIN_EXCEL_API = 4;

/** ExcelApi 1.x support, asked of Office at run time. */
export const supports: Supports = (minor) => Office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`);

/**
 * Runs a batch. `delayForCellEdit`: a batch sent while the user is typing in a cell waits for
 * them instead of failing; `mergeUndoGroup` (ExcelApi 1.20): one Ctrl+Z undoes the whole batch.
 */
function run<T>(fn: (ctx: XlContext) => Promise<T>, write = false): Promise<T> {
  const opts: Excel.RunOptions = { delayForCellEdit: true };
  if (write && supports(20)) opts.mergeUndoGroup = true;
  return Excel.run(opts, (ctx) => fn(ctx));
}

export function createOfficeHost(): Host {
  return {
    readWorkbook: () => run((ctx) => readWorkbook(ctx, { supports })),
    applyFill: (plan) => run((ctx) => applyFill(ctx, plan, { supports }), true),
    undoFill: (record, force) => run((ctx) => undoFill(ctx, record, { force }), true),
    selectCells: (cells) => run((ctx) => selectCells(ctx, cells, supports)),
    highlight: (cells) => run((ctx) => highlight(ctx, cells, { supports }), true),
    clearHighlight: (record) => run((ctx) => clearHighlight(ctx, record), true),
    writeReportSheet: async (rows, replace) => {
      const r = await run((ctx) => writeReportSheet(ctx, rows, { replace }), true);
      return r.status === 'written' ? { ...r, undo: supports(20) ? 'whole' : 'steps' } : r;
    },
    addSheets: (sheets) => run((ctx) => addSheets(ctx, sheets), true),
    // Worksheet.delete is refused inside an undo group: never one here.
    removeSheets: (record) => run((ctx) => removeSheets(ctx, record)),
    decimalSeparator: () => run((ctx) => readDecimalSeparator(ctx, supports)),
    loadSettings: () => {
      const raw: unknown = Office.context.document.settings.get(SETTINGS_KEY);
      return raw && typeof raw === 'object' ? (raw as Partial<PaneSettings>) : {};
    },
    saveSettings: (s) =>
      new Promise<void>((resolve, reject) => {
        Office.context.document.settings.set(SETTINGS_KEY, s);
        Office.context.document.settings.saveAsync((r) =>
          r.status === Office.AsyncResultStatus.Failed ? reject(new Error(r.error?.message ?? 'settings')) : resolve(),
        );
      }),
  };
}

/** Office's display language, e.g. `ru-RU`. */
export function displayLanguage(): string {
  return Office.context.displayLanguage || 'ru-RU';
}

/** True when Office's theme has a dark background. */
export function isDarkTheme(): boolean {
  const bg = Office.context.officeTheme?.bodyBackgroundColor;
  const m = bg && /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bg);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Resolves when Office has loaded the add-in. */
export function officeReady(): Promise<unknown> {
  return Office.onReady();
}
