// A two-period comparison (seed 002, Table 1): indicators by year with a `+/-` column; nested `в том числе` rows.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'dynamics',
  title: { ru: 'Динамика показателей', en: 'Dynamics' },
  valueType: 'count',
  dims: [
    { id: 'indicator', type: 'entities', totalLabels: ['итого'], nested: true, words: { ru: 'показатель', en: 'indicator' } },
    { id: 'year', type: 'year' },
  ],
  deltaColumn: true,
  copiesAgree: false,
  layer: 'table',
});
