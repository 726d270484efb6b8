// What the pane needs from its host: implemented over Office.js by office-host.ts and by the
// tests' stand-ins. It lives beside the adapter so that src/excel depends on nothing in the pane.
import type { FillMode, FillPlan } from '../core';
import type { ReadResult } from './read-workbook';
import type { ApplyResult, UndoRecord, UndoResult } from './apply-fill';
import type { CellRef } from './cell-state';
import type { HighlightRecord, Severity } from './highlight';
import type { ReportSheetResult } from './report-sheet';
import type { SelectResult } from './select-cells';
import type { AddedSheets, AddSheetsResult, NewSheet } from './added-sheets';

export type {
  ReadResult,
  ApplyResult,
  UndoRecord,
  UndoResult,
  CellRef,
  HighlightRecord,
  Severity,
  ReportSheetResult,
  SelectResult,
  AddedSheets,
  AddSheetsResult,
  NewSheet,
};

/** The pane's settings, kept in the document's settings. */
export interface PaneSettings {
  mode: FillMode;
  /** Model Standard threshold score. */
  threshold: number;
}

export interface Host {
  readWorkbook(): Promise<ReadResult>;
  applyFill(plan: FillPlan): Promise<ApplyResult>;
  undoFill(record: UndoRecord, force?: boolean): Promise<UndoResult>;
  /** Nothing (a stand-in host) or what happened, e.g. the sheet is hidden. */
  selectCells(cells: CellRef[]): Promise<SelectResult | void>;
  highlight(cells: Array<CellRef & { severity: Severity }>): Promise<HighlightRecord>;
  clearHighlight(record: HighlightRecord): Promise<void>;
  writeReportSheet(rows: string[][], replace: boolean): Promise<ReportSheetResult>;
  /** New sheets (the region's summary), never over a sheet of that name; their record undoes them. */
  addSheets(sheets: NewSheet[]): Promise<AddSheetsResult>;
  /** Deletes the sheets `addSheets` added, those still there. */
  removeSheets(record: AddedSheets): Promise<{ removed: number }>;
  decimalSeparator(): Promise<string>;
  loadSettings(): Partial<PaneSettings>;
  saveSettings(s: PaneSettings): Promise<void>;
}
