// Report workbooks of about 1 000 000 non-empty cells in shapes that bench/generate.ts does not make,
// to look for the shapes where `report-check check` is slow against an exceljs read:
//   npx tsx bench/unseen.ts OUTDIR [shape...]      (shapes: formulas long side dump styled sheets rich text errors unique)
// Each shape is written with exceljs (`wb.xlsx.writeFile`) to OUTDIR/<shape>.xlsx; one JSON line per
// workbook (cells, sheets) goes to stdout. Built from the seed tables of test/fixtures, each table
// with its own figures (scaled), years (2021–2025) and, now and then, label noise.
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as S from '../test/fixtures/seed-001';
import type { TableFixture } from '../test/fixtures/seed-001';
import { kuzbassTable1, KUZBASS_PROSE, TABLE1_TITLE } from '../test/fixtures/seed-002';
import {
  clean,
  cleanFundMovementValues,
  cleanGridLibraries,
  cleanWithdrawalsValues,
  decoys,
  gridTotalRow,
  labelNoise,
  noisyLabel,
  staffCategoriesByYearRows,
  transpose,
  valueOf,
  withdrawalsWithTotal,
  YEAR_FORMS,
  yearForms,
  yearOf,
} from '../test/fixtures/variants';
import { a1, blockWidth, type Block, type CellSpec } from '../test/fixtures/xlsx-builder';
import { prng } from './generate';

const TARGET = Number(process.env.UNSEEN_CELLS) || 1_000_000;
const K = 20000;

// ---------------------------------------------------------------------------------------------
// Cells and sheets

type Rich = { rich: Array<{ text: string; b?: boolean; i?: boolean }> };
type DateCell = { date: Date; fmt?: string };
type Cell = CellSpec | Rich | DateCell;

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

class Sh {
  cells = new Map<number, Cell>();
  style = new Map<number, string>();
  merges: Array<[number, number, number, number]> = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  widths = new Map<number, number>();
  row = 0;
  n = 0;
  constructor(public name: string) {}
  set(r: number, c: number, v: Cell | undefined, style?: string): void {
    const k = r * K + c;
    if (style) this.style.set(k, style);
    if (v === null || v === undefined) return;
    if (!this.cells.has(k)) this.n++;
    this.cells.set(k, v);
  }
  num(r: number, c: number): number {
    return valueOf(this.cells.get(r * K + c) as CellSpec) ?? 0;
  }
  text(s: string | Rich, c = 0): this {
    this.set(this.row++, c, s);
    return this;
  }
  gap(n = 1): this {
    this.row += n;
    return this;
  }
  /** Places a table's block at (r, c); with `styled`, every cell of its rectangle gets a style. */
  put(t: TableFixture | Block, r: number, c: number, styled = false): { r: number; c: number; h: number; w: number } {
    const tf = 'block' in t ? t : undefined;
    const b = 'block' in t ? t.block : t;
    const h = b.rows.length;
    const w = blockWidth(b);
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        const v = b.rows[i][j];
        let st: string | undefined;
        if (styled) {
          const head = tf ? i < tf.headerRows || j < tf.labelCols : i === 0;
          st = head || typeof v === 'string' ? (i < (tf?.headerRows ?? 1) ? 'hdr' : 'label') : dataStyle(v);
        }
        this.set(r + i, c + j, v ?? null, st);
      }
    for (const [t0, l, bt, rt] of b.merges ?? []) if (t0 !== bt || l !== rt) this.merges.push([r + t0, c + l, r + bt, c + rt]);
    return { r, c, h, w };
  }
  /** A table below the cursor, with its title line, and a blank row after it. */
  table(t: TableFixture, title?: string, col = 0, styled = false): { r: number; c: number; h: number; w: number } {
    if (title) this.set(this.row++, col, title, styled ? 'title' : undefined);
    const p = this.put(t, this.row, col, styled);
    this.row += p.h + 1;
    return p;
  }
}

function dataStyle(v: CellSpec | undefined): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'dec1';
  if (v && typeof v === 'object') {
    const n = v.formula !== undefined ? v.result : v.v;
    if (typeof n === 'number' && !Number.isInteger(n)) return 'dec1';
  }
  return 'int';
}

// ---------------------------------------------------------------------------------------------
// Variation of the seed tables

