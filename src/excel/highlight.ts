// Colours issue cells by severity, remembering each cell's fill so it can be put back exactly.
import type { CellRef } from './cell-state';
import type { Supports, XlContext, XlFill } from './xl-types';

export type Severity = 'error' | 'warning' | 'info';

/** Office-like light fills: red, amber, blue. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

export interface SavedFill extends CellRef {
  color: string;
  /** Absent when the host cannot tell pattern from colour (ExcelApi below 1.9). */
  pattern?: string;
  patternColor?: string;
}

export interface HighlightRecord {
  cells: SavedFill[];
  /** Sheets skipped because they are protected. */
  skipped: string[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Highlights every cell (the worst severity wins on a cell listed twice); two syncs. */
export async function highlight(
  ctx: XlContext,
  cells: Array<CellRef & { severity: Severity }>,
  opts: { supports?: Supports } = {},
): Promise<HighlightRecord> {
  const withPattern = (opts.supports ?? (() => true))(9);
  const worst = new Map<string, CellRef & { severity: Severity }>();
  for (const c of cells) {
    const k = `${c.sheet}!${c.address}`;
    const prev = worst.get(k);
    if (!prev || RANK[c.severity] > RANK[prev.severity]) worst.set(k, c);
  }
  const list = [...worst.values()];
  const sheetNames = [...new Set(list.map((c) => c.sheet))];
  const sheets = new Map(sheetNames.map((n) => [n, ctx.workbook.worksheets.getItem(n)]));
  for (const ws of sheets.values()) ws.protection.load('protected');
  const fills = list.map((c) => {
    const f = sheets.get(c.sheet)!.getRange(c.address).format.fill;
    f.load(withPattern ? ['color', 'pattern', 'patternColor'] : ['color']);
    return f;
  });
  await ctx.sync();
  const skipped = sheetNames.filter((n) => sheets.get(n)!.protection.protected);
  const saved: SavedFill[] = [];
  list.forEach((c, i) => {
    if (skipped.includes(c.sheet)) return;
    const f = fills[i];
    saved.push({ sheet: c.sheet, address: c.address, color: f.color, ...(withPattern ? { pattern: f.pattern, patternColor: f.patternColor } : {}) });
    f.color = SEVERITY_FILL[c.severity];
  });
  await ctx.sync();
  return { cells: saved, skipped };
}

/** Puts every highlighted cell's fill back as it was; one sync. */
export async function clearHighlight(ctx: XlContext, record: HighlightRecord): Promise<void> {
  const sheets = new Map<string, ReturnType<XlContext['workbook']['worksheets']['getItem']>>();
  for (const c of record.cells) {
    if (!sheets.has(c.sheet)) sheets.set(c.sheet, ctx.workbook.worksheets.getItem(c.sheet));
    restoreFill(sheets.get(c.sheet)!.getRange(c.address).format.fill, c);
  }
  await ctx.sync();
}

function restoreFill(f: XlFill, s: SavedFill): void {
  if (s.pattern === undefined) {
    // Without pattern support Excel reports no fill as white: white means "no fill" here.
    if (s.color.toUpperCase() === '#FFFFFF') f.clear();
    else f.color = s.color;
    return;
  }
  if (s.pattern === 'None') {
    f.clear();
    return;
  }
  f.clear();
  f.color = s.color;
  if (s.pattern !== 'Solid') f.pattern = s.pattern;
  if (s.patternColor && s.patternColor !== 'Automatic') f.patternColor = s.patternColor;
}
