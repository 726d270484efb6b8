// The user's decimal separator, for numbers in messages.
import type { Supports, XlContext } from './xl-types';

/** `application.cultureInfo` needs ExcelApi 1.11; older hosts get the Russian comma. */
export async function readDecimalSeparator(ctx: XlContext, supports: Supports = () => true): Promise<string> {
  if (!supports(11)) return ',';
  const nf = ctx.application.cultureInfo.numberFormat;
  nf.load('numberDecimalSeparator');
  await ctx.sync();
  return nf.numberDecimalSeparator || ',';
}
