// The displayed text of a cell for the handful of number formats report workbooks use, in the
// host's language, and how Excel takes a string written to `Range.values`.

/**
 * `text` is what the user sees, so errors and booleans come in Excel's UI language (`#ДЕЛ/0!`,
 * `ИСТИНА` in Russian Excel), while `values` keeps the language-independent `#DIV/0!` and `true`
 * (Range.values: "Cells that contain an error will return the error string"; Range.text: "Text
 * values of the specified range"; Excel's function and error names are localized in the UI).
 */
const RU_ERRORS: Record<string, string> = {
  '#DIV/0!': '#ДЕЛ/0!',
  '#N/A': '#Н/Д',
  '#NAME?': '#ИМЯ?',
  '#NULL!': '#ПУСТО!',
  '#NUM!': '#ЧИСЛО!',
  '#REF!': '#ССЫЛКА!',
  '#VALUE!': '#ЗНАЧ!',
};

function isRussian(language: string): boolean {
  return language.toLowerCase().startsWith('ru');
}

export function localizedError(error: string, language: string): string {
  return isRussian(language) ? (RU_ERRORS[error] ?? error) : error;
}

export function displayText(
  value: number | string | boolean | null,
  numberFormat: string,
  decimalSeparator: string,
  language = 'en-US',
): string {
  if (value === null) return '';
  if (typeof value === 'boolean') {
    if (isRussian(language)) return value ? 'ИСТИНА' : 'ЛОЖЬ';
    return value ? 'TRUE' : 'FALSE';
  }
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
  // `#` places show only when not zero (`0.0#`: 26,9 and 26,88).
  const required = dot < 0 ? 0 : (fmt.slice(dot + 1).match(/0/g) ?? []).length;
  const grouped = /#[, ]##0/.test(fmt);
  let [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  while (frac && frac.length > required && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const sign = n < 0 && Number(int + (frac ? '.' + frac : '')) !== 0 ? '-' : '';
  return sign + int + (frac ? decimalSeparator + frac : '') + (percent ? '%' : '');
}

/** What a string written to `values` becomes in a cell whose format is not Text. */
export type Typed = { value: number | string | boolean } | { formula: string };

/**
 * Range.values (ExcelApi 1.1): "If the returned value starts with a plus ("+"), minus ("-"), or
 * equal sign ("="), Excel interprets this value as a formula. Locale-shaped strings (such as the
 * date "19-8-2025" in nl-NL or fr-FR) are stored as text". So strings are read in the
 * language-independent form: `0.25` and `-5` are numbers, `TRUE` a boolean, `=A1` and `-текст`
 * formulas, and `12,5` stays text whatever the user's separator.
 */
export function coerceTyped(s: string): Typed {
  const t = s.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (/^[=+-]/.test(t)) return { formula: t.startsWith('=') ? t : `=${t}` };
  return { value: s };
}
