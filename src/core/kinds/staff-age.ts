// Core staff by age: under 30, 30–55, 55 and older (exhaustive).
import { defineTable } from '../tables/definition';
import { CORE_STAFF_LINK, CORE_STAFF_TOTAL } from './staff-labels';

export default defineTable({
  kind: 'staff-age',
  title: { ru: 'Основной персонал по возрасту', en: 'Core staff by age' },
  valueType: 'count',
  dims: [
    {
      id: 'item',
      type: 'members',
      required: ['total', 'a0', 'a30', 'a55'],
      members: [
        CORE_STAFF_TOTAL,
        { id: 'a0', labels: ['до 30 лет', 'моложе 30 лет'], words: { ru: 'до 30 лет', en: 'under 30' } },
        { id: 'a30', labels: ['от 30 до 55 лет', '30 55 лет'], words: { ru: 'от 30 до 55 лет', en: '30–55' } },
        { id: 'a55', labels: ['55 лет и старше', 'старше 55 лет', '55 и старше'], words: { ru: '55 лет и старше', en: '55 and older' } },
      ],
    },
    { id: 'year', type: 'year', optional: true },
  ],
  relations: [{ type: 'sum', dim: 'item', total: 'total', parts: 'rest', exhaustive: true }],
  links: [CORE_STAFF_LINK],
});
