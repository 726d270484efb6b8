// 11.2 Численность работников: total = management + core + support staff, by year.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'staff-categories',
  title: { ru: 'Численность работников', en: 'Staff by category' },
  valueType: 'count',
  dims: [
    {
      id: 'item',
      type: 'members',
      required: ['total', 'management', 'core', 'support'],
      members: [
        { id: 'total', labels: ['численность работников человек', 'численность работников', 'всего работников', 'штатная численность', 'всего'], words: { ru: 'Численность работников', en: 'Staff, total' } },
        { id: 'management', labels: ['к административно управленческому персоналу', 'административно управленческий персонал', 'ауп'], words: { ru: 'к административно-управленческому персоналу', en: 'management staff' } },
        { id: 'core', labels: ['к основному персоналу', 'основной персонал'], words: { ru: 'к основному персоналу', en: 'core staff' } },
        { id: 'support', labels: ['к вспомогательному персоналу', 'вспомогательный персонал'], words: { ru: 'к вспомогательному персоналу', en: 'support staff' } },
      ],
    },
    { id: 'year', type: 'year', optional: true },
  ],
  relations: [{ type: 'sum', dim: 'item', total: 'total', parts: ['management', 'core', 'support'], exhaustive: true }],
});
