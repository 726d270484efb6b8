// 5.3.1 Новые поступления: total and books / newspapers / journals, by year.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'fund-receipts',
  title: { ru: 'Новые поступления', en: 'New acquisitions' },
  valueType: 'count',
  dims: [
    {
      id: 'item',
      type: 'members',
      required: ['total', 'books'],
      minFound: 3,
      members: [
        { id: 'total', labels: ['всего экз', 'всего поступило', 'экз всего', 'всего'], mode: 'phrase', words: { ru: 'Всего, экз.', en: 'Total, items' } },
        { id: 'books', labels: ['книги экз', 'книги', 'книг'], mode: 'exact', words: { ru: 'книги', en: 'books' } },
        { id: 'newspapers', labels: ['газеты подшивка', 'газеты подшивки', 'газеты'], mode: 'exact', words: { ru: 'газеты', en: 'newspapers' } },
        { id: 'journals', labels: ['журналы экз', 'журналы'], mode: 'exact', words: { ru: 'журналы', en: 'journals' } },
      ],
    },
    { id: 'year', type: 'year' },
  ],
  relations: [{ type: 'sum', dim: 'item', total: 'total', parts: 'rest', exhaustive: false }],
  // The legal deposit's receipts (5.2, 5.3 3)) are laid out alike but are not the fund's receipts.
  notIn: ['оэд', 'обязательн'],
});
