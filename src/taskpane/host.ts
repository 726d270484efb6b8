// What the pane needs from its host (Excel, or a test's stand-in): passed to components as props.
import type { FillMode, FillPlan } from '../core';
import type { ReadResult } from '../excel/read-workbook';
import type { ApplyResult, UndoRecord, UndoResult } from '../excel/apply-fill';
import type { CellRef } from '../excel/cell-state';
import type { HighlightRecord, Severity } from '../excel/highlight';
import type { ReportSheetResult } from '../excel/report-sheet';
import type { SelectResult } from '../excel/select-cells';

export type { ReadResult, ApplyResult, UndoRecord, UndoResult, CellRef, HighlightRecord, Severity, ReportSheetResult, SelectResult };

export interface PaneSettings {
  mode: FillMode;
  /** Model Standard threshold score. */
  threshold: number;
}

export const DEFAULT_SETTINGS: PaneSettings = { mode: 'formulas', threshold: 6 };

export interface Host {
  readWorkbook(): Promise<ReadResult>;
  applyFill(plan: FillPlan): Promise<ApplyResult>;
  undoFill(record: UndoRecord, force?: boolean): Promise<UndoResult>;
  /** Nothing (a stand-in host) or what happened, e.g. the sheet is hidden. */
  selectCells(cells: CellRef[]): Promise<SelectResult | void>;
  highlight(cells: Array<CellRef & { severity: Severity }>): Promise<HighlightRecord>;
  clearHighlight(record: HighlightRecord): Promise<void>;
  writeReportSheet(rows: string[][], replace: boolean): Promise<ReportSheetResult>;
  decimalSeparator(): Promise<string>;
  loadSettings(): Partial<PaneSettings>;
  saveSettings(s: PaneSettings): Promise<void>;
}
