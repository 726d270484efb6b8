// 4.4 The national project's visits plan: План / Выполнение / +/- by year; Выполнение = visits + website requests.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'visits-plan',
  title: { ru: 'Выполнение плана по посещениям', en: 'Visits plan' },
  valueType: 'count',
  dims: [
    {
      id: 'item',
      type: 'members',
      required: ['plan', 'done'],
      members: [
        { id: 'plan', labels: ['план', 'плановое значение', 'план посещений'], mode: 'exact', words: { ru: 'План', en: 'Plan' } },
        { id: 'done', labels: ['выполнение', 'факт', 'фактически', 'выполнено'], mode: 'exact', words: { ru: 'Выполнение', en: 'Achieved' } },
        { id: 'delta', labels: ['±', 'отклонение', 'отклонение ±'], mode: 'exact', words: { ru: '+/-', en: '+/-' } },
      ],
    },
    { id: 'year', type: 'year' },
  ],
  // A plan against achievement is the national project's visits plan only when it speaks of visits.
  context: ['посещ', 'посетит'],
  relations: [{ type: 'linear', rule: 'delta-mismatch', dim: 'item', target: 'delta', plus: ['done'], minus: ['plan'] }],
  links: [{ other: 'basic-indicators', here: { item: 'done' }, there: [{ indicator: 'visits' }, { indicator: 'website' }] }],
});
