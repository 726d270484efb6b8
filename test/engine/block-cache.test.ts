// Recognition reuses the result of an earlier block with the same layout (block-cache.ts). Whatever
// it reuses, and wherever the repeated table stands, the check and the fill must be exactly those
// of a recognition from scratch.
import { analyze, checkWorkbook, planFill, setRecognitionCache, type Sheet, type Workbook } from '../../src/core';
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

function outcome(wb: Workbook) {
  const a = analyze(wb);
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
  return { tables: r.tables, issues: r.issues, summaries: r.summaries, writes: planFill(wb, {}, a).writes, models };
}

const all = [...new Map([...scenarios, ...indicatorScenarios].map((s) => [s.name, s])).values()];

afterAll(() => setRecognitionCache(true));

describe.each(all.map((s) => [s.name, s] as const))('scenario %s', (_name, s) => {
  test('recognition reused at the same place, moved, and twice on a sheet equals recognition from scratch', async () => {
    const base = await workbookFromSpec(s.sheets);
    const variants = [base, shifted(base, 5, 2), doubled(base)];
    setRecognitionCache(false);
    const fresh = variants.map(outcome);
    setRecognitionCache(true);
    // The first run fills the cache; the moved and doubled workbooks are then recognized from it.
    const reused = variants.map(outcome);
    expect(reused).toEqual(fresh);
    expect(outcome(base)).toEqual(fresh[0]);
  });
});
