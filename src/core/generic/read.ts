// Reads any block with a header and numbers as a table: labelled items along both axes, and cells.
import type { Area } from '../grid/grid';
import { labelKey, normalizeLabel } from '../grid/labels';
import { columnNumbersRow, isNumberLike, isRowNumber, layoutBlock, percentLabelColumn, rowIndentOf, textsAbove, type BlockLayout } from '../layout/blocks';
import type { SheetView } from '../grid/sheet-view';
import { cellYear, parseYearText, yearInText, type Num } from '../grid/numbers';
import { classify, type ItemRole } from './classify';
import { PER_UNIT } from './vocabulary';

/** A row or a column of the table: its label (a column's header path), its role and its position. */
export interface Item {
  /** Sheet row (axis `row`) or column (axis `col`). */
  at: number;
  /** The label as the table writes it (a column: the innermost header; `path` holds the outer ones). */
  label: string;
  key: string;
  /** Outer headers of a column, or the section header of a row; items of one block share it. */
  path: string[];
  role: ItemRole;
  year?: number;
  indent: number;
  /** `в том числе` / `из них` stands on this item (or on a mark row just above it). */
  mark?: 'all' | 'some';
  /** Every cell of the item along the other axis is empty or not a number. */
  empty: boolean;
  /** A total told by its place, not by a label (its relation is a warning). */
  unlabelled?: boolean;
}

export interface GenericTable {
  area: Area;
  title: string;
  rows: Item[];
  cols: Item[];
  /** Readings of the data cells, by row index then column index (items' order). */
  nums: Num[][];
}

const MARK_ALL = /^(в том числе|в т ч|втч)( |$)/;
const MARK_SOME = /^(из них|из общего числа|из общего количества)( |$)/;

function markOf(key: string): 'all' | 'some' | undefined {
  return MARK_ALL.test(key) ? 'all' : MARK_SOME.test(key) ? 'some' : undefined;
}

function yearOf(texts: string[]): number | undefined {
  for (let i = texts.length - 1; i >= 0; i--) {
    const y = parseYearText(texts[i]);
    if (y !== undefined) return y;
  }
  // A year within a short header: `2022г. (факт)`, `План на 2023 г.`, `Выполнено в 2023 г.`.
  for (let i = texts.length - 1; i >= 0; i--) {
    const y = texts[i].length <= 40 && !/^\s*[+±]|^\s*(к|по сравнению с)\s/i.test(texts[i]) ? yearInText(texts[i]) : undefined;
    if (y !== undefined) return y;
  }
  return undefined;
}

/** The header texts over column `c`, outer to inner, each once (a merged header spans its children). */
function headerPath(view: SheetView, L: BlockLayout, c: number, numbers: ReadonlySet<number>): string[] {
  const out: string[] = [];
  for (let r = L.area.top; r < L.dataTop; r++) {
    if (numbers.has(r)) continue;
    const cell = view.shown(r, c);
    const y = cellYear(cell);
    const t = y !== undefined ? String(y) : dehyphen(view.text(r, c));
    if (t !== undefined && out[out.length - 1] !== t) out.push(t);
  }
  return out;
}

/** Header rows that number the columns (`1 | 2 | … | 8`): no header text of any column. */
function numbersRows(view: SheetView, L: BlockLayout): Set<number> {
  const s = new Set<number>();
  for (let r = L.area.top; r < L.dataTop; r++) {
    const cols: number[] = [];
    for (let c = L.area.left; c <= L.area.right; c++) if (view.origin(r, c)) cols.push(c);
    if (columnNumbersRow(view, r, cols)) s.add(r);
  }
  return s;
}

/** A data row's label: its label columns' texts (a `№` column's numbering left out). */
function rowLabel(view: SheetView, L: BlockLayout, r: number): string {
  const parts: string[] = [];
  for (const c of [...L.labelCols, ...L.yearCols]) {
    const y = cellYear(view.cell(r, c));
    const t = y !== undefined ? String(y) : view.text(r, c);
    if (t !== undefined && !isRowNumber(t)) parts.push(t);
  }
  return dehyphen(parts.join(' '))!.replace(/\s+/g, ' ').trim();
}

