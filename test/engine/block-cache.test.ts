// Recognition reuses the result of an earlier block with the same layout (block-cache.ts). Whatever
// it reuses, and wherever the repeated table stands, the check and the fill must be exactly those
// of a recognition from scratch.
import { analyze, checkWorkbook, Engine, planFill, renderMessage, type Cell, type Sheet, type Workbook } from '../../src/core';
import { isYearNumber } from '../../src/core/grid/numbers';
import { recognizeBlock } from '../../src/core/recognize/cache/block-cache';
import { KINDS } from '../../src/core/kinds';
import type { Definition } from '../../src/core/tables/definition';
import { findBlocks, splitAtProse, trimBlock } from '../../src/core/layout/blocks';
import { SheetView } from '../../src/core/grid/sheet-view';
import type { Block, CellSpec, Item } from '../fixtures/xlsx-builder';
import type { TableFixture } from '../fixtures/seed-001';
import * as S from '../fixtures/seed-001';
import { kuzbassTable1 } from '../fixtures/seed-002';
import { clean, cleanGridLibraries, clearCells, gridTotalRow, numbersAsText, setCells, type TextStyle } from '../fixtures/variants';
import { scenarios } from '../fixtures/scenarios';
import { indicatorScenarios } from '../fixtures/scenarios-indicators';
import { workbookFromSpec } from '../helpers/xlsx';

/** The same sheets, every cell moved down `dr` rows and right `dc` columns (merges too). */
function shifted(wb: Workbook, dr: number, dc: number): Workbook {
  return {
    sheets: wb.sheets.map((s): Sheet => ({
      name: s.name,
      rows: [...new Array(dr).fill(undefined), ...s.rows.map((r) => (r ? [...new Array(dc).fill(undefined), ...r] : undefined))],
      merges: s.merges.map((m) => ({ top: m.top + dr, left: m.left + dc, bottom: m.bottom + dr, right: m.right + dc })),
    })),
  };
}

/** Two copies of every sheet's content on one sheet: the second below the first, moved right. */
function doubled(wb: Workbook): Workbook {
  return {
    sheets: wb.sheets.map((s): Sheet => {
      const gap = s.rows.length + 4;
      const moved = shifted({ sheets: [s] }, gap, 3).sheets[0];
      const rows = moved.rows.map((r, i) => (i < s.rows.length ? s.rows[i] : r));
      return { name: s.name, rows, merges: [...s.merges, ...moved.merges] };
    }),
  };
}

/** The workbook with `change` applied to the figures (numbers, not years, no formulas) that `pick` names by position. */
function withFigures(wb: Workbook, pick: (r: number, c: number) => boolean, change: (cell: Cell, v: number) => Cell | undefined): Workbook {
  return {
    sheets: wb.sheets.map((s): Sheet => ({
      ...s,
      rows: s.rows.map((row, r) =>
        row?.map((cell, c) => {
          const v = cell?.value;
          if (!cell || cell.formula || typeof v !== 'number' || isYearNumber(v) || !pick(r, c)) return cell;
          return change(cell, v);
        }),
      ),
    })),
  };
}

/**
 * Every third figure (by position, from `k`) stored as text, as a person's paste leaves it:
 * whole numbers with thousands spaces, fractions with a comma.
 */
const someAsText = (wb: Workbook, k: number): Workbook =>
  withFigures(
    wb,
    (r, c) => (r + c) % 3 === k,
    (cell, v) => {
      const text = String(v).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
      return { ...cell, value: text, text };
    },
  );

/** Every fifth figure (by position, from `k`) left empty, as a library leaves what it has not counted. */
const someEmpty = (wb: Workbook, k: number): Workbook =>
  withFigures(
    wb,
    (r, c) => (r + 2 * c) % 5 === k,
    () => undefined,
  );

/** Every fourth figure (by position, from `k`) written as a dash or an `х` (not filled in), as regions send them. */
const someMarked = (wb: Workbook, k: number): Workbook =>
  withFigures(
    wb,
    (r, c) => (r + c) % 4 === k,
    (cell, v) => ({ ...cell, value: v % 2 ? '—' : 'х', text: v % 2 ? '—' : 'х' }),
  );