const DISTRICTS = [
  'Асиновская', 'Бакчарская', 'Верхнекетская', 'Зырянская', 'Каргасокская', 'Кожевниковская', 'Колпашевская',
  'Кривошеинская', 'Молчановская', 'Парабельская', 'Первомайская', 'Тегульдетская', 'Томская районная', 'Чаинская',
  'Шегарская', 'Беловская', 'Гурьевская', 'Ижморская', 'Крапивинская', 'Мариинская', 'Промышленновская', 'Тисульская',
  'Топкинская', 'Юргинская', 'Яйская', 'Яшкинская', 'Таштагольская', 'Чебулинская',
];
const PLACES = [
  'с. Батурино', 'с. Ново-Кусково', 'с. Филимоновка', 'п. Большой Кордон', 'с. Новониколаевка', 'с. Минаевка',
  'с. Казанка', 'с. Новиковка', 'с. Ягодное', 'д. Мало-Жирово', 'с. Больше-Дорохово', 'с. Цветковка', 'д. Гарь',
  'п. Светлый', 'п. Причулымский', 'с. Подгорное', 'с. Мельниково', 'п. Белый Яр', 'с. Парабель', 'с. Тегульдет',
  'д. Осиновка', 'с. Зоркальцево', 'п. Орловка', 'с. Кожевниково', 'г. Колпашево', 'г. Мариинск', 'г. Юрга',
];
const ruGroup = (n: number, sep = ' '): string => {
  const [i, f] = String(Math.abs(n)).split('.');
  return (n < 0 ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (f !== undefined ? ',' + f : '');
};

function isYear(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100;
}

/** Same table, its years moved by `dy` (2021–2023 → up to 2023–2025) in header and label cells. */
function shiftYears(t: TableFixture, dy: number): TableFixture {
  if (!dy) return t;
  const rows = t.block.rows.map((row, r) =>
    row.map((v, c): CellSpec => {
      if (!(r < t.headerRows || c < t.labelCols)) return v;
      if (typeof v === 'string') return v.replace(/20(1[5-9]|2\d)/g, (y) => String(Number(y) + dy));
      if (isYear(v)) return (v as number) + dy;
      return v;
    }),
  );
  return { ...t, block: { ...t.block, rows } };
}

/** Whole numbers of the data region multiplied by `f` (sums, balances and shares still hold). */
function scale(t: TableFixture, f: number): TableFixture {
  if (f === 1 || t.kind === 'model-standard-grid') return t;
  const rows = t.block.rows.map((row, r) =>
    row.map((v, c): CellSpec => {
      if (r < t.headerRows || c < t.labelCols) return v;
      if (typeof v === 'number' && Number.isInteger(v) && !isYear(v)) return v * f;
      if (v && typeof v === 'object' && typeof v.v === 'number' && Number.isInteger(v.v) && v.formula === undefined) return { ...v, v: v.v * f };
      return v;
    }),
  );
  return { ...t, block: { ...t.block, rows } };
}

function vary(t: TableFixture, rnd: () => number, dy: number, f = 1 + Math.floor(rnd() * 6)): TableFixture {
  let out = shiftYears(scale(t, f), dy);
  if (rnd() < 0.35) out = labelNoise(out, Math.floor(rnd() * 6));
  return out;
}

/** A Model Standard grid of `n` libraries of one system (names from PLACES), totals recomputed. */
function gridOf(rnd: () => number, n: number, town: string): TableFixture {
  const base = cleanGridLibraries();
  const libs: CellSpec[][] = [];
  for (let i = 0; i < n; i++) {
    const row = [...base[Math.floor(rnd() * base.length)]];
    row[0] = `${i + 1}.`;
    row[1] = i === 0 ? `Центральная районная библиотека, ${town}` : i === 1 ? `Детская библиотека, ${town}` : `Библиотека-филиал № ${i - 1}, ${pick(rnd, PLACES)}`;
    libs.push(row);
  }
  return S.modelStandardGridTable(libs, gridTotalRow(libs));
}

type Entry = { text: string } | { t: TableFixture; title?: string } | { beside: TableFixture[] };

/** One library system's report, as a list of prose lines and tables in the report's order. */
function systemReport(rnd: () => number, k: number): Entry[] {
  const dy = Math.floor(rnd() * 3);
  const d = DISTRICTS[k % DISTRICTS.length];
  const town = pick(rnd, PLACES);
  const Y = (s: string) => s.replace(/20(1[5-9]|2\d)/g, (y) => String(Number(y) + dy));
  const f = 1 + Math.floor(rnd() * 6); // one system, one scale: its tables agree with each other
  const v = (t: TableFixture) => vary(t, rnd, dy, f);
  return [
    { text: `${d} централизованная библиотечная система. Информационный отчёт за ${2023 + dy} год` },
    { text: '3. Библиотечная сеть' },
    { t: v(S.libraryNetwork), title: S.NETWORK_TITLE },
    { text: S.PROSE.networkKinds },
    { t: v(S.libraryNetworkKinds) },
    { t: gridOf(rnd, 8 + Math.floor(rnd() * 14), town), title: S.GRID_TITLE },
    { text: Y(S.PROSE.grid) },
    { t: v(S.basicIndicators), title: S.BASIC_INDICATORS_TITLE },
    { text: Y(S.PROSE.basic) },
    { t: v(S.visitsPlan), title: S.VISITS_PLAN_TITLE },
    { t: v(S.relativeIndicators), title: S.RELATIVE_INDICATORS_TITLE },
    { text: S.PROSE.relative },
    { t: v(clean.fundMovement), title: S.FUND_MOVEMENT_TITLE },
    { t: v(clean.fundReceipts), title: S.FUND_RECEIPTS_TITLE },
    { t: v(withdrawalsWithTotal(cleanWithdrawalsValues(), 'correct')), title: S.FUND_WITHDRAWALS_TITLE },
    { text: S.PROSE.withdrawals },
    { beside: [scale(S.fundComposition(2021), f), scale(S.fundComposition(2022), f), scale(S.fundComposition(2023), f)].map((t) => ({ ...t, title: String(Number(t.title) + dy) })) },
    { t: v(yearForms(S.fundIndicators, [YEAR_FORMS['YYYY'], YEAR_FORMS['YYYYг.'], YEAR_FORMS['YYYY г.']])), title: S.FUND_INDICATORS_TITLE },
    { text: S.PROSE.staffSection },
    { t: v(k % 2 ? clean.staffCategories : staffCategoriesByYearRows()), title: S.STAFF_TITLE },
    { t: v(clean.staffRates), title: S.STAFF_RATES_TITLE },
    { t: v(clean.staffEducation), title: S.STAFF_EDUCATION_TITLE },
    { t: v(clean.staffTenure), title: S.STAFF_TENURE_TITLE },
    { t: v(clean.staffAge), title: S.STAFF_AGE_TITLE },
    { text: Y(S.PROSE.staffAge) },
    { t: kuzbassTable1, title: TABLE1_TITLE },
    { text: KUZBASS_PROSE[4] },
  ];
}

function tablesOf(entries: Entry[]): TableFixture[] {
  const out: TableFixture[] = [];
  for (const e of entries) if ('t' in e) out.push(e.t);
  else if ('beside' in e) out.push(...e.beside);
  return out;
}

/** Places entries down the sheet from its cursor. */
function stack(sh: Sh, entries: Entry[], col = 0, styled = false): void {
  for (const e of entries) {
    if ('text' in e) sh.text(e.text, col);
    else if ('t' in e) sh.table(e.t, e.title, col, styled);
    else {
      let c = col;
      let h = 0;
      for (const t of e.beside) {
        if (t.title) sh.set(sh.row, c, t.title, styled ? 'title' : undefined);
        const p = sh.put(t, sh.row + 1, c, styled);
        h = Math.max(h, p.h + 1);
        c += p.w + 2;
      }
      sh.row += h + 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = { name: 'Times New Roman', size: 12 };
const STYLES: Record<string, Partial<ExcelJS.Style>> = {
  hdr: {
    font: { ...FONT, bold: true },
    border: BORDER,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  label: { font: FONT, border: BORDER, alignment: { vertical: 'top', wrapText: true } },
  int: { font: FONT, border: BORDER, numFmt: '#,##0', alignment: { horizontal: 'right' } },
  dec1: { font: FONT, border: BORDER, numFmt: '0.0' },
  title: { font: { ...FONT, bold: true, size: 13 }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } },
  prose: { font: { ...FONT, italic: true }, alignment: { wrapText: true, vertical: 'top' } },
  date: { font: FONT, border: BORDER, numFmt: 'dd.mm.yyyy' },
};
const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function styleOf(name: string, numFmt?: string): Partial<ExcelJS.Style> {
  const key = numFmt ? `${name}|${numFmt}` : name;
  let s = styleCache.get(key);
  if (!s) {
    s = numFmt ? { ...STYLES[name], numFmt } : STYLES[name];
    styleCache.set(key, s);
  }
  return s;
}
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

async function writeBook(file: string, sheets: Sh[]): Promise<{ cells: number; sheets: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Методический отдел';
  const fixed = new Date(Date.UTC(2024, 1, 10, 9, 0, 0));
  wb.created = fixed;
  wb.modified = fixed;
  let cells = 0;
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    const keys = new Set<number>([...sh.cells.keys(), ...sh.style.keys()]);
    for (const k of keys) {
      const r = Math.floor(k / K);
      const c = k % K;
      const v = sh.cells.get(k);
      const st = sh.style.get(k);
      const cell = ws.getCell(r + 1, c + 1);
      let numFmt: string | undefined;
      if (v === undefined || v === null) {
        // a styled empty cell
      } else if (typeof v === 'string' || typeof v === 'number') {
        cell.value = v;
      } else if ('rich' in v) {
        cell.value = { richText: v.rich.map((p) => (p.b ? { text: p.text, font: { ...FONT, bold: true } } : p.i ? { text: p.text, font: { ...FONT, italic: true } } : { text: p.text })) };
      } else if ('date' in v) {
        cell.value = v.date;
        numFmt = v.fmt ?? 'dd.mm.yyyy';
      } else {
        if (v.formula !== undefined) {
          const f = v.formula.startsWith('=') ? v.formula.slice(1) : v.formula;
          cell.value = (v.result !== undefined ? { formula: f, result: v.result } : { formula: f }) as ExcelJS.CellFormulaValue;
        } else if (v.v !== null) cell.value = v.v;
        numFmt = v.numFmt;
      }
      if (st) cell.style = styleOf(st, numFmt) as ExcelJS.Style;
      else if (numFmt) cell.numFmt = numFmt;
      else if (typeof v === 'string' && v.includes('\n')) cell.alignment = WRAP;
      if (v !== undefined && v !== null) cells++;
    }
    // exceljs checks each new merge against all earlier ones (quadratic on a long sheet); the
    // merges here do not overlap (checked at small sizes), so each is made against an empty index.
    const index = ws as unknown as { _merges: Record<string, unknown> };
    const merged: Record<string, unknown> = {};
    for (const [t, l, b, r] of sh.merges) {
      index._merges = {};
      ws.mergeCells(t + 1, l + 1, b + 1, r + 1);
      Object.assign(merged, index._merges);
    }
    index._merges = merged;
    for (const r of sh.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const c of sh.hiddenCols) ws.getColumn(c + 1).hidden = true;
    ws.getColumn(1).width = 42;
    for (const [c, w] of sh.widths) ws.getColumn(c + 1).width = w;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return { cells, sheets: sheets.length };
}

const total = (sheets: Sh[]): number => sheets.reduce((a, s) => a + s.n, 0);

// ---------------------------------------------------------------------------------------------
// a. formulas: totals, balances, shares and indicators as formulas with cached results; every
// system on two sheets (fund + staff, service) that refer to each other; system totals summing the
// branches; a regional summary of cross-sheet sums.

const q = (sheet: string) => `'${sheet}'!`;
const fx = (formula: string, result: number, numFmt?: string): CellSpec => ({ v: null, formula, result, numFmt });

function shapeFormulas(): Sh[] {
  const rnd = prng(101);
  const sheets: Sh[] = [];
  const systemTotals: Array<{ sheet: string; at: [number, number] }> = [];
  for (let s = 0; total(sheets) < TARGET; s++) {
    const F = new Sh(`Фонд ${s + 1}`);
    const O = new Sh(`Обслуживание ${s + 1}`);
    const dy = Math.floor(rnd() * 3);
    const yr = (i: number) => 2021 + dy + i;
    F.text(`${DISTRICTS[s % DISTRICTS.length]} ЦБС: фонды и кадры, ${yr(2)} год`).gap();
    O.text(`${DISTRICTS[s % DISTRICTS.length]} ЦБС: обслуживание, ${yr(2)} год`).gap();
    const movementAt: Array<[number, number]> = [];
    const wdTotalsAt: Array<[number, number]> = [];
    for (let b = 0; b < 20; b++) {
      const f = 0.2 + rnd() * 1.5;
      const sc = (x: number) => Math.max(0, Math.round(x * f));
      const lib = b === 0 ? 'Центральная районная библиотека' : `Библиотека-филиал № ${b}, ${pick(rnd, PLACES)}`;
      F.text(lib);
      O.text(lib);
      // 5.3.1 receipts
      const rv = S.FUND_RECEIPTS_VALUES;
      const rec = shiftYears(S.fundReceiptsTable({ total: rv.total.map(sc), books: rv.books.map(sc), newspapers: rv.newspapers.map(sc), journals: rv.journals.map(sc) }), dy);
      const pr = F.table(rec, S.FUND_RECEIPTS_TITLE);
      const rd = pr.r + 3;
      for (let y = 0; y < 3; y++) {
        const c = pr.c + y;
        const parts = [3, 6, 9].map((o) => F.num(rd, o + y));
        F.set(rd, c, fx(`SUM(${a1(rd, 3 + y)},${a1(rd, 6 + y)},${a1(rd, 9 + y)})+${sc(300)}`, parts.reduce((a, x) => a + x, 0) + sc(300)));
      }
      // 5.3.2 withdrawals with a Всего row of sums
      const wv = cleanWithdrawalsValues().map((r) => r.map(sc));
      const wt = shiftYears(withdrawalsWithTotal(wv, 'correct'), dy);
      const pw = F.table(wt, S.FUND_WITHDRAWALS_TITLE);
      const last = pw.r + pw.h - 1;
      for (let y = 1; y <= 3; y++) {
        let sum = 0;
        for (let r = pw.r + 2; r < last; r++) sum += F.num(r, y);
        F.set(last, y, fx(`SUM(${a1(pw.r + 2, y)}:${a1(last - 1, y)})`, sum));
      }
      wdTotalsAt.push([last, 1]);
      // 5.3 movement: start = kinds; received = receipts; withdrawn = withdrawals; end = balance
      const mv = cleanFundMovementValues().map((r) => r.map(sc));
      const pm = F.table(shiftYears(S.fundMovementTable(mv, 'Показатели (2023)'), dy), S.FUND_MOVEMENT_TITLE);
      const R = (i: number) => pm.r + 1 + i;
      F.set(R(0), 1, fx(`${a1(R(0), 2)}+${a1(R(0), 3)}+${a1(R(0), 4)}`, F.num(R(0), 2) + F.num(R(0), 3) + F.num(R(0), 4)));
      F.set(R(1), 1, fx(a1(rd, 2), F.num(rd, 2)));
      F.set(R(1), 2, fx(a1(rd, 5), F.num(rd, 5)));
      F.set(R(1), 3, fx(`${a1(rd, 8)}+${a1(rd, 11)}`, F.num(rd, 8) + F.num(rd, 11)));
      F.set(R(2), 1, fx(a1(last, 3), F.num(last, 3)));
      for (let c = 1; c <= 4; c++) F.set(R(3), c, fx(`${a1(R(0), c)}+${a1(R(1), c)}-${a1(R(2), c)}`, F.num(R(0), c) + F.num(R(1), c) - F.num(R(2), c)));
      movementAt.push([pm.r, 0]);
      // 5.1.1 composition, three years side by side: Всего and % as formulas
      F.text(S.FUND_COMPOSITION_TITLE);
      const top = F.row;
      const fundAt: Array<[number, number]> = [];
      for (let y = 0; y < 3; y++) {
        const t = S.fundComposition((2021 + y) as 2021 | 2022 | 2023);
        const c0 = y * 5;
        F.set(top, c0, String(yr(y)));
        const p = F.put(scale(t, 1), top + 1, c0);
        const n = p.h - 2;
        const totR = p.r + p.h - 1;
        let sum = 0;
        for (let i = 1; i <= n; i++) {
          const cnt = sc(F.num(p.r + i, c0 + 1));
          F.set(p.r + i, c0 + 1, cnt);
          sum += cnt;
        }
        F.set(totR, c0 + 1, fx(`SUM(${a1(p.r + 1, c0 + 1)}:${a1(totR - 1, c0 + 1)})`, sum));
        const dec = y === 0 ? 1 : 2;
        for (let i = 1; i <= n; i++) {
          const cell = a1(p.r + i, c0 + 1);
          const abs = a1(totR, c0 + 1).replace(/(\d+)$/, '$$$1');
          F.set(p.r + i, c0 + 2, fx(`ROUND(${cell}/${abs}*100,${dec})`, round((F.num(p.r + i, c0 + 1) / sum) * 100, dec), dec === 1 ? '0.0' : '0.00'));
        }
        fundAt.push([totR, c0 + 1]);
      }
      F.row = top + 12;
      // 11.2 staff: totals as formulas
      const sv = clean.staffCategories.block.rows[3].map((x) => x as number);
      const pc = F.table(shiftYears(clean.staffCategories, dy), S.STAFF_TITLE);
      const cr = pc.r + 3;
      for (let y = 0; y < 3; y++) F.set(cr, y, fx(`${a1(cr, 3 + y)}+${a1(cr, 6 + y)}+${a1(cr, 9 + y)}`, sv[3 + y] + sv[6 + y] + sv[9 + y]));
      const coreCell = a1(cr, 8);
      for (const [t, title] of [
        [clean.staffRates, S.STAFF_RATES_TITLE],
        [clean.staffTenure, S.STAFF_TENURE_TITLE],
        [clean.staffAge, S.STAFF_AGE_TITLE],
      ] as Array<[TableFixture, string]>) {
        const p = F.table(t, title);
        const r = p.r + 2;
        let sum = 0;
        for (let c = 1; c < p.w; c++) sum += F.num(r, c);
        F.set(r, 0, fx(`SUM(${a1(r, 1)}:${a1(r, p.w - 1)})`, sum));
      }
      const pe = F.table(clean.staffEducation, S.STAFF_EDUCATION_TITLE);
      F.set(pe.r + 3, 0, fx(coreCell, sv[8]));

      // 4.3 basic indicators on the service sheet: totals as sums of their parts
      const bi = scale(shiftYears(S.basicIndicators, dy), 1);
      const pb = O.table(bi, S.BASIC_INDICATORS_TITLE);
      const row = (i: number) => pb.r + i;
      for (let y = 1; y <= 3; y++) {
        for (const i of [2, 3, 5, 6, 8, 9, 10, 12, 13, 14]) O.set(row(i), y, sc(O.num(row(i), y)));
        O.set(row(1), y, fx(`${a1(row(2), y)}+${a1(row(3), y)}`, O.num(row(2), y) + O.num(row(3), y)));
        O.set(row(4), y, fx(`${a1(row(5), y)}+${a1(row(6), y)}`, O.num(row(5), y) + O.num(row(6), y)));
        O.set(row(7), y, fx(`${a1(row(8), y)}+${a1(row(9), y)}`, O.num(row(8), y) + O.num(row(9), y)));
      }
      // 4.4 visits plan: achieved = visits + website requests; +/- = achieved − plan
      const pv = O.table(shiftYears(S.visitsPlan, dy), S.VISITS_PLAN_TITLE);
      const vr = pv.r + 3;
      for (let y = 0; y < 3; y++) {
        const ach = O.num(row(4), y + 1) + O.num(row(9), y + 1);
        const plan = Math.round(ach * (0.9 + rnd() * 0.15));
        O.set(vr, y * 3, plan);
        O.set(vr, y * 3 + 1, fx(`${a1(row(4), y + 1)}+${a1(row(9), y + 1)}`, ach));
        O.set(vr, y * 3 + 2, fx(`${a1(vr, y * 3 + 1)}-${a1(vr, y * 3)}`, ach - plan));
      }
      // 4.5 relative indicators: from 4.3 and the fund on the other sheet
      const pri = O.table(shiftYears(S.relativeIndicators, dy), S.RELATIVE_INDICATORS_TITLE);
      for (let y = 0; y < 3; y++) {
        const users = a1(row(1), y + 1);
        const loans = a1(row(10), y + 1);
        const visits = a1(row(4), y + 1);
        const fund = q(F.name) + a1(...fundAt[y]);
        const U = O.num(row(1), y + 1);
        const L = O.num(row(10), y + 1);
        const V = O.num(row(4), y + 1);
        const FU = F.num(...fundAt[y]);
        O.set(pri.r + 2, y, fx(`ROUND(${loans}/${users},1)`, round(L / U, 1), '0.0'));
        O.set(pri.r + 2, y + 3, fx(`ROUND(${visits}/${users},1)`, round(V / U, 1), '0.0'));
        O.set(pri.r + 4, y, fx(`ROUND(${loans}/${fund},1)`, round(L / FU, 1), '0.0'));
        O.set(pri.r + 4, y + 3, fx(`ROUND(${fund}/${users},1)`, round(FU / U, 1), '0.0'));
      }
      // 5.4 fund indicators on the fund sheet: loans and users from the service sheet
      const pf = F.table(shiftYears(S.fundIndicators, dy), S.FUND_INDICATORS_TITLE);
      for (let y = 0; y < 3; y++) {
        const users = q(O.name) + a1(row(1), y + 1);
        const loans = q(O.name) + a1(row(10), y + 1);
        const fund = a1(...fundAt[y]);
        const U = O.num(row(1), y + 1);
        const L = O.num(row(10), y + 1);
        const FU = F.num(...fundAt[y]);
        const recv = F.num(rd, y);
        const wd = F.num(last, y + 1);
        F.set(pf.r + 2, y + 1, fx(`ROUND(${loans}/${fund},1)`, round(L / FU, 1), '0.0'));
        F.set(pf.r + 3, y + 1, fx(`ROUND(${loans}/${users},1)`, round(L / U, 1), '0.0'));
        F.set(pf.r + 4, y + 1, fx(`ROUND(${fund}/${users},1)`, round(FU / U, 1), '0.0'));
        F.set(pf.r + 5, y + 1, fx(`ROUND((${a1(rd, y)}-${a1(last, y + 1)})/${fund}*100,2)`, round(((recv - wd) / FU) * 100, 2), '0.00'));
      }
      F.gap();
      O.gap();
    }
    // System totals: every cell the sum of the branches' cells
    F.text(`Итого по ${DISTRICTS[s % DISTRICTS.length]} ЦБС`);
    const pt = F.table(shiftYears(S.fundMovementTable(cleanFundMovementValues(), 'Показатели (2023)'), dy), S.FUND_MOVEMENT_TITLE);
    for (let i = 1; i <= 4; i++)
      for (let c = 1; c <= 4; c++) {
        const refs = movementAt.map(([r]) => a1(r + i, c));
        F.set(pt.r + i, c, fx(refs.join('+'), movementAt.reduce((a, [r]) => a + F.num(r + i, c), 0)));
      }
    systemTotals.push({ sheet: F.name, at: [pt.r, pt.c] });
    sheets.push(F, O);
  }
  // Regional summary: cross-sheet sums of the systems' totals
  const R = new Sh('Свод по области');
  R.text('Сводные данные по муниципальным библиотекам области').gap();
  const p = R.table(S.fundMovementTable(cleanFundMovementValues(), 'Показатели (2023)'), S.FUND_MOVEMENT_TITLE);
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (let i = 1; i <= 4; i++)
    for (let c = 1; c <= 4; c++) {
      const f = systemTotals.map(({ sheet, at }) => q(sheet) + a1(at[0] + i, c)).join('+');
      const v = systemTotals.reduce((a, { sheet, at }) => a + byName.get(sheet)!.num(at[0] + i, c), 0);
      R.set(p.r + i, c, fx(f, v));
    }
  // one row per system: its totals by cross-sheet references
  R.gap().text('Движение фонда по системам');
  const hdr = R.row++;
  ['ЦБС', 'Состояло на начало года', 'Поступило за год', 'Выбыло за год', 'Состоит на конец года'].forEach((h, c) => R.set(hdr, c, h));
  for (const { sheet, at } of systemTotals) {
    const r = R.row++;
    R.set(r, 0, sheet);
    for (let i = 1; i <= 4; i++) R.set(r, i, fx(q(sheet) + a1(at[0] + i, 1), byName.get(sheet)!.num(at[0] + i, 1)));
  }
  return [R, ...sheets];
}

// ---------------------------------------------------------------------------------------------
// b. one long sheet: every system's whole report stacked down a single sheet

function shapeLong(): Sh[] {
  const rnd = prng(202);
  const title = new Sh('Титульный лист');
  title.text('Информационный отчёт о деятельности муниципальных библиотек области').text('Составитель: методический отдел ОУНБ');
  const sh = new Sh('Отчёт');
  for (let k = 0; sh.n + title.n < TARGET; k++) {
    stack(sh, systemReport(rnd, k));
    sh.gap(2);
  }
  return [title, sh];
}

// ---------------------------------------------------------------------------------------------
// c. side by side: several tables on the same rows, one empty column between them; on other
// sheets each system in its own column band (its tables stacked), bands one column apart

function shapeSide(): Sh[] {
  const rnd = prng(303);
  const sheets: Sh[] = [];
  for (let s = 0; total(sheets) < TARGET; s++) {
    const sh = new Sh(`Свод ${s + 1}`);
    if (s % 2 === 0) {
      // rows of tables
      for (let band = 0; band < 40; band++) {
        const ts = tablesOf(systemReport(rnd, s * 40 + band)).filter((t) => t.kind !== 'model-standard-grid' && t.kind !== 'dynamics');
        const chosen: TableFixture[] = [];
        for (let i = 0; i < 6; i++) chosen.push(ts[Math.floor(rnd() * ts.length)]);
        let c = 0;
        let h = 0;
        for (const t of chosen) {
          if (t.title) sh.set(sh.row, c, t.title);
          const p = sh.put(t, sh.row + 1, c);
          h = Math.max(h, p.h + 1);
          c += p.w + 1;
        }
        sh.row += h + 1;
      }
    } else {
      // column bands: ten systems across
      let c = 0;
      let bottom = 0;
      for (let band = 0; band < 10; band++) {
        const entries = systemReport(rnd, s * 10 + band).filter((e) => !('t' in e) || e.t.kind !== 'model-standard-grid');
        const ts = tablesOf(entries);
        let w = 0;
        sh.row = 0;
        sh.set(sh.row++, c, `${DISTRICTS[(s * 10 + band) % DISTRICTS.length]} ЦБС`);
        for (const t of ts) {
          const p = sh.put(t, sh.row, c);
          sh.row += p.h + 1;
          w = Math.max(w, p.w);
        }
        bottom = Math.max(bottom, sh.row);
        c += w + 1;
      }
      sh.row = bottom;
    }
    sheets.push(sh);
  }
  return sheets;
}

// ---------------------------------------------------------------------------------------------
// d. a large non-report data dump (catalogue, reader register) beside a few real report tables

const AUTHORS = ['Пушкин А. С.', 'Толстой Л. Н.', 'Достоевский Ф. М.', 'Чехов А. П.', 'Булгаков М. А.', 'Распутин В. Г.', 'Астафьев В. П.', 'Шукшин В. М.', 'Улицкая Л. Е.', 'Водолазкин Е. Г.', 'Яхина Г. Ш.', 'Пелевин В. О.', 'Носов Н. Н.', 'Успенский Э. Н.', 'Барто А. Л.'];
const TITLES = ['Избранное', 'Повести и рассказы', 'Стихотворения', 'Роман', 'Собрание сочинений. Т.', 'Сказки', 'Энциклопедия для детей', 'История Сибири', 'Краеведческий сборник', 'Справочник садовода', 'Атлас Томской области', 'Хрестоматия'];
const PUBL = ['М.: Эксмо', 'М.: АСТ', 'СПб.: Азбука', 'М.: Просвещение', 'Томск: Изд-во ТГУ', 'М.: Росмэн', 'Новосибирск: Наука', 'Кемерово: Кузбассвузиздат'];
const BBK = ['84(2Рос=Рус)6', '84(2Рос=Рус)1', '63.3(2Рос-4Томс)', '26.89', '74.200', '42.3', '85.1', '84(2Рос=Рус)6-44', '81.2Рус', '32.973'];
const PLACE = ['ЦБ, абонемент', 'ЦБ, читальный зал', 'Детская библиотека', 'Филиал № 3', 'Филиал № 7', 'Краеведческий отдел', 'Книгохранение'];

function shapeDump(): Sh[] {
  const rnd = prng(404);
  const cat = new Sh('Каталог');
  const head = ['Инв. №', 'Автор', 'Заглавие', 'Год издания', 'Издательство', 'ББК', 'Цена, руб.', 'Дата поступления', 'Кол-во экз.', 'Место хранения'];
  head.forEach((h, c) => cat.set(0, c, h));
  const N = 62000;
  for (let i = 1; i <= N; i++) {
    const year = 1960 + Math.floor(rnd() * 66);
    cat.set(i, 0, 100000 + i);
    cat.set(i, 1, pick(rnd, AUTHORS));
    cat.set(i, 2, `${pick(rnd, TITLES)} ${1 + Math.floor(rnd() * 12)}`);
    cat.set(i, 3, year);
    cat.set(i, 4, pick(rnd, PUBL));
    cat.set(i, 5, pick(rnd, BBK));
    cat.set(i, 6, { v: round(50 + rnd() * 950, 2), numFmt: '#,##0.00' });
    cat.set(i, 7, { date: new Date(Date.UTC(Math.max(year, 1995) + Math.floor(rnd() * 3), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))) });
    cat.set(i, 8, 1 + Math.floor(rnd() * 5));
    cat.set(i, 9, pick(rnd, PLACE));
  }
  cat.set(N + 1, 0, 'Итого');
  cat.set(N + 1, 8, fx(`SUM(I2:I${N + 1})`, Array.from({ length: N }, (_, i) => cat.num(i + 1, 8)).reduce((a, b) => a + b, 0)));
  // two real tables beside the catalogue
  cat.set(0, 12, S.FUND_MOVEMENT_TITLE);
  cat.put(vary(clean.fundMovement, rnd, 0), 1, 12);
  cat.set(8, 12, S.FUND_WITHDRAWALS_TITLE);
  cat.put(vary(withdrawalsWithTotal(cleanWithdrawalsValues(), 'correct'), rnd, 0), 9, 12);

  const rd = new Sh('Читатели');
  const rh = ['№ чит. билета', 'Фамилия И. О.', 'Дата рождения', 'Категория', 'Дата записи', 'Перерегистрация', 'Посещений за год', 'Выдано документов', 'Филиал'];
  rh.forEach((h, c) => rd.set(0, c, h));
  const cats = ['Дошкольники', 'Учащиеся 1-4 кл.', 'Учащиеся 5-9 кл.', 'Студенты', 'Специалисты', 'Пенсионеры', 'Рабочие', 'Прочие'];
  for (let i = 1; rd.n + cat.n < TARGET - 3000; i++) {
    rd.set(i, 0, `Ч-${String(i).padStart(6, '0')}`);
    rd.set(i, 1, `${pick(rnd, ['Иванова', 'Петров', 'Сидорова', 'Кузнецов', 'Смирнова', 'Попов', 'Васильева', 'Новиков'])} ${pick(rnd, 'АБВГДЕИКЛМНОПС'.split(''))}. ${pick(rnd, 'АВГДИМНПС'.split(''))}.`);
    rd.set(i, 2, { date: new Date(Date.UTC(1940 + Math.floor(rnd() * 80), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))) });
    rd.set(i, 3, pick(rnd, cats));
    rd.set(i, 4, { date: new Date(Date.UTC(2015 + Math.floor(rnd() * 9), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))) });
    rd.set(i, 5, rnd() < 0.6 ? 'да' : 'нет');
    rd.set(i, 6, Math.floor(rnd() * 60));
    rd.set(i, 7, Math.floor(rnd() * 120));
    rd.set(i, 8, pick(rnd, PLACE));
  }
  const rep = new Sh('Отчёт');
  stack(rep, systemReport(rnd, 3));
  return [rep, cat, rd];
}

// ---------------------------------------------------------------------------------------------
// e. heavy styling: fonts, borders, fills, number formats (#,##0, 0.0, 0.0 %, dates) on every
// cell of every table, empty ones included; shares as fractions with a percent format

function percentComposition(t: TableFixture): TableFixture {
  const rows = t.block.rows.map((row, r) =>
    row.map((v, c): CellSpec => {
      if (r === 0 || c !== 2) return v;
      const n = valueOf(v);
      if (n === undefined) return v;
      const dec = typeof v === 'object' && v && v.numFmt === '0.0' ? 1 : 2;
      return { v: round(n / 100, dec + 2), numFmt: dec === 1 ? '0.0%' : '0.00%' };
    }),
  );
  return { ...t, block: { ...t.block, rows } };
}

function shapeStyled(): Sh[] {
  const rnd = prng(505);
  const sheets: Sh[] = [];
  for (let s = 0; total(sheets) < TARGET; s++) {
    const sh = new Sh(`${DISTRICTS[s % DISTRICTS.length].slice(0, 20)} ${s + 1}`);
    for (let k = 0; k < 8; k++) {
      const entries = systemReport(rnd, s * 8 + k).map((e): Entry => ('beside' in e ? { beside: e.beside.map(percentComposition) } : e));
      sh.set(sh.row++, 0, 'Дата представления отчёта', 'label');
      sh.set(sh.row - 1, 1, { date: new Date(Date.UTC(2024, 0, 10 + Math.floor(rnd() * 20))) }, 'date');
      for (const e of entries) {
        if ('text' in e) sh.set(sh.row++, 0, e.text, 'prose');
        else stack(sh, [e], 0, true);
      }
      sh.gap(2);
    }
    for (let c = 1; c < 28; c++) sh.widths.set(c, 11);
    sheets.push(sh);
  }
  return sheets;
}

// ---------------------------------------------------------------------------------------------
// f. 1000+ small sheets: one library's one or two tables per sheet

function shapeSheets(): Sh[] {
  const rnd = prng(606);
  const sheets: Sh[] = [];
  let pool: TableFixture[] = [];
  let k = 0;
  for (let s = 0; total(sheets) < TARGET; s++) {
    const sh = new Sh(`${s % 2 ? 'Ф' : 'МС'}-${s + 1}`);
    sh.text(`${pick(rnd, DISTRICTS)} ЦБС, ${pick(rnd, PLACES)}`).gap();
    if (s % 2 === 0) {
      sh.table(gridOf(rnd, 15 + Math.floor(rnd() * 20), pick(rnd, PLACES)), S.GRID_TITLE);
      sh.text(S.PROSE.grid);
    } else {
      for (let i = 0; i < 2; i++) {
        if (!pool.length) pool = tablesOf(systemReport(rnd, k++)).filter((t) => t.kind !== 'model-standard-grid');
        const t = pool.shift()!;
        sh.table(t, t.title);
      }
    }
    sheets.push(sh);
  }
  return sheets;
}

// ---------------------------------------------------------------------------------------------
// g. rich text labels, long prose paragraphs (merged, wrapped) between tables, merged titles,
// label columns merged two wide, hidden rows and columns

const PARAGRAPHS = [S.PROSE.fundIntro, S.PROSE.withdrawals, S.PROSE.staffCategories, S.PROSE.staffRates, S.PROSE.staffTenure, S.PROSE.basic2, S.PROSE.fundIndicators, KUZBASS_PROSE[3], S.PROSE.fundEnd];

function richOf(s: string, k: number): Rich {
  const m = /^(.*?)(\s*\(.*\)|,.*)$/.exec(s);
  if (m && m[2]) return { rich: [{ text: m[1], b: true }, { text: m[2], i: k % 2 === 0 }] };
  const w = s.split(' ');
  return { rich: [{ text: w[0], b: true }, { text: w.length > 1 ? ' ' + w.slice(1).join(' ') : '' }] };
}

/** The label column merged two wide (a Word paste): data shifts one column right. */
function wideLabels(t: TableFixture): { block: Block; labelCol: boolean } {
  if (t.labelCols !== 1) return { block: t.block, labelCol: false };
  const rows = t.block.rows.map((row) => [row[0], null, ...row.slice(1)]);
  const merges: Array<[number, number, number, number]> = (t.block.merges ?? []).map(([a, l, b, r]) => [a, l === 0 ? 0 : l + 1, b, r === 0 ? 1 : r + 1]);
  for (let r = 0; r < rows.length; r++) if (!merges.some(([a, l, b]) => l === 0 && a <= r && r <= b)) merges.push([r, 0, r, 1]);
  return { block: { rows, merges }, labelCol: true };
}

function shapeRich(): Sh[] {
  const rnd = prng(707);
  const sheets: Sh[] = [];
  for (let s = 0; total(sheets) < TARGET; s++) {
    const sh = new Sh(`Раздел ${s + 1}`);
    for (let k = 0; k < 10; k++) {
      const entries = systemReport(rnd, s * 10 + k);
      let para = 0;
      for (const e of entries) {
        if ('text' in e) {
          // a long paragraph, merged across the page, with the system's own figures
          const p = [PARAGRAPHS[para++ % PARAGRAPHS.length], PARAGRAPHS[(para + s + k) % PARAGRAPHS.length], e.text].join(' ') + ` (${Math.floor(rnd() * 100000)} экз., ${round(rnd() * 100, 1)} %).`;
          sh.set(sh.row, 0, rnd() < 0.3 ? { rich: [{ text: e.text, b: true }, { text: ' ' + p }] } : p);
          sh.merges.push([sh.row, 0, sh.row, 12]);
          sh.row++;
          continue;
        }
        const ts = 't' in e ? [e.t] : e.beside;
        for (const t0 of ts) {
          const { block } = wideLabels(t0);
          const t: TableFixture = { ...t0, block, labelCols: t0.labelCols === 1 ? 2 : t0.labelCols };
          const w = blockWidth(block);
          const title = ('title' in e && e.title) || t0.title || '';
          if (title) {
            sh.set(sh.row, 0, title);
            if (w > 1) sh.merges.push([sh.row, 0, sh.row, w - 1]);
            sh.row++;
          }
          // labels (and headers) as rich text
          const rows = block.rows.map((row, r) =>
            row.map((v, c) => (typeof v === 'string' && (r < t.headerRows || c < t.labelCols) && rnd() < 0.5 ? (richOf(v, r + c) as unknown as CellSpec) : v)),
          );
          const p = sh.put({ ...t, block: { ...block, rows } }, sh.row, 0);
          // an empty spacer row inside some tables, hidden
          if (rnd() < 0.2) sh.hiddenRows.add(p.r + p.h);
          sh.row += p.h + 1;
          if (rnd() < 0.1) {
            sh.set(sh.row, 0, 'Примечание: данные уточнены по форме 6-НК (строка скрыта при печати)');
            sh.hiddenRows.add(sh.row++);
          }
        }
      }
      sh.gap(2);
    }
    sh.hiddenCols.add(30);
    sh.hiddenCols.add(31);
    for (let r = 0; r < sh.row; r += 37) sh.set(r, 30, `служебная отметка ${r}`);
    sheets.push(sh);
  }
  return sheets;
}

// ---------------------------------------------------------------------------------------------
// h. numbers as text: thousands separators (space, no-break space), comma decimals, signs,
// dashes for zero, `х` for not applicable

/** The table with each figure of its data region (a number, no year, no formula) replaced by `f`'s cell, in row order. */
function mapFigures(t: TableFixture, f: (n: number, v: CellSpec, c: number) => CellSpec): TableFixture {
  const rows = t.block.rows.map((row, r) =>
    row.map((v, c): CellSpec => {
      if (r < t.headerRows || c < t.labelCols) return v;
      const n = typeof v === 'number' ? v : v && typeof v === 'object' && typeof v.v === 'number' && v.formula === undefined ? v.v : undefined;
      return n === undefined || isYear(n) ? v : f(n, v, c);
    }),
  );
  return { ...t, block: { ...t.block, rows } };
}

/**
 * Sheets of `perSheet` system reports each (drawn with `rnd`), their tables changed by `table` (and
 * `beside` for tables side by side), `after` adding to each report, until TARGET cells.
 */
function systemSheets(rnd: () => number, perSheet: number, name: (s: number) => string, table: (t: TableFixture) => TableFixture, beside: (t: TableFixture) => TableFixture, after?: (sh: Sh) => void): Sh[] {
  const sheets: Sh[] = [];
  for (let s = 0; total(sheets) < TARGET; s++) {
    const sh = new Sh(name(s));
    for (let k = 0; k < perSheet; k++) {
      const entries = systemReport(rnd, s * perSheet + k).map((e): Entry => {
        if ('t' in e) return { ...e, t: table(e.t) };
        if ('beside' in e) return { beside: e.beside.map(beside) };
        return e;
      });
      stack(sh, entries);
      after?.(sh);
      sh.gap(2);
    }
    sheets.push(sh);
  }
  return sheets;
}

function textify(t: TableFixture, rnd: () => number): TableFixture {
  const plusCols = new Set<number>();
  t.block.rows.forEach((row, r) => {
    if (r < t.headerRows) row.forEach((v, c) => typeof v === 'string' && v.trim() === '+/-' && plusCols.add(c));
  });
  return mapFigures(t, (n, v, c) => {
    const x = rnd();
    if (x < 0.12) return v; // some stay numbers
    if (n === 0) return x < 0.45 ? '-' : x < 0.75 ? '—' : x < 0.9 ? 'х' : '0';
    const sep = x < 0.5 ? ' ' : x < 0.85 ? '\u00a0' : '';
    let s = ruGroup(Math.abs(n), sep);
    if (n < 0) s = (x < 0.6 ? '-' : x < 0.8 ? '- ' : '–') + s;
    else if (plusCols.has(c)) s = '+' + s;
    if (x > 0.93) s += ' ';
    return s;
  });
}

function shapeText(): Sh[] {
  const rnd = prng(808);
  return systemSheets(
    rnd,
    12,
    (s) => `${s + 1}. ${DISTRICTS[s % DISTRICTS.length].slice(0, 22)}`,
    (t) => textify(rnd() < 0.15 ? transpose(t) : t, rnd),
    (t) => textify(t, rnd),
    // a table of not-applicable marks, as regions send them
    (sh) => sh.table(textify(shiftYears(decoys.subscriptionCosts, 0), rnd), decoys.subscriptionCosts.title),
  );
}

// ---------------------------------------------------------------------------------------------
// i. drafts full of mistakes: a tenth of the figures off by a few units, some replaced by words or
// left empty, so that sums, balances, shares and links fail all over and every error is printed.

const WORDS = ['нет данных', 'уточняется', '12 (план)', 'см. выше', '?', 'н/д', '15-20', '#ДЕЛ/0!'];

function spoil(t: TableFixture, rnd: () => number): TableFixture {
  return mapFigures(t, (n, v) => {
    const x = rnd();
    if (x < 0.1) return n + 1 + Math.floor(rnd() * 50);
    if (x < 0.12) return -n - 1;
    if (x < 0.15) return pick(rnd, WORDS);
    if (x < 0.17) return null;
    return v;
  });
}

function shapeErrors(): Sh[] {
  const rnd = prng(909);
  const spoilt = (t: TableFixture) => spoil(t, rnd);
  return systemSheets(rnd, 10, (s) => `Черновик ${s + 1}`, spoilt, spoilt);
}

// ---------------------------------------------------------------------------------------------
// j. every table its own layout: half the label cells of each table written with a noise of their
// own (line break, double space, ё/е, dash, case), so that no two tables share a layout and every
// block is recognized from scratch, as in a region's workbook gathered from many hands.

function scramble(t: TableFixture, rnd: () => number): TableFixture {
  const rows = t.block.rows.map((row, r) =>
    row.map((v, c): CellSpec => {
      if (!(r < t.headerRows || c < t.labelCols) || typeof v !== 'string' || !v.trim()) return v;
      if (yearOf(v) !== undefined || /^\s*\d+\.?\s*$/.test(v)) return v;
      return rnd() < 0.5 ? noisyLabel(v, Math.floor(rnd() * 6)) : v;
    }),
  );
  return { ...t, block: { ...t.block, rows } };
}

function shapeUnique(): Sh[] {
  const rnd = prng(1010);
  const own = (t: TableFixture) => scramble(t, rnd);
  return systemSheets(rnd, 10, (s) => `Система ${s + 1}`, own, own);
}

// ---------------------------------------------------------------------------------------------

const SHAPES: Record<string, () => Sh[]> = {
  formulas: shapeFormulas,
  long: shapeLong,
  side: shapeSide,
  dump: shapeDump,
  styled: shapeStyled,
  sheets: shapeSheets,
  rich: shapeRich,
  text: shapeText,
  errors: shapeErrors,
  unique: shapeUnique,
};

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npx tsx bench/unseen.ts OUTDIR [shape...]\n');
    process.exit(2);
  }
  const names = process.argv.slice(3).length ? process.argv.slice(3) : Object.keys(SHAPES);
  for (const name of names) {
    const make = SHAPES[name];
    if (!make) throw new Error(`unknown shape ${name}; known: ${Object.keys(SHAPES).join(', ')}`);
    const t0 = Date.now();
    const sheets = make();
    const file = path.join(out, `${name}.xlsx`);
    const r = await writeBook(file, sheets);
    const { size } = await fs.stat(file);
    process.stdout.write(JSON.stringify({ shape: name, file, cells: r.cells, sheets: r.sheets, bytes: size, seconds: (Date.now() - t0) / 1000 }) + '\n');
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exit(1);
  });
}
