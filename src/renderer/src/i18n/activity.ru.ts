import type { activityEn } from './activity.en'

/** Журнал: зачем был каждый запрос и чем он кончился (ключи — как в activity.en.ts). */
export const activityRu: typeof activityEn = {
  results: {
    succeeded: 'Успешно',
    retried: 'Успешно после повтора',
    failed: 'Не удалось',
    unknown: 'Результат неизвестен',
    cancelled: 'Отменён',
  },
  httpStatus: 'HTTP-статус {status}',
  noAnswer: 'PersonaClick не ответил',
  routes: {
    import: { audience: 'Импорт аудитории', suppressed: 'Импорт в стоп-лист' },
    segments: {
      add: 'Добавление в сегмент',
      remove: 'Удаление из сегмента',
      get: 'Сегменты покупателя',
      includes: 'Проверка сегмента',
    },
    profile: { get: 'Поиск покупателя' },
    promoCodes: {
      list: 'Списки промокодов',
      upload: 'Загрузка промокодов',
      purge: 'Очистка неотправленных',
      delete: 'Удаление промокодов',
    },
    notifications: { list: 'История сообщений', status: 'Статус сообщения' },
    nps: { reviews: 'Ответы NPS', categories: 'Категории NPS', channels: 'Каналы NPS' },
    transact: 'Транзакционная отправка',
    sms: { transactional: 'Отправка SMS' },
    products: {
      get: 'Данные товара',
      counters: 'Счётчики товара',
      categories: 'Категории товаров',
      notWidgetable: 'Пробелы каталога',
      subscribersStock: 'Ждут поступления',
      subscribersPrice: 'Ждут снижения цены',
    },
    subscriptions: {
      check: 'Проверка подписок',
      changes: 'Изменения подписок',
      manage: 'Изменение подписок',
    },
    search: { noResultQueries: 'Пустые поиски' },
  },
  details: {
    open: 'Технические подробности',
    openNamed: 'Технические подробности: {name}, {time}',
    title: 'Технические подробности (для поддержки)',
    request: 'Запрос к API',
    status: 'HTTP-статус',
    none: 'нет',
    errorCode: 'Код ошибки',
    retries: 'Повторы',
    size: 'Размер ответа',
    params: 'Отправленные параметры',
    close: 'Закрыть',
  },
}