/** The engine the checks below share, as a batch's checks share one (layouts seen are reused). */
let engine = new Engine();
/** A fresh engine, reusing layouts or not. */
function setRecognitionCache(on: boolean): void {
  engine = new Engine({ reuseLayouts: on });
}
/** A fresh engine: no layout seen. */
function clearRecognitionCache(): void {
  engine = new Engine();
}

function outcome(wb: Workbook, defs: readonly Definition[] = KINDS) {
  const a = analyze(wb, defs, engine);
  const r = checkWorkbook(wb, {}, a);
  // The models too: member ids that name a row or column (`r12`, `c7`) must name the copy's own.
  const models = a.tables.map((t) => ({
    cells: t.cells.map((c) => [c.row, c.col, c.key, c.num]),
    words: [...t.words],
    found: [...t.found],
    points: [...t.points],
    nesting: [...t.nesting],
    year: t.year,
  }));
  // Messages too: they name each cell in its own table's words.
  const messages = r.issues.map((i) => renderMessage(i));
  return { tables: r.tables, issues: r.issues, messages, summaries: r.summaries, writes: planFill(wb, {}, a).writes, models };
}

/** Checks the workbook from scratch, then through the cache; the two must be equal. Returns the second. */
function reuseEqualsFresh(wb: Workbook, defs: readonly Definition[] = KINDS): ReturnType<typeof outcome> {
  setRecognitionCache(false);
  const fresh = outcome(wb, defs);
  setRecognitionCache(true);
  const reused = outcome(wb, defs);
  expect(reused).toEqual(fresh);
  return reused;
}

const all = [...new Map([...scenarios, ...indicatorScenarios].map((s) => [s.name, s])).values()];

afterAll(() => setRecognitionCache(true));

describe.each(all.map((s) => [s.name, s] as const))('scenario %s', (_name, s) => {
  test('recognition reused at the same place, moved, twice on a sheet, with figures stored as text or left empty equals recognition from scratch', async () => {
    const base = await workbookFromSpec(s.sheets);
    const variants = [base, shifted(base, 5, 2), doubled(base), someAsText(base, 0), someAsText(doubled(base), 1), someEmpty(base, 0), someEmpty(someAsText(doubled(base), 2), 3), someMarked(doubled(base), 1), someMarked(someEmpty(base, 1), 2)];
    setRecognitionCache(false);
    const fresh = variants.map((v) => outcome(v));
    setRecognitionCache(true);
    // The first run fills the cache; the moved and doubled workbooks are then recognized from it.
    const reused = variants.map((v) => outcome(v));
    expect(reused).toEqual(fresh);
    expect(outcome(base)).toEqual(fresh[0]);
  });
});

/** The blocks of each sheet as recognition cuts them, each recognized through the cache: how many were computed. */
function computedBlocks(wb: Workbook): number {
  const defs = KINDS;
  let computed = 0;
  clearRecognitionCache();
  for (const sheet of wb.sheets) {
    const view = new SheetView(sheet);
    for (const block of findBlocks(view))
      for (const part of splitAtProse(view, block)) recognizeBlock(engine, view, trimBlock(view, part), defs, () => (computed++, []));
  }
  return computed;
}

/**
 * Blocks one under another on a sheet, each under its title with two blank lines above the title:
 * every block has the same three lines above it (blank, blank, title) when the titles agree.
 */
function titledBlocks(blocks: Array<[string, Block]>): Promise<Workbook> {
  const items: Item[] = [];
  let row = 2;
  for (const [title, block] of blocks) {
    items.push({ at: [row++, 0], text: title });
    items.push({ at: [row, 0], block });
    row += block.rows.length + 2;
  }
  return workbookFromSpec([{ name: 'Фонды', items }]);
}

/** Blocks under one and the same title. */
const sheetOf = (blocks: Block[]): Promise<Workbook> => titledBlocks(blocks.map((b) => ['Движение фонда', b]));

