// 5.3 Движение совокупного фонда: start / received / withdrawn / end × total and kinds of documents.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'fund-movement',
  title: { ru: 'Движение совокупного фонда', en: 'Collection movement' },
  valueType: 'count',
  dims: [
    {
      id: 'stage',
      type: 'members',
      required: ['start', 'received', 'withdrawn', 'end'],
      members: [
        { id: 'start', labels: ['состояло на начало года', 'состоит на начало года', 'на начало года', 'фонд на начало года'], words: { ru: 'Состояло на начало года', en: 'At start of year' } },
        { id: 'received', labels: ['поступило за год', 'поступило', 'поступления за год'], words: { ru: 'Поступило за год', en: 'Received' } },
        { id: 'withdrawn', labels: ['выбыло за год', 'выбыло', 'исключено за год'], words: { ru: 'Выбыло за год', en: 'Withdrawn' } },
        { id: 'end', labels: ['состоит на конец года', 'состояло на конец года', 'на конец года', 'фонд на конец года'], words: { ru: 'Состоит на конец года', en: 'At end of year' } },
      ],
    },
    {
      id: 'kind',
      type: 'members',
      required: ['total'],
      members: [
        { id: 'total', labels: ['объем фонда', 'объем фонда всего', 'всего', 'совокупный фонд'], words: { ru: 'Объем фонда', en: 'Collection size' } },
        { id: 'books', labels: ['книг брошюр', 'книги брошюры', 'книги'], mode: 'exact', words: { ru: 'Книг, брошюр', en: 'Books' } },
        { id: 'periodicals', labels: ['газет журналов', 'газеты журналы', 'периодические издания'], mode: 'exact', words: { ru: 'Газет, журналов', en: 'Newspapers, journals' } },
        { id: 'cdrom', labels: ['cd rom', 'cd roм', 'компакт диски'], mode: 'exact', words: { ru: 'CD-ROM', en: 'CD-ROM' } },
        { id: 'av', labels: ['аудиовизуальные', 'аудиовизуальные документы', 'аудиовизуальные материалы'], mode: 'exact', words: { ru: 'Аудиовизуальные', en: 'Audiovisual' } },
        { id: 'electronic', labels: ['электронные', 'электронные документы', 'электронные издания'], mode: 'exact', words: { ru: 'Электронные', en: 'Electronic' } },
        { id: 'other', labels: ['прочие', 'прочие документы', 'другие'], mode: 'exact', words: { ru: 'Прочие', en: 'Other' } },
      ],
    },
    { id: 'year', type: 'year', optional: true },
  ],
  relations: [
    { type: 'linear', dim: 'stage', target: 'end', plus: ['start', 'received'], minus: ['withdrawn'] },
    { type: 'sum', dim: 'kind', total: 'total', parts: 'rest', exhaustive: false },
  ],
  links: [
    { other: 'fund-receipts', here: { stage: 'received', kind: 'total' }, there: [{ item: 'total' }] },
    { other: 'fund-receipts', here: { stage: 'received', kind: 'books' }, there: [{ item: 'books' }] },
    { other: 'fund-receipts', here: { stage: 'received', kind: 'periodicals' }, there: [{ item: 'newspapers' }, { item: 'journals' }] },
    { other: 'fund-withdrawals', here: { stage: 'withdrawn', kind: 'total' }, there: [{ reason: '*' }] },
    // The end of the year is the composition's Всего of that year; the start is the previous year's end.
    { other: 'fund-composition', here: { stage: 'end', kind: 'total' }, there: [{ subject: 'total' }] },
    { other: 'fund-composition', here: { stage: 'start', kind: 'total' }, there: [{ subject: 'total' }], yearOffset: -1 },
    ...['total', 'books', 'periodicals', 'cdrom'].map((kind) => ({ other: 'fund-movement', here: { stage: 'start', kind }, there: [{ stage: 'end', kind }], yearOffset: -1 })),
  ],
});
