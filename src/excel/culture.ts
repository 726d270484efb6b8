// The decimal separator the user sees in Excel, for numbers in messages.
import type { Supports, XlContext } from './xl-types';

/**
 * `Application.decimalSeparator` (ExcelApi 1.11) follows Excel's own "Use system separators"
 * setting; the culture's `numberDecimalSeparator` is the system's and ignores it. Older hosts
 * get the Russian comma.
 */
export async function readDecimalSeparator(ctx: XlContext, supports: Supports = () => true): Promise<string> {
  if (!supports(11)) return ',';
  const app = ctx.application;
  app.load('decimalSeparator');
  await ctx.sync();
  return app.decimalSeparator || ',';
}
