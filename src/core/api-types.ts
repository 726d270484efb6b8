// Public result types of the engine: recognized tables, issues, summaries, fill plans.
import type { IssueData, Lang } from './report/issue';

export interface TableInfo {
  /** Instance id `KIND#N`. */
  id: string;
  kind: string;
  sheet: string;
  /** A1 range without `$` or sheet name. */
  range: string;
  /** The reporting year the table names, if any. */
  year?: number;
  /** A table of no known kind: the caption or heading above it, else its header's first words. */
  title?: string;
  /** How many relations (cell relations: a total on one line, a share, a change…) were checked in it; 0: nothing checkable. */
  relations: number;
}

/** A table-level summary (e.g. the Model Standard grid's shares). */
export interface SummaryData {
  table: string;
  kind: string;
  messageId: string;
  params: Record<string, string | number | Array<string | number>>;
  data: Record<string, unknown>;
}

export interface CheckResult {
  tables: TableInfo[];
  issues: IssueData[];
  summaries: SummaryData[];
}

export interface CheckOptions {
  /** Model Standard threshold score (default 6). */
  threshold?: number;
}

export type FillMode = 'formulas' | 'values';

export interface FillOptions extends CheckOptions {
  mode?: FillMode;
  /** Allow writes over non-empty cells and formulas (CLI `--overwrite`). */
  overwrite?: boolean;
}

/** One write of a fill plan. `value` is always the computed number. */
export interface FillWrite {
  sheet: string;
  address: string;
  table: string;
  value: number;
  /** Present in `formulas` mode: `=B4+B5-B6`. */
  formula?: string;
  /** Number format to give the cell when it has none (percent precision). */
  numberFormat?: string;
  /** What the cell held before, as the engine saw it. */
  before: { value: number | string | boolean | null; formula?: string; text?: string };
}

export interface FillPlan {
  writes: FillWrite[];
}

export interface RenderOptions {
  lang?: Lang;
  /** Decimal separator for numbers in messages (`,` in Russian by default). */
  decimalSeparator?: string;
}
