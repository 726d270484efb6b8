// Runs recognition, every rule and the summaries over a workbook. Bad input becomes issues, never exceptions.
import type { CheckOptions, CheckResult, TableInfo } from './api-types';
import { rangeAddress, type Workbook } from './grid';
import type { IssueData } from './issue';
import { KINDS } from './kinds';
import { recognize } from './recognize';
import { Engine } from './engine';
import { addUnstated, readUnchecked } from './generic/fallback';
import { derivedInstances, instances, Values } from './relations';
import { RULES } from './rules';
import { RuleRun } from './rules/rule';
import { summarize } from './summary';
import type { TableModel } from './table';
import type { Definition } from './definition';

export interface Analysis {
  tables: TableModel[];
  values: Values;
  reportingYear?: number;
}

/**
 * Recognizes the workbook's tables and computes their values. `engine` carries what a batch reuses
 * (layouts seen in earlier workbooks); without one the check has an engine of its own.
 */
export function analyze(wb: Workbook, defs: readonly Definition[] = KINDS, engine: Engine = new Engine()): Analysis {
  const tables = recognize(wb, defs, engine);
  let reportingYear: number | undefined;
  for (const t of tables) {
    if (t.year !== undefined && (reportingYear === undefined || t.year > reportingYear)) reportingYear = t.year;
    for (let ci = 0; ci < t.cells.length; ci++) {
      const c = t.cells[ci];
      const y = c.key.year ? Number(c.key.year) : undefined;
      if (y !== undefined && (reportingYear === undefined || y > reportingYear)) reportingYear = y;
    }
  }
  // Indicators recomputed from other tables join their table's relations before values are computed.
  for (const inst of derivedInstances(tables, reportingYear)) instances(inst.table).push(inst);
  // A known kind with nothing to check by its definition is read from its own labels and numbers.
  readUnchecked(tables);
  addUnstated(tables);
  return { tables, values: new Values(tables), reportingYear };
}

export function tableInfo(t: TableModel): TableInfo {
  return {
    id: t.id,
    kind: t.def.kind,
    sheet: t.sheet.name,
    range: rangeAddress(t.sheet, t.area),
    ...(t.year !== undefined ? { year: t.year } : {}),
    ...(t.title ? { title: t.title } : {}),
    relations: instances(t).length,
  };
}

/**
 * Checks a workbook: recognized tables, issues (rule order, then sheet position), summaries.
 * Pass the `analyze(wb)` result to share one recognition with `planFill`.
 */
export function checkWorkbook(wb: Workbook, opts: CheckOptions = {}, analysis?: Analysis): CheckResult {
  const a = analysis ?? analyze(wb);
  // Table order, each table's issues in the order found: a table's own issues are filed as its
  // rules report them, the workbook rules' by a lookup (a report can have 600 000 issues).
  const order = new Map(a.tables.map((t, i) => [t.id, i]));
  const byTable: IssueData[][] = a.tables.map(() => []);
  const first: IssueData[] = [];
  let current = -1;
  const file = (i: IssueData): void => {
    const k = current >= 0 && i.table === a.tables[current].id ? current : order.get(i.table ?? '');
    (k === undefined || k === 0 ? first : byTable[k]).push(i);
  };
  const shared = { tables: a.tables, values: a.values, reportingYear: a.reportingYear, options: opts };
  // One context per rule: it fills in the rule's id, severity and current table (see RuleRun).
  const runs = RULES.map((rule) => new RuleRun(rule.meta, shared, file));
  for (current = 0; current < a.tables.length; current++)
    for (let k = 0; k < RULES.length; k++) {
      runs[k].current = a.tables[current];
      RULES[k].table?.(a.tables[current], runs[k]);
    }
  current = -1;
  for (let k = 0; k < RULES.length; k++) {
    runs[k].current = undefined;
    RULES[k].workbook?.(runs[k]);
  }
  const issues: IssueData[] = first;
  for (let k = 1; k < byTable.length; k++) {
    const list = byTable[k];
    for (let j = 0; j < list.length; j++) issues.push(list[j]);
  }
  const summaries = a.tables.map((t) => summarize(t, a.values, opts)).filter((s) => s !== undefined);
  return { tables: a.tables.map(tableInfo), issues, summaries };
}
