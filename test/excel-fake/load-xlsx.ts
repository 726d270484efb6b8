// Loads an .xlsx file into the double with exceljs: values, cached formula results, merges,
// number formats, fills and sheet protection (Node only; the browser build gets JSON).
import ExcelJS from 'exceljs';
import { FakeModel, cellOrNew } from './model';
import type { FakeCell } from './model';
import { areaOf } from './build';
import { evaluateFormula } from './formula';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export async function loadXlsx(file: string | Buffer): Promise<FakeModel> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  const m = new FakeModel();
  wb.eachSheet((ws) => {
    const s = m.addSheet(ws.name);
    s.protected = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
    if (ws.state === 'hidden') s.visibility = 'Hidden';
    if (ws.state === 'veryHidden') s.visibility = 'VeryHidden';
    for (const mg of (ws.model as { merges?: string[] }).merges ?? []) s.merges.push(areaOf(mg));
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const fc: Partial<FakeCell> = readValue(cell.value);
        const fmt = cell.numFmt;
        if (fmt && fmt !== 'General') fc.numberFormat = fmt;
        const fill = readFill(cell.fill);
        if (fill) fc.fill = fill;
        if (fc.value === undefined && !fc.formula && !fc.error && !fc.numberFormat && !fc.fill) return;
        Object.assign(cellOrNew(s, r - 1, c - 1), { value: null, ...fc });
      });
    });
    // Formulas whose cached result exceljs could not give (it drops a cached 0): Excel would
    // have recalculated them on opening, so the double does too.
    for (const c of s.cells.values()) {
      if (c.formula && c.value === null && !c.error) {
        c.value = evaluateFormula(c.formula, (r, col) => s.cells.get(`${r},${col}`)?.value ?? null) ?? 0;
      }
    }
  });
  if (m.sheets.length === 0) m.addSheet('Лист1');
  return m;
}

function readValue(v: ExcelJS.CellValue): Partial<FakeCell> {
  if (v === null || v === undefined) return {};
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH) / 864e5 };
  if ('error' in v) return { value: null, error: String(v.error) };
  if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as ExcelJS.CellFormulaValue;
    const formula = `=${f.formula ?? ''}`;
    const res = f.result as unknown;
    if (res && typeof res === 'object' && 'error' in res) {
      return { formula, value: null, error: String((res as { error: string }).error) };
    }
    const value = res instanceof Date ? (res.getTime() - EXCEL_EPOCH) / 864e5 : res;
    return { formula, value: value === undefined ? null : (value as FakeCell['value']) };
  }
  if ('text' in v) return { value: String((v as { text: unknown }).text) };
  return { value: String(v) };
}

function readFill(f: ExcelJS.Fill | undefined): FakeCell['fill'] | undefined {
  if (!f || f.type !== 'pattern' || f.pattern === 'none') return undefined;
  const argb = f.fgColor?.argb;
  const color = argb ? `#${argb.slice(-6).toUpperCase()}` : '#D9D9D9';
  const pattern = f.pattern === 'solid' ? 'Solid' : f.pattern[0].toUpperCase() + f.pattern.slice(1);
  return { color, pattern };
}
