// The shape of a rule module (ESLint style): metadata plus check functions over tables or the workbook.
import type { CheckOptions } from '../api-types';
import { address } from '../grid';
import type { CellRef, IssueData, RuleId, Severity } from '../issue';
import type { Values } from '../relations';
import { describeKey, type TableCell, type TableModel } from '../table';

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  description: { ru: string; en: string };
  /** Message template ids this rule may use (checked against the catalogues in tests). */
  messageIds: string[];
}

export interface RuleContext {
  tables: TableModel[];
  values: Values;
  /** The latest year named in the workbook's tables. */
  reportingYear?: number;
  options: CheckOptions;
  report(issue: IssueData): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Runs on each recognized table. */
  table?(t: TableModel, ctx: RuleContext): void;
  /** Runs once after every table is read (cross-table rules). */
  workbook?(ctx: RuleContext): void;
}

export function ref(t: TableModel, c: TableCell): CellRef {
  return { sheet: t.sheet.name, address: address(t.sheet, c.row, c.col) };
}

/** The quantity a cell holds, in the table's words; `%` marks a share. */
export function what(t: TableModel, c: TableCell): string {
  const base = describeKey(t, c.key);
  return c.key.measure === 'percent' ? `${base}, %` : base;
}
