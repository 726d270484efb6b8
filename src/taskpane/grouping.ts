// Issues grouped by table, then by severity (errors first), with counts.
import type { IssueData, TableInfo } from '../core';

export type SeverityName = IssueData['severity'];
export const SEVERITIES: SeverityName[] = ['error', 'warning', 'info'];

export interface IssueGroup {
  /** Undefined for issues outside any table. */
  table?: TableInfo;
  key: string;
  bySeverity: Array<{ severity: SeverityName; issues: IssueData[] }>;
}

export function groupIssues(issues: IssueData[], tables: TableInfo[]): IssueGroup[] {
  const order = new Map(tables.map((t, i) => [t.id, i]));
  const groups = new Map<string, IssueData[]>();
  for (const i of issues) {
    const k = i.table && order.has(i.table) ? i.table : '';
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : order.get(a)! - order.get(b)!))
    .map(([k, list]) => ({
      key: k || 'outside',
      table: tables.find((t) => t.id === k),
      bySeverity: SEVERITIES.map((severity) => ({ severity, issues: list.filter((i) => i.severity === severity) })).filter(
        (g) => g.issues.length > 0,
      ),
    }));
}

export function countBySeverity(issues: IssueData[]): Record<SeverityName, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}