describe('titles above a block', () => {
  /** The clean fund movement table (or `block`) under each title. */
  const titled = (titles: string[], block = clean.fundMovement.block): Promise<Workbook> => titledBlocks(titles.map((t) => [t, block]));

  test('titles that differ only in their numbering share one layout', async () => {
    const wb = await titled(['Таблица 5. Движение совокупного фонда', 'Таблица 6. Движение совокупного фонда', 'Таблица 12. Движение фонда']);
    expect(computedBlocks(wb)).toBe(1);
  });

  test('titles that recognition reads differently do not: another year, a context word', async () => {
    const years = await titled(['Движение фонда на 2022 год', 'Движение фонда на 2023 год']);
    expect(computedBlocks(years)).toBe(2);
    const visits = await titled(['Таблица 1. Движение фонда', 'Таблица 2. Посещения']);
    expect(computedBlocks(visits)).toBe(2);
  });

  test('the last row of a table just above, its figures numbers in one copy and number texts in another, does not tell layouts apart', async () => {
    const t = clean.fundMovement;
    const last = t.block.rows.length - 1;
    const patch = t.block.rows[last].flatMap((v, c): Array<[number, number, string]> => (typeof v === 'number' && c >= t.labelCols ? [[last, c, v.toLocaleString('ru-RU')]] : []));
    const texts = setCells(t, patch).block;
    // One blank line apart: each block has the one above's last two rows among its three lines above.
    const items: Item[] = [];
    let row = 0;
    for (const block of [t.block, t.block, texts, t.block, texts]) {
      items.push({ at: [row, 0], block });
      row += block.rows.length + 1;
    }
    const wb = await workbookFromSpec([{ name: 'Фонды', items }]);
    // The first, with nothing above it, and the others, whichever way the row above is written.
    expect(computedBlocks(wb)).toBe(2);
    reuseEqualsFresh(wb);
  });

  test('with numbered titles, reuse equals recognition from scratch', async () => {
    const movement = await titled(['Таблица 5. Движение совокупного фонда', 'Таблица 6. Движение совокупного фонда', 'Движение фонда на 2023 год']);
    // The composition table takes its year from the title above it.
    const composition = await titled(['Таблица 7. Состав фонда на 2022 год', 'Таблица 8. Состав фонда на 2023 год', '2022 г.', 'Таблица 9. 2023'], S.fundComposition(2023).block);
    for (const wb of [movement, composition]) {
      setRecognitionCache(false);
      const fresh = outcome(wb);
      setRecognitionCache(true);
      expect(outcome(wb)).toEqual(fresh);
    }
    expect(new Set(analyze(composition).tables.map((t) => t.year))).toEqual(new Set([2022, 2023]));
  });
});

describe('numbers stored as text', () => {
  const base = clean.fundMovement;
  /** The fund movement table with every figure stored as text in one style, then `patch` applied. */
  const asText = (style: TextStyle, patch: Array<[number, number, string]> = []) => {
    const t = numbersAsText(base, () => style).table;
    return setCells(t, patch).block;
  };
  const firstFigure = (): [number, number] => {
    const r = base.headerRows;
    return [r, base.block.rows[r].findIndex((c, i) => i >= base.labelCols && typeof c === 'number')];
  };

  test('tables whose figures are numbers or texts, in any cells, share one layout, and reuse equals recognition from scratch', async () => {
    const some = (k: number) => numbersAsText(base, (_n, i) => (i % 3 === k ? 'space' : undefined)).table.block;
    const wb = await sheetOf([asText('space'), base.block, asText('plain'), some(0), asText('nbsp'), some(1)]);
    expect(computedBlocks(wb)).toBe(1);
    const reused = reuseEqualsFresh(wb);
    // Each copy's own text cells are reported, not the first copy's.
    const figures = numbersAsText(base).cells.length;
    expect(new Set(reused.issues.filter((i) => i.rule === 'number-as-text').map((i) => i.cells[0].address)).size).toBe(3 * figures + Math.ceil(figures / 3) + Math.floor(figures / 3));
  });

  test('a number text with a year in it, or one that reads as a `%` label, stays itself', async () => {
    const [r, c] = firstFigure();
    const years = await sheetOf([asText('plain', [[r, c, '2022']]), asText('plain', [[r, c, '2023']])]);
    expect(computedBlocks(years)).toBe(2);
    const percent = await sheetOf([asText('plain', [[r, c, '12,5']]), asText('plain', [[r, c, '12,5 %']])]);
    expect(computedBlocks(percent)).toBe(2);
    for (const wb of [years, percent]) {
      setRecognitionCache(false);
      const fresh = outcome(wb);
      setRecognitionCache(true);
      expect(outcome(wb)).toEqual(fresh);
    }
  });
});