/** A word hyphenated at a line end joined again: `Документообеспе- ченность`. */
function dehyphen(t: string | undefined): string | undefined {
  return t?.replace(/([а-яё])-\s+([а-яё])/g, '$1$2');
}

function isData(n: Num): boolean {
  return n.kind === 'number' || n.kind === 'text-number' || n.kind === 'dash' || n.kind === 'no-result' || isNumberLike(n) || n.kind === 'error';
}

/** A table's title: the caption just above it, else the first words of its header. */
function titleOf(view: SheetView, L: BlockLayout, cols: Item[]): string {
  const above = textsAbove(view, L.area, 2).find((t) => t.length >= 4 && /[а-яa-z]/i.test(t));
  const head = cols.flatMap((c) => [...c.path, c.label]).find((t) => /[а-яa-z]/i.test(t));
  const t = (above ?? head ?? '').replace(/\s+/g, ' ').trim();
  return t.length > 90 ? `${t.slice(0, 87)}…` : t;
}

/**
 * Roles of labels already classified, by label and header path: a pure memo (a role depends on
 * its words only, and nobody changes a role object), owned by the engine of a batch.
 */
export type RoleMemo = Map<string, ItemRole>;

function roleOf(memo: RoleMemo | undefined, raw: string, key: string, path: readonly string[]): ItemRole {
  if (!memo) return classify(raw, key, path);
  const id = path.length ? `${raw}\u0001${path.join('\u0002')}` : raw;
  let r = memo.get(id);
  if (!r) memo.set(id, (r = classify(raw, key, path)));
  return r;
}

/** Reads the block as a table, or undefined when it holds no column of numbers under a header. */
export function readTable(view: SheetView, area: Area, memo?: RoleMemo): GenericTable | undefined {
  const L = layoutBlock(view, area);
  if (!L || L.dataTop <= area.top || !L.dataCols.length) return undefined;
  const rowsAll = L.sections.flatMap((s) => s.rows);
  const colItems: Item[] = [];
  const numbers = numbersRows(view, L);
  for (const c of L.dataCols) {
    const path = headerPath(view, L, c, numbers);
    const label = path.length ? path[path.length - 1] : '';
    const key = labelKey(label);
    colItems.push({ at: c, label, key, path: path.slice(0, -1), role: columnRole(label, key, path, memo), year: yearOf(path), indent: 0, mark: markOf(key), empty: false });
  }
  const rowItems: Item[] = [];
  let pendingMark: 'all' | 'some' | undefined;
  for (const r of rowsAll) {
    // A `%` row may carry its label in its first data cell (under a total column).
    const pc = percentLabelColumn(view, L, r);
    const label = rowLabel(view, L, r) || (pc === undefined ? '' : view.text(r, pc)!);
    const key = labelKey(label);
    const hasData = L.dataCols.some((c) => isData(view.num(r, c)));
    const mark = markOf(key);
    // A `в том числе:` row of its own marks the rows that follow.
    if (!hasData && mark && key.split(' ').length <= 4) {
      pendingMark = mark;
      continue;
    }
    const year = yearOf([label]);
    rowItems.push({ at: r, label, key, path: [], role: roleOf(memo, label, key, []), year, indent: rowIndentOf(view, L, r), mark: mark ?? pendingMark, empty: !hasData });
    pendingMark = undefined;
  }
  if (!rowItems.length) return undefined;
  unlabelledTotals(rowItems);
  perUnitParts(rowItems);
  datedStocks(rowItems);
  datedStocks(colItems);
  const nums = rowItems.map((ri) => colItems.map((ci) => view.num(ri.at, ci.at)));
  colItems.forEach((ci, j) => (ci.empty = nums.every((row) => !isData(row[j]))));
  // A `№` or code column numbers the rows: it is no column of figures.
  colItems.forEach((ci, j) => {
    if (ci.role.type === 'value' && numbering(nums.map((row) => row[j]))) ci.role = { type: 'not-summed', why: 'code' };
  });
  const cols = colItems.filter((c) => (!c.empty || c.label !== '') && !(c.role.type === 'not-summed' && c.role.why === 'code'));
  const keep = colItems.map((c) => cols.includes(c));
  const kept = nums.map((row) => row.filter((_, j) => keep[j]));
  if (!cols.some((c) => !c.empty)) return undefined;
  return { area, title: titleOf(view, L, cols), rows: rowItems, cols, nums: kept };
}

