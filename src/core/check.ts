// The pipeline of one check: grid → layout → recognize (kinds, generic) → tables → relations →
// rules → report. Bad input becomes issues, never exceptions.
import { Corrections } from './rules/corrections';
import type { Workbook } from './grid/grid';
import { rangeAddress } from './grid/grid';
import { Engine } from './engine';
import { KINDS } from './kinds';
import type { Definition } from './tables/definition';
import { recognize } from './recognize/recognize';
import { addUnstated, readUnchecked } from './generic/fallback';
import type { TableModel } from './tables/table';
import { derivedInstances, instances, Values } from './relations/relations';
import { RULES } from './rules';
import { RuleRun } from './rules/rule';
import type { IssueData } from './report/issue';
import { summarize } from './report/summary';
import type { CheckOptions, CheckResult, TableInfo } from './api-types';

export interface Analysis {
  tables: TableModel[];
  values: Values;
  reportingYear?: number;
}

/** The latest year the tables name (in their titles or their cells' keys): the reporting year. */
function latestYear(tables: TableModel[]): number | undefined {
  let latest: number | undefined;
  for (const t of tables) {
    if (t.year !== undefined && (latest === undefined || t.year > latest)) latest = t.year;
    for (let ci = 0; ci < t.cells.length; ci++) {
      const c = t.cells[ci];
      const y = c.key.year ? Number(c.key.year) : undefined;
      if (y !== undefined && (latest === undefined || y > latest)) latest = y;
    }
  }
  return latest;
}

/**
 * Recognizes the workbook's tables and computes their values. `engine` carries what a batch reuses
 * (layouts seen in earlier workbooks); without one the check has an engine of its own.
 */
export function analyze(wb: Workbook, defs: readonly Definition[] = KINDS, engine: Engine = new Engine()): Analysis {
  // grid → layout → recognize: the tables of known kinds and of none (generic/).
  const tables = recognize(wb, defs, engine);
  const reportingYear = latestYear(tables);
  // relations: indicators recomputed from other tables join their table's relations before values are computed.
  for (const inst of derivedInstances(tables, reportingYear)) instances(inst.table).push(inst);
  // A known kind with nothing to check by its definition is read from its own labels and numbers.
  readUnchecked(tables, engine);
  addUnstated(tables, engine);
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
  // rules → report: issues filed by table, then the summaries.
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
  const corrections = new Corrections(a.tables, a.values);
  const shared = { tables: a.tables, values: a.values, reportingYear: a.reportingYear, options: opts, corrections };
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
