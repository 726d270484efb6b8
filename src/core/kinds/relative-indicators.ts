// 4.5 Relative indicators by year: читаемость, посещаемость, обращаемость, документообеспеченность.
import { defineTable } from '../tables/definition';
import { SHARED_INDICATORS } from './indicator-sources';

export default defineTable({
  kind: 'relative-indicators',
  title: { ru: 'Относительные показатели', en: 'Relative indicators' },
  valueType: 'amount',
  dims: [
    {
      id: 'indicator',
      type: 'members',
      required: ['reading', 'attendance'],
      minFound: 3,
      members: [
        { id: 'reading', labels: ['читаемость'], words: { ru: 'Читаемость', en: 'Loans per user' } },
        { id: 'attendance', labels: ['посещаемость'], words: { ru: 'Посещаемость', en: 'Visits per user' } },
        { id: 'turnover', labels: ['обращаемость', 'обращаемость фонда'], words: { ru: 'Обращаемость', en: 'Turnover' } },
        { id: 'provision', labels: ['документообеспеченность', 'книгообеспеченность'], words: { ru: 'Документообеспеченность', en: 'Items per user' } },
      ],
    },
    { id: 'year', type: 'year' },
  ],
  derived: SHARED_INDICATORS,
});
