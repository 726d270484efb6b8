import type { Workbook } from './grid';
import type { CheckOptions, CheckResult } from './api-types';
// STUB: replaced by the real engine.
export function checkWorkbook(_wb: Workbook, _opts: CheckOptions = {}): CheckResult {
  return { tables: [], issues: [], summaries: [] };
}
