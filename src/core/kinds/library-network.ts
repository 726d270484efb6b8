// 3.1 The library network: libraries (сетевые единицы) by year, by type, children's and rural ones.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'library-network',
  title: { ru: 'Библиотечная сеть', en: 'Library network' },
  valueType: 'count',
  dims: [
    {
      id: 'item',
      type: 'members',
      minFound: 2,
      members: [
        { id: 'total', labels: ['количество библиотек сетевые единицы', 'количество библиотек', 'число библиотек', 'всего библиотек'], words: { ru: 'Количество библиотек', en: 'Libraries' } },
        { id: 'central', labels: ['центральная', 'центральные', 'центральная библиотека'], mode: 'exact', words: { ru: 'центральная', en: 'central' } },
        { id: 'branch', labels: ['филиал', 'филиалы', 'библиотеки филиалы'], mode: 'exact', words: { ru: 'филиал', en: 'branches' } },
        { id: 'department', labels: ['отдел', 'отделы'], mode: 'exact', words: { ru: 'отдел', en: 'departments' } },
        { id: 'children', labels: ['детские библиотеки', 'детские'], mode: 'exact', words: { ru: 'детские библиотеки', en: "children's libraries" } },
        { id: 'rural', labels: ['находятся в сельской местности', 'в сельской местности', 'сельские библиотеки'], words: { ru: 'в сельской местности', en: 'rural' } },
      ],
    },
    { id: 'year', type: 'year', optional: true },
  ],
  relations: [
    { type: 'sum', dim: 'item', total: 'total', parts: ['central', 'branch', 'department'], exhaustive: false },
    { type: 'subset', dim: 'item', sub: 'children', sup: 'total' },
    { type: 'subset', dim: 'item', sub: 'rural', sup: 'total' },
  ],
  // Every library of the network is assessed in the Model Standard grid.
  links: [{ other: 'model-standard-grid', here: { item: 'total' }, there: [{ library: '#count' }] }],
  copiesAgree: false,
});
