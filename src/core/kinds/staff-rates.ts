// Core staff by rate: full, 0,75, 0,5, 0,25, other (exhaustive).
import { defineTable } from '../tables/definition';
import { CORE_STAFF_LINK, CORE_STAFF_TOTAL } from './staff-labels';

export default defineTable({
  kind: 'staff-rates',
  title: { ru: 'Основной персонал по объему ставок', en: 'Core staff by rate' },
  valueType: 'count',
  dims: [
    {
      id: 'item',
      type: 'members',
      required: ['total', 'full', 'r075', 'r05'],
      members: [
        CORE_STAFF_TOTAL,
        { id: 'full', labels: ['на полную ставку', 'полная ставка', 'на 1 ставку', '1 ставка'], words: { ru: 'на полную ставку', en: 'full rate' } },
        { id: 'r075', labels: ['на 0 75 ставки', '0 75 ставки'], words: { ru: 'на 0,75 ставки', en: '0.75 rate' } },
        { id: 'r05', labels: ['на 0 5 ставки', '0 5 ставки'], words: { ru: 'на 0,5 ставки', en: '0.5 rate' } },
        { id: 'r025', labels: ['на 0 25 ставки', '0 25 ставки'], words: { ru: 'на 0,25 ставки', en: '0.25 rate' } },
        { id: 'other', labels: ['другие перечислить', 'другие', 'иные'], mode: 'prefix', words: { ru: 'другие', en: 'other' } },
      ],
    },
    { id: 'year', type: 'year', optional: true },
  ],
  relations: [{ type: 'sum', dim: 'item', total: 'total', parts: 'rest', exhaustive: true }],
  links: [CORE_STAFF_LINK],
});