/** Roles an outer header passes to the columns under it (`Средняя зарплата` over years). */
const INHERITED = new Set(['not-summed', 'percent', 'indicator', 'growth', 'delta']);

/** A column's role: its own label's, else the nearest outer header's that says more than `value`. */
function columnRole(label: string, key: string, path: string[], memo?: RoleMemo): ItemRole {
  // An indicator named across header rows: `Документообеспеченность` over `на 1 жителя`.
  const own = roleOf(memo, label, key, path);
  const whole = path.join(' ');
  const joined = roleOf(memo, whole, labelKey(whole), path);
  // (Its own `+/-` or `%` under the indicator's heading is a change of the indicator, not it.)
  if (path.length > 1 && joined.type === 'indicator' && (own.type === 'value' || own.type === 'not-summed')) return joined;
  // `посещения` under `+/-` is a change of visits, not visits.
  if (own.type === 'value')
    for (let i = path.length - 2; i >= 0; i--) {
      const r = roleOf(memo, path[i], labelKey(path[i]), path.slice(0, i + 1));
      if (r.type === 'delta' || r.type === 'growth') return r;
    }
  if (own.type !== 'value' || own.concept) return own;
  for (let i = path.length - 2; i >= 0; i--) {
    const r = roleOf(memo, path[i], labelKey(path[i]), path.slice(0, i + 1));
    if (INHERITED.has(r.type) || (r.type === 'value' && r.concept)) return r;
  }
  return own;
}

/** `Состояло на 01.01.2023` and `Состоит на 01.01.2024`: of two stocks dated, the later is the end. */
function datedStocks(items: Item[]): void {
  const starts = items.filter((it) => it.role.type === 'balance' && it.role.part === 'start' && it.year !== undefined);
  if (starts.length !== 2 || items.some((it) => it.role.type === 'balance' && it.role.part === 'end')) return;
  const [a, b] = starts;
  if (a.year! < b.year!) b.role = { type: 'balance', part: 'end' };
}

/** Rows under a heading `Нагрузка на 1 специалиста:` (`по читателям`, `по посещениям`) are amounts per unit, not counts. */
function perUnitParts(rows: Item[]): void {
  let under = false;
  for (const it of rows) {
    // A part still to be filled is empty too: `по читателям` goes on under its heading.
    const part = under && it.role.type === 'value' && (!it.empty || /^по /.test(it.key));
    if (part) it.role = { type: 'not-summed', why: 'average' };
    else if (it.empty) under = PER_UNIT.test(it.key);
  }
}

/** Values 1, 2, 3… down a column, or `1`, `1.1`, `1.2`, `2`: the rows' numbers, not figures. */
function numbering(cells: Num[]): boolean {
  let next = 1;
  let sequence = true;
  let outline = 0;
  let n = 0;
  for (const c of cells) {
    if (c.kind === 'empty') continue;
    n++;
    if (c.value !== next) sequence = false;
    next++;
    const t = (c.text ?? (c.value === undefined ? '' : String(c.value))).trim();
    if (/^\d{1,2}(\.\d{1,2})*\.?$/.test(t)) outline += /\d\.\d/.test(t) ? 2 : 1;
    else outline = -Infinity;
  }
  return (sequence && n >= 3) || (n >= 3 && outline > n);
}

/**
 * A row without a label holding figures, under two labelled rows or more of its section, is their
 * total (the subtotals of a social-network table print no `Итого`).
 */
function unlabelledTotals(rows: Item[]): void {
  let run = 0;
  for (const it of rows) {
    if (it.empty) {
      run = 0;
      continue;
    }
    if (it.label === '' && it.role.type === 'value' && run >= 2) {
      it.role = { type: 'total', grand: false };
      it.unlabelled = true;
      run = 0;
      continue;
    }
    run = it.role.type === 'total' ? 0 : run + 1;
  }
}

export { isData, normalizeLabel };
