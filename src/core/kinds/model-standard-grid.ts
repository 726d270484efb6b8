// 3.5 Model Standard grid: one row per library, scored criteria columns, row sums and a Всего row.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'model-standard-grid',
  title: { ru: 'Оценка соответствия Модельному стандарту', en: 'Model Standard assessment' },
  valueType: 'score',
  dims: [
    { id: 'library', type: 'entities', totalLabels: ['всего', 'итого'], words: { ru: 'библиотека', en: 'library' } },
    { id: 'criterion', type: 'scored', sumLabels: ['сумма баллов по каждой библиотеке', 'сумма баллов', 'итого баллов'], words: { ru: 'критерий', en: 'criterion' } },
  ],
  relations: [
    { type: 'scores', dim: 'criterion' },
    { type: 'sum', dim: 'criterion', total: 'sum', parts: 'rest', exhaustive: true },
    { type: 'sum', dim: 'library', total: 'total', parts: 'rest', exhaustive: true },
  ],
  copiesAgree: false,
  summary: { type: 'threshold-share', dim: 'library', value: { criterion: 'sum' }, max: 14 },
});
