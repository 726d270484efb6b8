// The table layer reads a block once per distinct content: a copy of a table read before reuses
// that reading, and anything the reading looks at (a figure, a format, a merge, the title above)
// makes a block a table of its own.
import { analyze, checkWorkbook, Engine, type Cell } from '../../src/core';
import { SheetView } from '../../src/core/grid/sheet-view';
import { ReadingMemo } from '../../src/core/generic/reading-memo';
import { KINDS } from '../../src/core/kinds';
import { areaOf, sheetFrom, workbook, type Raw } from '../helpers/grid';

/** A table of no known kind: a library in social networks, with a total row. */
function networks(title: string, posts: Raw = 540): Raw[][] {
  return [
    [title],
    [],
    ['Сеть', 'Подписчики', 'Публикации', 'Просмотры'],
    ['ВКонтакте', 1200, 340, 56000],
    ['Одноклассники', 300, 120, 9000],
    ['Telegram', 150, 80, 4000],
    ['Итого', 1650, posts, 69000],
  ];
}

const TITLE = 'Библиотека в социальных сетях';

/** Three copies, nine rows apart: the third's total of posts given as `thirdPosts`. */
function threeCopies(thirdPosts: Raw, titles = [TITLE, TITLE, TITLE]): Raw[][] {
  return [
    ...networks(titles[0]),
    [],
    [],
    ...networks(titles[1]),
    [],
    [],
    ...networks(titles[2], thirdPosts),
  ];
}

const RANGES = ['A3:D7', 'A12:D16', 'A21:D25'];
const AREAS = RANGES.map(areaOf);

function reads(rows: Raw[][], merges: string[] = []): number {
  const view = new SheetView(sheetFrom('Лист1', rows, merges));
  const memo = new ReadingMemo();
  let n = 0;
  for (const area of AREAS)
    memo.readingOf(view, area, () => {
      n++;
      return undefined;
    });
  return n;
}

test('a copy of a table read before is not read again; a copy with another figure is', () => {
  expect(reads(threeCopies(540))).toBe(1);
  expect(reads(threeCopies(550))).toBe(2);
});

test('what the reading sees besides figures tells copies apart: the title above, a format, a merge', () => {
  expect(reads(threeCopies(540, [TITLE, TITLE, 'Библиотека в сетях']))).toBe(2);
  const percent: Cell = { value: 540, numberFormat: '0.0%' };
  expect(reads(threeCopies(percent))).toBe(2);
  expect(reads(threeCopies(540), ['A24:A25'])).toBe(2);
});

test('a mistake in one copy of a repeated table is found on its own cells, and only there', () => {
  const wb = workbook(sheetFrom('Лист1', threeCopies(550)));
  const engine = new Engine();
  const result = checkWorkbook(wb, {}, analyze(wb, KINDS, engine));
  const generic = result.tables.filter((t) => t.kind === 'table');
  expect(generic.map((t) => t.range)).toEqual(RANGES);
  expect(generic.every((t) => t.relations === generic[0].relations && t.relations > 0)).toBe(true);
  const flagged = result.issues
    .filter((i) => i.severity !== 'info')
    .flatMap((i) => i.cells.map((c) => c.address));
  expect(flagged).toContain('C25');
  expect(flagged.every((a) => Number(a.slice(1)) >= 21)).toBe(true);
  // The same report as each table read afresh, with an engine that has seen none of them.
  const alone = checkWorkbook(wb, {}, analyze(wb, KINDS, new Engine({ reuseLayouts: false })));
  expect(result.issues).toEqual(alone.issues);
});
