// Issues are data told apart by a stable rule id; messages are rendered from them per language.
import { z } from 'zod';

export const RULE_IDS = [
  'balance-mismatch',
  'cross-table-mismatch',
  'dash-as-zero',
  'delta-mismatch',
  'missing-value',
  'negative-value',
  'non-integer-count',
  'not-a-number',
  'number-as-text',
  'parts-exceed-total',
  'ratio-mismatch',
  'score-invalid',
  'subset-exceeds',
  'sum-mismatch',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Rules of `compare` (two workbooks: last year's report and this year's), run outside the check. */
export const COMPARE_RULE_IDS = ['carry-over-mismatch', 'previous-report-mismatch'] as const;
export type CompareRuleId = (typeof COMPARE_RULE_IDS)[number];

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A cell; `file` names the other workbook's file where an issue of `compare` points into it. */
export const CellRefSchema = z.object({ sheet: z.string(), address: z.string(), file: z.string().optional() });
export type CellRef = z.infer<typeof CellRefSchema>;

export const FixSchema = z.object({
  sheet: z.string(),
  address: z.string(),
  value: z.union([z.number(), z.string()]).optional(),
  formula: z.string().optional(),
});
export type Fix = z.infer<typeof FixSchema>;

/** Parameters a message template may use. Numbers are formatted per language when rendered. */
export type MessageParams = Record<string, string | number | Array<string | number>>;

/** An issue before its message is rendered. */
export interface IssueData {
  rule: RuleId | CompareRuleId;
  severity: Severity;
  table?: string;
  cells: CellRef[];
  expected?: number;
  actual?: number | string;
  fix?: Fix;
  /** Message template id in the catalogue (`rule` or `rule/variant`). */
  messageId: string;
  params: MessageParams;
}

export type Lang = 'ru' | 'en';
