// Counts of findings by severity, as badges.
import { Badge } from '@fluentui/react-components';
import type { IssueData } from '../core';
import { countBySeverity } from './grouping';
import { fmt } from './i18n';
import type { Strings } from './i18n';
import { useShared } from './styles';

export type SummaryCountsProps = { issues: IssueData[]; t: Strings };

export function SummaryCounts({ issues, t }: SummaryCountsProps) {
  const s = useShared();
  const c = countBySeverity(issues);
  return (
    <div className={s.buttons} role="status" aria-label={t.issuesHeading}>
      <Badge appearance="filled" color="danger" size="large">{fmt(t.summaryErrors, { n: c.error })}</Badge>
      <Badge appearance="filled" color="warning" size="large">{fmt(t.summaryWarnings, { n: c.warning })}</Badge>
      <Badge appearance="filled" color="informative" size="large">{fmt(t.summaryInfo, { n: c.info })}</Badge>
    </div>
  );
}
