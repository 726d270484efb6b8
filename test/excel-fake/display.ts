// The displayed text of a cell for the handful of number formats report workbooks use.

export function displayText(
  value: number | string | boolean | null,
  numberFormat: string,
  decimalSeparator: string,
): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = (numberFormat || 'General').split(';')[0];
  if (fmt === 'General' || fmt === '@') {
    const s = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
    return s.replace('.', decimalSeparator);
  }
  const percent = fmt.includes('%');
  const n = percent ? value * 100 : value;
  const dot = fmt.indexOf('.');
  const decimals = dot < 0 ? 0 : (fmt.slice(dot + 1).match(/[0#]/g) ?? []).length;
  const grouped = /#[, ]##0/.test(fmt);
  let [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const sign = n < 0 && Number(int + (frac ? '.' + frac : '')) !== 0 ? '-' : '';
  return sign + int + (frac ? decimalSeparator + frac : '') + (percent ? '%' : '');
}

/**
 * How Excel reads a string typed into a cell whose format is not Text: a number when it looks
 * like one in the fake's culture (a minimal subset of Excel's parser), else the string.
 */
export function coerceTyped(s: string, decimalSeparator: string): number | string {
  const t = s.trim();
  const re = decimalSeparator === ',' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
  if (re.test(t)) return Number(t.replace(',', '.'));
  // Excel also accepts the invariant form from the API.
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return s;
}
