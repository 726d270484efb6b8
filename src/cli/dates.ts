// Dates as both readers give them to the engine, and dates stored as ISO 8601 text (`t="d"`).

/** A date as the grid holds it: `31.12.2023` (the time of day is not shown). */
export function dateText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The date of a cell stored as ISO 8601 text (`<c t="d"><v>2024-01-01T00:00:00</v>`, as Excel's
 * Strict format and some libraries write dates), as written (its zone ignored: Excel's dates have
 * none), or undefined for any other text. exceljs reads such a cell as the number before the first
 * dash (2024), and a fill written from it would keep that number in place of the date.
 */
export function isoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
  // 2023-02-30 is no date; nor is a year before 1000 (Date.UTC reads 0–99 as 1900–1999).
  return y >= 1000 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && Number(m[4] ?? 0) < 24 ? date : undefined;
}
