// The subset of the Excel JavaScript API the adapter uses, as structural types, so that both
// Excel.RequestContext and the project's test double can be passed in.
/// <reference types="office-js" />

type Grid = unknown[][];
type LoadArg = string | string[];

export interface XlLoadable {
  load(props: LoadArg): unknown;
}

export interface XlFill extends XlLoadable {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
  clear(): void;
}

export interface XlRangeFormat {
  fill: XlFill;
  font: { bold: boolean };
  wrapText: boolean;
  autofitColumns(): void;
}

export interface XlRangeAreas extends XlLoadable {
  readonly isNullObject: boolean;
  readonly address: string;
}

export interface XlRange extends XlLoadable {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly valueTypes: string[][];
  readonly text: string[][];
  values: Grid;
  formulas: Grid;
  numberFormat: Grid;
  readonly format: XlRangeFormat;
  getMergedAreasOrNullObject(): XlRangeAreas;
  select(): void;
  clear(): void;
}

export interface XlWorksheet extends XlLoadable {
  /** Stays the same when the user renames the sheet. */
  readonly id: string;
  readonly name: string;
  /** `Visible`, `Hidden` or `VeryHidden` (ExcelApi 1.1 to read). */
  readonly visibility: string;
  readonly isNullObject: boolean;
  readonly protection: XlLoadable & { readonly protected: boolean };
  getUsedRange(valuesOnly?: boolean): XlRange;
  getRange(address?: string): XlRange;
  getRanges(address?: string): { select(): void };
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  getItem(name: string): XlWorksheet;
  getItemOrNullObject(name: string): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlApplication extends XlLoadable {
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.11: the separator Excel shows, after its "Use system separators" setting. */
  readonly decimalSeparator: string;
}

export interface XlContext {
  readonly workbook: { readonly worksheets: XlWorksheetCollection };
  readonly application: XlApplication;
  sync(): Promise<unknown>;
}

/** Which optional API sets the host supports (Office.context.requirements, or a test's answer). */
export type Supports = (minor: number) => boolean;

// Compile-time proof that the real API fits these types.
type Fits<A, B> = A extends B ? true : never;
export const realContextFits: Fits<Excel.RequestContext, XlContext> = true;
