// What a check of the open workbook leaves the pane, and the findings' cells it shows, exports and
// highlights.
import type { CheckResult, FillPlan, IssueData, Workbook } from '../core';

export interface Checked {
  workbook: Workbook;
  check: CheckResult;
  plan: FillPlan;
  /** The comparison with last year's report: its file and findings. */
  compared?: { file: string; issues: IssueData[] };
}

/** The check's findings, then the comparison's with last year's report. */
export function allIssues(c: Pick<Checked, 'check' | 'compared'>): IssueData[] {
  return c.compared ? [...c.check.issues, ...c.compared.issues] : c.check.issues;
}

/** A finding's cells in the open workbook (a cell of last year's report names its file). */
export function localCells(i: IssueData) {
  return i.cells.filter((c) => !c.file);
}

export function highlightCells(issues: IssueData[]) {
  return issues.flatMap((i) => {
    const [c] = localCells(i);
    return c ? [{ sheet: c.sheet, address: c.address, severity: i.severity }] : [];
  });
}
