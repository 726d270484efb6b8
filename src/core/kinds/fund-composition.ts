// 5.1.1 The fund by subject for one year: Кол-во and %, with a Всего row.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'fund-composition',
  title: { ru: 'Состав фонда по отраслям знаний', en: 'Fund by subject' },
  valueType: 'count',
  dims: [
    {
      id: 'subject',
      type: 'members',
      minFound: 4,
      open: true,
      members: [
        { id: 'social', labels: ['соц экон литература', 'социально экономическая литература', 'общественно политическая литература'], words: { ru: 'Соц.-экон. литература', en: 'Social science' } },
        { id: 'science', labels: ['ест научная литература', 'естественнонаучная литература', 'естественно научная литература'], words: { ru: 'Ест.-научная литература', en: 'Natural science' } },
        { id: 'technical', labels: ['техническая литература'], words: { ru: 'Техническая литература', en: 'Technical' } },
        { id: 'agriculture', labels: ['сельхоз литература', 'сельскохозяйственная литература'], words: { ru: 'Сельхоз. литература', en: 'Agriculture' } },
        { id: 'arts', labels: ['литература по искусству', 'искусство'], words: { ru: 'Литература по искусству', en: 'Arts' } },
        { id: 'philology', labels: ['литературоведение', 'филология'], words: { ru: 'Литературоведение', en: 'Literary studies' } },
        { id: 'fiction', labels: ['худож литература', 'художественная литература'], words: { ru: 'Худож. литература', en: 'Fiction' } },
        { id: 'children', labels: ['детская литература'], words: { ru: 'Детская литература', en: "Children's" } },
        { id: 'other', labels: ['прочие', 'прочая литература', 'другие'], mode: 'exact', words: { ru: 'Прочие', en: 'Other' } },
        { id: 'total', labels: ['всего', 'итого'], mode: 'exact', words: { ru: 'Всего', en: 'Total' } },
      ],
    },
    { id: 'year', type: 'year', optional: true },
  ],
  relations: [{ type: 'sum', dim: 'subject', total: 'total', parts: 'rest', exhaustive: true }],
});
