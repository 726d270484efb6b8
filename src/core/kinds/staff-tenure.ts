// Core staff by length of service: 0–3, 3–10, over 10 years (exhaustive).
import { defineTable } from '../tables/definition';
import { CORE_STAFF_LINK, CORE_STAFF_TOTAL } from './staff-labels';

export default defineTable({
  kind: 'staff-tenure',
  title: { ru: 'Основной персонал по стажу работы', en: 'Core staff by length of service' },
  valueType: 'count',
  dims: [
    {
      id: 'item',
      type: 'members',
      required: ['total', 't0', 't3', 't10'],
      members: [
        CORE_STAFF_TOTAL,
        { id: 't0', labels: ['от 0 до 3 лет', 'до 3 лет', 'менее 3 лет'], words: { ru: 'от 0 до 3 лет', en: '0–3 years' } },
        { id: 't3', labels: ['от 3 до 10 лет'], words: { ru: 'от 3 до 10 лет', en: '3–10 years' } },
        { id: 't10', labels: ['свыше 10 лет', 'более 10 лет'], words: { ru: 'свыше 10 лет', en: 'over 10 years' } },
      ],
    },
    { id: 'year', type: 'year', optional: true },
  ],
  relations: [{ type: 'sum', dim: 'item', total: 'total', parts: 'rest', exhaustive: true }],
  links: [CORE_STAFF_LINK],
});
