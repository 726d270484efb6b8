// 5.4 Fund indicators by year: обращаемость, читаемость, книгообеспеченность, обновляемость.
import { defineTable } from '../tables/definition';
import { FUND_END, RECEIVED, SHARED_INDICATORS, WITHDRAWN } from './indicator-sources';

export default defineTable({
  kind: 'fund-indicators',
  title: { ru: 'Показатели использования фонда', en: 'Fund indicators' },
  valueType: 'amount',
  dims: [
    {
      id: 'indicator',
      type: 'members',
      required: ['renewal'],
      minFound: 3,
      members: [
        { id: 'turnover', labels: ['обращаемость фонда', 'обращаемость'], words: { ru: 'Обращаемость фонда', en: 'Turnover' } },
        { id: 'reading', labels: ['читаемость'], words: { ru: 'Читаемость', en: 'Loans per user' } },
        { id: 'attendance', labels: ['посещаемость'], words: { ru: 'Посещаемость', en: 'Visits per user' } },
        { id: 'provision', labels: ['книгообеспеченность', 'документообеспеченность'], words: { ru: 'Книгообеспеченность', en: 'Items per user' } },
        { id: 'renewal', labels: ['обновляемость фонда', 'обновляемость'], words: { ru: 'Обновляемость фонда', en: 'Renewal' } },
      ],
    },
    { id: 'year', type: 'year' },
  ],
  derived: [
    ...SHARED_INDICATORS,
    // As the report defines it: the percentage received less the percentage withdrawn, of the fund.
    { here: { indicator: 'renewal' }, num: [{ from: RECEIVED }, { sign: -1, from: WITHDRAWN }], den: FUND_END, factor: 100 },
  ],
});
