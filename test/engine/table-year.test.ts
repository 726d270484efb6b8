// The year a table states in its corner or title (table-year.ts).
import { statedYear } from '../../src/core/layout/table-year';

test.each([
  ['2023', 2023],
  ['2023 г.', 2023],
  ['2022.', 2022],
  ['Показатели (2023)', 2023],
  ['Состав фонда в 2023 году по отраслям знаний', 2023],
  ['на 31.12.2023', 2023],
  // The state on the first of January is that of the year that ended.
  ['Состав фонда на 01.01.2024 г.', 2023],
  ['в 2023 г. (на 01.01.2024)', 2023],
])('%s states the year %d', (text, year) => expect(statedYear(text)).toBe(year));

test.each(['2021-2023', '2021–2023 гг.', '2023 год к 2022', 'Всего 1 250,5', '20235', 'Показатели'])('%s states no one year', (text) => expect(statedYear(text)).toBeUndefined());
