// A caption merged across a table, right above it (a Word paste), is a header row of the table.
// When it names every member (`… читаемость, посещаемость, обращаемость, документообеспеченность`),
// each column still takes its member from its own, deeper header.
import { analyze } from '../../src/core';
import * as S from '../fixtures/seed-001';
import type { Block } from '../fixtures/xlsx-builder';
import { workbookFromSpec } from '../helpers/xlsx';

/** The block with `caption` merged across it as its first row. */
function captioned(block: Block, caption: string): Block {
  const width = Math.max(...block.rows.map((r) => r.length));
  return {
    rows: [[caption, ...Array(width - 1).fill(null)], ...block.rows],
    merges: [[0, 0, 0, width - 1], ...(block.merges ?? []).map(([a, l, b, r]): [number, number, number, number] => [a + 1, l, b + 1, r])],
  };
}

test('relative indicators under a caption naming all four keep each column its own indicator', async () => {
  const wb = await workbookFromSpec([{ name: 'Показатели', items: [{ at: [2, 0], block: captioned(S.relativeIndicators.block, S.RELATIVE_INDICATORS_TITLE) }] }]);
  const [t, ...rest] = analyze(wb).tables;
  expect(rest).toEqual([]);
  expect(t.def.kind).toBe('relative-indicators');
  // Rows of the sheet: caption 2, years 3, labels 4, values 5, labels 6, values 7; columns A–C and D–F.
  const at = (row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col)?.key;
  expect(at(5, 0)).toMatchObject({ indicator: 'reading', year: '2021' });
  expect(at(5, 5)).toMatchObject({ indicator: 'attendance', year: '2023' });
  expect(at(7, 1)).toMatchObject({ indicator: 'turnover', year: '2022' });
  expect(at(7, 3)).toMatchObject({ indicator: 'provision', year: '2021' });
});
