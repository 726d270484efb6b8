// 5.3.2 Выбытие документов по причинам, by year; an optional Всего row sums the reasons.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'fund-withdrawals',
  title: { ru: 'Выбытие документов', en: 'Withdrawals' },
  valueType: 'count',
  dims: [
    {
      id: 'reason',
      type: 'members',
      minFound: 3,
      open: true,
      members: [
        { id: 'lost', labels: ['утеряны читателями', 'утеряно читателями', 'утрачены читателями', 'утеря', 'утрата'], words: { ru: 'Утеряны читателями', en: 'Lost by readers' } },
        { id: 'shortage', labels: ['недостача', 'недостача по результатам проверок'], mode: 'prefix', words: { ru: 'Недостача', en: 'Shortage' } },
        { id: 'wear', labels: ['по ветхости', 'ветхость', 'ветхие', 'физический износ', 'износ'], words: { ru: 'По ветхости', en: 'Worn out' } },
        { id: 'outdated', labels: ['устаревшие по содержанию', 'устаревшие', 'устарелость'], words: { ru: 'Устаревшие по содержанию', en: 'Outdated' } },
        { id: 'disaster', labels: ['стихийные бедствия'], words: { ru: 'Стихийные бедствия', en: 'Natural disasters' } },
        { id: 'theft', labels: ['кражи', 'кража'], mode: 'exact', words: { ru: 'Кражи', en: 'Theft' } },
        { id: 'defect', labels: ['дефектность', 'дефектные'], mode: 'exact', words: { ru: 'Дефектность', en: 'Defects' } },
        { id: 'nonprofile', labels: ['непрофильность', 'непрофильные'], mode: 'exact', words: { ru: 'Непрофильность', en: 'Off-profile' } },
        { id: 'other', labels: ['прочие', 'прочие причины', 'другие причины'], mode: 'exact', words: { ru: 'Прочие', en: 'Other' } },
        { id: 'total', labels: ['всего', 'итого', 'всего выбыло'], mode: 'exact', words: { ru: 'Всего', en: 'Total' } },
      ],
    },
    { id: 'year', type: 'year' },
  ],
  relations: [{ type: 'sum', dim: 'reason', total: 'total', parts: 'rest', exhaustive: true }],
});
