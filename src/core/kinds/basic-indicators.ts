// 4.3 Основные (абсолютные) показатели by year: users, visits, remote requests, loans… Breakdowns are partial.
import { defineTable } from '../tables/definition';

export default defineTable({
  kind: 'basic-indicators',
  title: { ru: 'Основные показатели', en: 'Basic indicators' },
  valueType: 'count',
  dims: [
    {
      id: 'indicator',
      type: 'members',
      required: ['users', 'visits', 'loans'],
      minFound: 4,
      members: [
        { id: 'users', labels: ['число зарегистрированных пользователей', 'зарегистрированных пользователей', 'число пользователей', 'количество пользователей'], words: { ru: 'Число зарегистрированных пользователей', en: 'Registered users' } },
        { id: 'usersInside', labels: ['обслуженных в стенах библиотеки', 'в стенах библиотеки'], words: { ru: 'обслуженных в стенах библиотеки', en: 'served on site' } },
        { id: 'usersRemote', labels: ['удаленных пользователей', 'удаленные пользователи'], words: { ru: 'удаленных пользователей', en: 'remote users' } },
        { id: 'visits', labels: ['число посещений библиотеки', 'число посещений', 'количество посещений'], words: { ru: 'Число посещений', en: 'Visits' } },
        { id: 'visitsServices', labels: ['для получения библиотечно информационных услуг', 'для получения услуг'], words: { ru: 'для получения библиотечно-информационных услуг', en: 'visits for services' } },
        { id: 'visitsEvents', labels: ['для участия в массовых мероприятиях', 'посещений массовых мероприятий', 'посещение массовых мероприятий', 'на мероприятиях'], words: { ru: 'для участия в массовых мероприятиях', en: 'visits to events' } },
        { id: 'remote', labels: ['число обращений к библиотеке удаленных пользователей', 'число обращений удаленных пользователей', 'обращений удаленных пользователей'], words: { ru: 'Число обращений удаленных пользователей', en: 'Remote requests' } },
        { id: 'remoteOutpost', labels: ['через внестационарные формы обслуживания', 'внестационарные формы обслуживания'], words: { ru: 'через внестационарные формы обслуживания', en: 'outreach' } },
        { id: 'website', labels: ['обращений к веб сайту', 'обращения к веб сайту', 'обращений к сайту', 'обращения к сайту'], words: { ru: 'обращений к веб-сайту', en: 'website requests' } },
        { id: 'loans', labels: ['выдано просмотрено документов', 'выдано документов', 'книговыдача', 'документовыдача'], words: { ru: 'Выдано документов', en: 'Loans' } },
        { id: 'trips', labels: ['количество выездов и стоянок кибо', 'выездов и стоянок'], words: { ru: 'Выезды и стоянки КИБО', en: 'Mobile library stops' } },
        { id: 'reference', labels: ['выполнено справок и консультаций', 'справок и консультаций'], words: { ru: 'Выполнено справок и консультаций', en: 'Reference answers' } },
        { id: 'events', labels: ['количество массовых мероприятий', 'число массовых мероприятий', 'массовых мероприятий без выставок'], words: { ru: 'Количество массовых мероприятий', en: 'Events' } },
        { id: 'exhibitions', labels: ['количество книжных выставок', 'книжных выставок'], words: { ru: 'Количество книжных выставок', en: 'Book exhibitions' } },
      ],
    },
    { id: 'year', type: 'year' },
  ],
  relations: [
    { type: 'sum', dim: 'indicator', total: 'users', parts: ['usersInside', 'usersRemote'], exhaustive: false },
    { type: 'sum', dim: 'indicator', total: 'visits', parts: ['visitsServices', 'visitsEvents'], exhaustive: false },
    { type: 'sum', dim: 'indicator', total: 'remote', parts: ['remoteOutpost', 'website'], exhaustive: false },
  ],
});