describe('figures left empty', () => {
  const base = clean.fundMovement;
  /** The figures at the given table cells (data rows × data columns, from 0) left empty. */
  const emptied = (cells: Array<[number, number]>) => clearCells(base, cells.map(([r, c]) => [base.headerRows + r, base.labelCols + c])).block;

  test('tables that leave other cells empty share one layout, and reuse equals recognition from scratch', async () => {
    const text = numbersAsText(base, (_n, i) => (i % 4 === 1 ? 'space' : undefined)).table;
    const mixed = clearCells(text, [[base.headerRows, base.labelCols + 2]]).block;
    const wb = await sheetOf([base.block, emptied([[0, 1]]), emptied([[1, 0], [2, 3]]), mixed]);
    expect(computedBlocks(wb)).toBe(1);
    const reused = reuseEqualsFresh(wb);
    expect(reused.issues.filter((i) => i.rule === 'missing-value').length).toBeGreaterThan(0);
  });

  test('a row left wholly empty is read anew (recognition reads which rows hold a number), and still equals recognition from scratch', async () => {
    const width = base.block.rows[base.headerRows].length - base.labelCols;
    const wb = await sheetOf([base.block, emptied(Array.from({ length: width }, (_, c): [number, number] => [1, c]))]);
    expect(computedBlocks(wb)).toBe(2);
    reuseEqualsFresh(wb);
  });

  test('an unknown reason is a row of the table only while it holds a number: a copy with it empty is read anew', async () => {
    const other = 'Передано в обменный фонд';
    const withRow = (figures: Array<number | null>) => setCells(clean.fundWithdrawals, [[8, 0, other], ...figures.map((v, i): [number, number, number | null] => [8, 1 + i, v])]).block;
    const wb = await sheetOf([withRow([3, 4, 5]), withRow([null, null, null])]);
    const reused = reuseEqualsFresh(wb);
    // From scratch, the filled copy has the extra reason and the empty one does not.
    const reasons = reused.models.map((m) => m.words.filter(([k]) => k.startsWith('reason:x')).length);
    expect(reasons).toEqual([1, 0]);
  });
});

describe('dashes and marks in place of figures', () => {
  const base = clean.fundMovement;
  const at = (r: number, c: number): [number, number] => [base.headerRows + r, base.labelCols + c];

  test('tables with a dash or an `х` in other data cells share one layout, and reuse equals recognition from scratch', async () => {
    const marked = (cells: Array<[number, number, string]>) => setCells(base, cells.map(([r, c, v]): [number, number, string] => [...at(r, c), v])).block;
    const wb = await sheetOf([base.block, marked([[0, 1, 'х']]), marked([[1, 0, '—'], [2, 3, 'х']]), marked([[2, 2, '-'], [0, 0, 'x']])]);
    expect(computedBlocks(wb)).toBe(1);
    reuseEqualsFresh(wb);
  });

  test('marks in a header (units: `экз`) keep the reuse of copies that leave other figures empty', async () => {
    const [header, ...data] = base.block.rows;
    const withUnits = (empty: Array<[number, number]>): Block => ({
      rows: [header, [null, ...header.slice(1).map(() => 'экз')], ...data.map((row, r) => row.map((v, c) => (empty.some(([er, ec]) => er === r && ec === c) ? null : v)))],
    });
    const wb = await sheetOf([withUnits([]), withUnits([[0, 2]]), withUnits([[1, 1], [2, 3]])]);
    expect(computedBlocks(wb)).toBe(1);
    expect(reuseEqualsFresh(wb).tables.map((t) => t.kind)).toEqual(['fund-movement', 'fund-movement', 'fund-movement']);
  });

  test('tables with a note in place of a figure (`нет данных`, `12 (план)`, `#ДЕЛ/0!`) share one layout, and reuse equals recognition from scratch', async () => {
    const noted = (cells: Array<[number, number, string]>) => setCells(base, cells.map(([r, c, v]): [number, number, string] => [...at(r, c), v])).block;
    const wb = await sheetOf([base.block, noted([[0, 1, 'нет данных']]), noted([[1, 0, '12 (план)'], [2, 3, '#ДЕЛ/0!']]), noted([[3, 2, 'уточняется'], [0, 0, 'см. выше']])]);
    expect(computedBlocks(wb)).toBe(1);
    const r = reuseEqualsFresh(wb);
    expect(r.issues.filter((i) => i.rule === 'not-a-number').map((i) => i.actual)).toEqual(['нет данных', '12 (план)', '#ДЕЛ/0!', 'см. выше', 'уточняется']);
  });

  test('a note with a year in it, or longer than a note, stays itself', async () => {
    const noted = (v: string) => setCells(base, [[...at(1, 1), v]]).block;
    const wb = await sheetOf([base.block, noted('с 2023 года'), noted('данные уточняются')]);
    expect(computedBlocks(wb)).toBe(3);
    reuseEqualsFresh(wb);
  });

  test('a note where recognition reads a text (a row label) is read anew, and still equals recognition from scratch', async () => {
    const label = (v: string | null) => setCells(base, [[base.headerRows + 2, 0, v]]).block;
    const wb = await sheetOf([label(null), label('нет данных'), label('уточняется')]);
    expect(computedBlocks(wb)).toBe(3);
    reuseEqualsFresh(wb);
  });

  test('a mark where recognition reads a text (a row label) is read anew, and still equals recognition from scratch', async () => {
    const label = (v: string | null) => setCells(base, [[base.headerRows + 2, 0, v]]).block;
    const wb = await sheetOf([label(null), label('х')]);
    expect(computedBlocks(wb)).toBe(2);
    reuseEqualsFresh(wb);
  });
});

