// What the pane needs from its host (Excel, or a test's stand-in): passed to components as props.
// The contract is src/excel/host.ts, beside the adapter that implements it.
import type { PaneSettings } from '../excel/host';

export type {
  Host,
  PaneSettings,
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
} from '../excel/host';

export const DEFAULT_SETTINGS: PaneSettings = { mode: 'formulas', threshold: 6 };
