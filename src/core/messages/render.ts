import type { IssueData } from '../issue';
import type { RenderOptions, SummaryData } from '../api-types';
// STUB: replaced by the real catalogue.
export function renderMessage(issue: IssueData, _opts: RenderOptions = {}): string {
  return issue.messageId;
}
export function renderSummary(s: SummaryData, _opts: RenderOptions = {}): string {
  return s.messageId;
}
