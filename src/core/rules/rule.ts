// The shape of a rule module (ESLint style): metadata plus check functions over tables or the workbook.
import type { Corrections } from './corrections';
import type { CheckOptions } from '../api-types';
import { address } from '../grid/grid';
import type { CellRef, Fix, IssueData, MessageParams, RuleId, Severity } from '../report/issue';
import type { Values } from '../relations/relations';
import { describeKey, type TableCell, type TableModel } from '../tables/table';

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  description: { ru: string; en: string };
  /** Message template ids this rule may use (checked against the catalogues in tests). */
  messageIds: string[];
}

/**
 * What a rule reports (ESLint's `context.report`): the context fills in the rule's id, its
 * severity and the table it runs on from the rule's meta.
 */
export interface RuleReport {
  cells: CellRef[];
  expected?: number;
  actual?: number | string;
  fix?: Fix;
  /** Message template id; the rule's id when omitted. */
  messageId?: string;
  params: MessageParams;
  /** Only where a finding is weaker (or stronger) than the rule's own severity (an inferred total). */
  severity?: Severity;
  /** The table the issue is filed under, when not the table the rule runs on (workbook rules). */
  table?: TableModel;
}

export interface RuleContext {
  tables: TableModel[];
  values: Values;
  /** The latest year named in the workbook's tables. */
  reportingYear?: number;
  options: CheckOptions;
  /** The failing totals set to their sums, to tell a relation they alone break (corrections.ts). */
  corrections?: Corrections;
  report(issue: RuleReport): void;
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

/**
 * The context a rule runs in: reports become issues with the rule's id and severity and the table
 * being checked (`onTable`), filed by `file`. One per rule for a whole check.
 */
export class RuleRun implements RuleContext {
  /** The table the rule runs on (undefined while it runs on the workbook). */
  current: TableModel | undefined;

  constructor(
    private readonly rule: RuleMeta,
    private readonly shared: Omit<RuleContext, 'report'>,
    private readonly file: (issue: IssueData) => void,
  ) {}

  get tables(): TableModel[] {
    return this.shared.tables;
  }
  get values(): Values {
    return this.shared.values;
  }
  get reportingYear(): number | undefined {
    return this.shared.reportingYear;
  }
  get options(): CheckOptions {
    return this.shared.options;
  }
  get corrections(): Corrections | undefined {
    return this.shared.corrections;
  }

  report(r: RuleReport): void {
    // Fields set one by one, in the report's order: a report can have 600 000 issues.
    const issue = { rule: this.rule.id, severity: r.severity ?? this.rule.severity } as IssueData;
    const table = r.table ?? this.current;
    if (table) issue.table = table.id;
    issue.cells = r.cells;
    if (r.expected !== undefined) issue.expected = r.expected;
    if (r.actual !== undefined) issue.actual = r.actual;
    if (r.fix !== undefined) issue.fix = r.fix;
    issue.messageId = r.messageId ?? this.rule.id;
    issue.params = r.params;
    this.file(issue);
  }
}
