import type { Workbook } from './grid';
import type { FillOptions, FillPlan } from './api-types';
// STUB: replaced by the real engine.
export function planFill(_wb: Workbook, _opts: FillOptions = {}): FillPlan {
  return { writes: [] };
}
