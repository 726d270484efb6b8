// Colours issue cells by severity, remembering each cell's fill so it can be put back exactly.
import type { CellRef } from './cell-state';
import type { Supports, XlContext, XlFill } from './xl-types';
import { inChunks, requestCost } from './batch';

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
  /** -1 … 1; 0 is the colour itself (ExcelApi 1.9). */
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface HighlightRecord {
  cells: SavedFill[];
  /** Sheets skipped because they are protected. */
  skipped: string[];
  /** Cells left as they are because their fill could not be put back (a gradient). */
  kept?: CellRef[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const FILL_PROPS = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];
/**
 * "LinearGradient and RectangularGradient are not supported" as values to set (RangeFill.pattern):
 * a gradient could not be put back, so such a cell is not coloured.
 */
const GRADIENTS = ['LinearGradient', 'RectangularGradient'];

type Target = CellRef & { severity: Severity };

/** Per cell: a range, its format and fill (three object paths), one load or a few sets. */
const cellCost = (c: CellRef) => requestCost(3, 5, [c.address, FILL_PROPS]);

/**
 * Highlights every cell (the worst severity wins on a cell listed twice). Reads the fills, then
 * writes the colours, each in as many syncs as the 5 MB request limit needs (two for a few
 * thousand cells).
 */
export async function highlight(ctx: XlContext, cells: Target[], opts: { supports?: Supports } = {}): Promise<HighlightRecord> {
  const withPattern = (opts.supports ?? (() => true))(9);
  const worst = new Map<string, Target>();
  for (const c of cells) {
    const k = `${c.sheet}!${c.address}`;
    const prev = worst.get(k);
    if (!prev || RANK[c.severity] > RANK[prev.severity]) worst.set(k, c);
  }
  const list = [...worst.values()];
  const sheetNames = [...new Set(list.map((c) => c.sheet))];
  let isProtected: Map<string, boolean> | undefined;
  const seen = await inChunks(ctx, list, cellCost, (chunk) => {
    const sheets = new Map(sheetNames.map((n) => [n, ctx.workbook.worksheets.getItem(n)]));
    // Protection travels with the first chunk that goes through.
    const prot = isProtected
      ? undefined
      : [...sheets].map(([n, ws]) => {
          ws.protection.load('protected');
          return [n, ws.protection] as const;
        });
    const fills = chunk.map((c) => {
      const f = sheets.get(c.sheet)!.getRange(c.address).format.fill;
      f.load(withPattern ? FILL_PROPS : ['color']);
      return f;
    });
    return () => {
      if (prot) isProtected = new Map(prot.map(([n, p]) => [n, p.protected]));
      return chunk.map((c, i) => ({ target: c, saved: savedOf(c, fills[i], withPattern) }));
    };
  });
  const skipped = sheetNames.filter((n) => isProtected?.get(n));
  const open = seen.filter((s) => !skipped.includes(s.target.sheet));
  const kept = open.filter((s) => GRADIENTS.includes(s.saved.pattern ?? '')).map((s) => ({ sheet: s.target.sheet, address: s.target.address }));
  const toColour = open.filter((s) => !GRADIENTS.includes(s.saved.pattern ?? ''));
  await inChunks(ctx, toColour, (s) => cellCost(s.target), (chunk) => {
    const sheets = new Map<string, ReturnType<XlContext['workbook']['worksheets']['getItem']>>();
    for (const s of chunk) {
      if (!sheets.has(s.target.sheet)) sheets.set(s.target.sheet, ctx.workbook.worksheets.getItem(s.target.sheet));
      sheets.get(s.target.sheet)!.getRange(s.target.address).format.fill.color = SEVERITY_FILL[s.target.severity];
    }
    return () => [];
  });
  return { cells: toColour.map((s) => s.saved), skipped, ...(kept.length ? { kept } : {}) };
}

function savedOf(c: CellRef, f: XlFill, withPattern: boolean): SavedFill {
  const s: SavedFill = { sheet: c.sheet, address: c.address, color: f.color };
  if (!withPattern) return s;
  return { ...s, pattern: f.pattern, patternColor: f.patternColor, tintAndShade: f.tintAndShade, patternTintAndShade: f.patternTintAndShade };
}

/** Puts every highlighted cell's fill back as it was, in as few syncs as the request limit allows. */
export async function clearHighlight(ctx: XlContext, record: HighlightRecord): Promise<void> {
  await inChunks(ctx, record.cells, cellCost, (chunk) => {
    const sheets = new Map<string, ReturnType<XlContext['workbook']['worksheets']['getItem']>>();
    for (const c of chunk) {
      if (!sheets.has(c.sheet)) sheets.set(c.sheet, ctx.workbook.worksheets.getItem(c.sheet));
      restoreFill(sheets.get(c.sheet)!.getRange(c.address).format.fill, c);
    }
    return () => [];
  });
}

/** Clears, then sets colour before tint (a new colour resets its tint), pattern before its colour. */
function restoreFill(f: XlFill, s: SavedFill): void {
  f.clear();
  if (s.pattern === undefined) {
    // Without pattern support Excel reports no fill as white: white means "no fill" here.
    if (s.color.toUpperCase() !== '#FFFFFF') f.color = s.color;
    return;
  }
  if (s.pattern === 'None') return;
  f.color = s.color;
  if (s.tintAndShade) f.tintAndShade = s.tintAndShade;
  if (s.pattern !== 'Solid') f.pattern = s.pattern;
  if (s.patternColor && s.patternColor !== 'Automatic') f.patternColor = s.patternColor;
  if (s.patternTintAndShade) f.patternTintAndShade = s.patternTintAndShade;
}