describe("lists of libraries that differ only in their names (another system's Model Standard grid)", () => {
  const libs = cleanGridLibraries();
  /** The seed's grid with its libraries renamed by `name(i)`, under the grid's title. */
  const grid = (name: (i: number) => CellSpec): Block => S.modelStandardGridTable(libs.map((row, i) => [row[0], name(i), ...row.slice(2)]), gridTotalRow(libs)).block;
  const gridsOf = (names: Array<(i: number) => CellSpec>) => titledBlocks(names.map((n) => [S.GRID_TITLE, grid(n)]));
  const places = ['с. Батурино', 'с. Казанка', 'д. Гарь'];

  /** Blocks recognized from scratch when the workbook is checked through the cache. */
  function computed(wb: Workbook): number {
    clearRecognitionCache();
    analyze(wb, KINDS, engine);
    return engine.trace.computed;
  }

  test('share one layout, each with its own names in its words, and reuse equals recognition from scratch', async () => {
    const wb = await gridsOf(places.map((p) => (i: number) => (i === 0 ? `Центральная библиотека, ${p}` : `Библиотека-филиал № ${i}, ${p}`)));
    expect(computed(wb)).toBe(1);
    const r = reuseEqualsFresh(wb);
    expect(r.models.map((m) => m.words.filter(([k]) => k.startsWith('library:')).map(([, w]) => w)[1])).toEqual(places.map((p) => `Библиотека-филиал № 1, ${p}`));
  });

  test('and in which scores they leave empty or note in words: still one layout, equal to recognition from scratch', async () => {
    const spoiled = (b: Block, r: number, c: number, v: CellSpec): Block => ({ ...b, rows: b.rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row)) });
    const named = (p: string) => (i: number) => `Библиотека-филиал № ${i}, ${p}`;
    const blocks = [grid(named('с. Батурино')), spoiled(grid(named('с. Казанка')), 5, 4, null), spoiled(grid(named('д. Гарь')), 6, 7, 'нет данных')];
    const wb = await titledBlocks(blocks.map((b) => [S.GRID_TITLE, b]));
    expect(computed(wb)).toBe(1);
    const r = reuseEqualsFresh(wb);
    expect(r.issues.filter((i) => i.rule === 'not-a-number').map((i) => i.actual)).toEqual(['нет данных']);
  });

  test('a name that is a total, a year or a number is read anew, and still equals recognition from scratch', async () => {
    const odd = (text: CellSpec) => (i: number) => (i === 3 ? text : `Библиотека-филиал № ${i}`);
    const wb = await gridsOf([odd('Библиотека-филиал № 3'), odd('Итого по филиалам'), odd('Библиотека 2023 года'), odd('12 (филиал)'), odd('Библиотека-филиал № 3')]);
    expect(computed(wb)).toBe(4);
    reuseEqualsFresh(wb);
  });

  test('a bulleted name, or one indented after the row number, is read anew (where lists nest, recognition reads the nesting from it)', async () => {
    const odd = (text: string) => (i: number) => (i === 3 ? text : `Библиотека-филиал № ${i}`);
    // A row's indentation is its label's, not its number's (`4.`): the indented name is a layout of its own.
    const wb = await gridsOf([odd('Библиотека-филиал № 3'), odd('   Библиотека-филиал № 3'), odd('- Библиотека-филиал № 3')]);
    expect(computed(wb)).toBe(3);
    const r = reuseEqualsFresh(wb);
    expect(r.models[1].words.map(([, w]) => w)).toContain('Библиотека-филиал № 3');
  });
});

