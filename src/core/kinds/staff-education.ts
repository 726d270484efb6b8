// Core staff by education: higher (of which librarian), secondary vocational (of which librarian). Partial.
import { defineTable } from '../tables/definition';
import { CORE_STAFF_LINK, CORE_STAFF_TOTAL } from './staff-labels';

export default defineTable({
  kind: 'staff-education',
  title: { ru: 'Основной персонал по образованию', en: 'Core staff by education' },
  valueType: 'count',
  dims: [
    {
      id: 'item',
      type: 'members',
      required: ['total', 'higher', 'secondary'],
      members: [
        CORE_STAFF_TOTAL,
        { id: 'higher', labels: ['высшее > всего', 'высшее'], words: { ru: 'высшее', en: 'higher' } },
        { id: 'higherLib', labels: ['высшее > библиотечное', 'высшее > из них библиотечное', 'высшее библиотечное'], words: { ru: 'высшее, из них библиотечное', en: 'higher, of which librarian' } },
        { id: 'secondary', labels: ['среднее профессиональное > всего', 'среднее профессиональное', 'среднее специальное'], words: { ru: 'среднее профессиональное', en: 'secondary vocational' } },
        { id: 'secondaryLib', labels: ['среднее профессиональное > библиотечное', 'среднее профессиональное > из них библиотечное', 'среднее профессиональное библиотечное', 'среднее специальное > библиотечное'], words: { ru: 'среднее профессиональное, из них библиотечное', en: 'secondary vocational, of which librarian' } },
      ],
    },
    { id: 'year', type: 'year', optional: true },
  ],
  relations: [
    { type: 'sum', dim: 'item', total: 'total', parts: ['higher', 'secondary'], exhaustive: false },
    { type: 'subset', dim: 'item', sub: 'higherLib', sup: 'higher' },
    { type: 'subset', dim: 'item', sub: 'secondaryLib', sup: 'secondary' },
  ],
  links: [CORE_STAFF_LINK],
});
