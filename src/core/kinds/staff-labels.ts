// Labels shared by the staff tables of section 11.2.
export const CORE_STAFF_TOTAL = {
  id: 'total',
  labels: [
    'численность работников относящихся к основному персоналу человек',
    'численность работников относящихся к основному персоналу',
    'численность основного персонала',
    'основной персонал всего',
    // `из них основной персонал (библиотечные работники)` under `Штатная численность, всего`.
    'основной персонал',
    'всего',
  ],
  words: { ru: 'Численность основного персонала', en: 'Core staff' },
};

/** The core-staff total of a breakdown table equals staff-categories' core staff of that year. */
export const CORE_STAFF_LINK = {
  other: 'staff-categories',
  here: { item: 'total' },
  there: [{ item: 'core' }],
};