describe('blocks recognition lays out in more than one way', () => {
  /** The table with `v` in data cell (r, c) (counted from its first data cell), or left empty for null. */
  const withCell = (t: typeof clean.staffRates, cells: Array<[number, number, string | null]>): Block => setCells(t, cells.map(([r, c, v]): [number, number, string | null] => [t.headerRows + r, t.labelCols + c, v])).block;

  test('4.5 relative indicators (two sections, each under its own headers) with other figures noted or left empty: one layout, equal to recognition from scratch', async () => {
    const t = S.relativeIndicators;
    const wb = await sheetOf([t.block, withCell(t, [[1, 1, 'нет данных']]), withCell(t, [[3, 0, null], [3, 4, 'н/д']])]);
    expect(computedBlocks(wb)).toBe(1);
    reuseEqualsFresh(wb);
  });

  test('staff by rate with its total noted (one data row: is the note a row label or a bad cell?), other figures left empty: one layout more, equal to recognition from scratch', async () => {
    const t = clean.staffRates;
    const wb = await sheetOf([t.block, withCell(t, [[0, 0, 'нет данных']]), withCell(t, [[0, 0, 'нет данных'], [0, 3, null]]), withCell(t, [[0, 0, 'нет данных'], [0, 2, '?']])]);
    expect(computedBlocks(wb)).toBe(2);
    reuseEqualsFresh(wb);
  });
});

describe('labels written otherwise: in case, ё, dashes, spaces and line breaks', () => {
  /** The table with `f` applied to its header and label texts that hold a letter (not years, not row numbers). */
  const relabelled = (t: TableFixture, f: (s: string) => string): Block => ({
    ...t.block,
    rows: t.block.rows.map((row, r) => row.map((v, c) => ((r < t.headerRows || c < t.labelCols) && typeof v === 'string' && /[а-яё]/i.test(v) ? f(v) : v))),
  });
  const upper = (s: string) => s.toUpperCase();
  const spaced = (s: string) => s.replace(/ /g, '  ') + ' ';
  const broken = (s: string) => s.replace(' ', '\n');
  const yo = (s: string) => s.replace(/е/g, 'ё');
  const dashed = (s: string) => s.replace(/-/g, '—');
  const labelsOf = (m: { words: Array<[string, string]> }) => m.words.map(([, w]) => w);

  test('share one layout, each table with its own words, and reuse equals recognition from scratch', async () => {
    for (const t of [clean.fundMovement, clean.staffCategories, clean.fundWithdrawals, S.basicIndicators]) {
      const wb = await titledBlocks([t.block, ...[upper, spaced, broken, yo, dashed].map((f) => relabelled(t, f))].map((b) => [t.title ?? 'Таблица', b]));
      expect([t.kind, computedBlocks(wb)]).toEqual([t.kind, 1]);
      const r = reuseEqualsFresh(wb);
      // The upper-case copy's messages name its rows as it writes them.
      expect(labelsOf(r.models[1])).toEqual(labelsOf(r.models[0]).map((w) => (/[а-яё]/i.test(w) && !/\d/.test(w) ? w.toUpperCase() : w)));
    }
  });

  test("copies of a layout elsewhere share its keys, and copies written alike share their words (a message's words are made once per words)", async () => {
    // Withdrawals: a kind whose list of reasons can grow by rows, whose ids would then name positions.
    const t = clean.fundWithdrawals;
    const wb = await titledBlocks([t.block, t.block, relabelled(t, upper), relabelled(t, upper), relabelled(t, yo)].map((b) => [t.title ?? 'Таблица', b]));
    clearRecognitionCache();
    const [a, b, c, d, e] = analyze(wb, KINDS, engine).tables;
    expect([a, b, c, d, e].map((x) => x.def.kind)).toEqual(Array(5).fill(t.kind));
    for (const x of [b, c, d, e]) expect(x.cells.every((cell, i) => cell.key === a.cells[i].key)).toBe(true);
    expect(b.words).toBe(a.words);
    expect(d.words).toBe(c.words);
    expect(c.words).not.toBe(a.words);
    expect(e.words).not.toBe(c.words);
    reuseEqualsFresh(wb);
  });

  test("a Model Standard grid's column headers written otherwise: its columns' words are its own", async () => {
    const grid = S.modelStandardGridTable(cleanGridLibraries(), gridTotalRow(cleanGridLibraries()));
    // In upper case but for the points (`(1 балл)`), which are read in lower case.
    const shouted = (s: string) => upper(s).replace(/БАЛЛ/g, 'балл');
    const wb = await titledBlocks([grid.block, relabelled(grid, spaced), relabelled(grid, shouted)].map((b) => [S.GRID_TITLE, b]));
    expect(computedBlocks(wb)).toBe(1);
    const r = reuseEqualsFresh(wb);
    const columns = (m: { words: Array<[string, string]> }) => m.words.filter(([k]) => /:c\d+$/.test(k)).map(([, w]) => w);
    expect(columns(r.models[2]).some((w) => w !== w.toLowerCase() && w === w.toUpperCase())).toBe(true);
  });

  test('two headers one text in one copy and two in another are read anew (recognition joins equal texts)', async () => {
    const [head, ...data] = clean.fundMovement.block.rows;
    const twice = (second: (s: string) => string): Block => ({ rows: [head, head.map((v) => (typeof v === 'string' ? second(v) : v)), ...data] });
    const wb = await sheetOf([twice((s) => s), twice(upper), twice((s) => s + ' ')]);
    expect(computedBlocks(wb)).toBe(3);
    reuseEqualsFresh(wb);
  });

  test('an indented row label is read anew where recognition reads the indentation (nesting)', async () => {
    const flat = relabelled(kuzbassTable1, (s) => s.trimStart());
    const wb = await titledBlocks([kuzbassTable1.block, flat, relabelled(kuzbassTable1, upper)].map((b) => [kuzbassTable1.title!, b]));
    expect(computedBlocks(wb)).toBe(2);
    // The dynamics kind is read by the table layer (which nests by `в том числе` and the numbers);
    // recognition's own reading of the indentation is what this test is about.
    const r = reuseEqualsFresh(wb, KINDS.map((d) => (d.kind === 'dynamics' ? { ...d, layer: 'own' as const } : d)));
    // Which row nests under which, by their words (lower case: the third copy's are upper case).
    const tree = (m: { words: Array<[string, string]>; nesting: Array<[string, { parent: string }]> }) => {
      const word = new Map(m.words);
      return m.nesting.map(([k, n]) => [word.get(k)?.toLowerCase(), word.get(`${k.split(':')[0]}:${n.parent}`)?.toLowerCase()]);
    };
    expect(tree(r.models[1])).not.toEqual(tree(r.models[0]));
    expect(tree(r.models[2])).toEqual(tree(r.models[0]));
    expect(tree(r.models[0]).length).toBeGreaterThan(0);
  });

  test('a text that reads otherwise in other case stays itself: points are read in lower case', async () => {
    const grid = S.modelStandardGridTable(cleanGridLibraries(), gridTotalRow(cleanGridLibraries()));
    const wb = await titledBlocks([grid.block, relabelled(grid, (s) => s.replace(/балл/g, 'БАЛЛ'))].map((b) => [S.GRID_TITLE, b]));
    expect(computedBlocks(wb)).toBe(2);
    reuseEqualsFresh(wb);
  });
});
