import { activityRu } from './activity.ru'
import { apiFailuresRu } from './api.ru'
import type { WindowWords } from './en'
import { connectionFailuresRu } from './connection.ru'
import { fileFailuresRu, filesRu } from './files.ru'
import { importFailuresRu } from './import-failures.ru'
import { jobFailuresRu } from './jobs.ru'
import { linkFailuresRu } from './links.ru'
import { notificationsFailuresRu } from './notifications-failures.ru'
import { segmentFailuresRu } from './segments-failures.ru'
import { productFailuresRu } from './products-failures.ru'
import { sendFailuresRu } from './sends-failures.ru'
import { promoFailuresRu } from './promo-codes-failures.ru'
import { shopFailuresRu, shopsRu } from './shops.ru'

export const ru: WindowWords = {
  app: {
    name: 'PersonaClick Console',
    skipToContent: 'Перейти к содержимому',
  },
  nav: {
    label: 'Главное меню',
    overview: 'Обзор',
    activity: 'Журнал',
    settings: 'Настройки',
    about: 'О программе',
    nps: 'Аналитика NPS',
    products: 'Статистика товаров',
    sends: 'Транзакционные отправки',
    segments: 'Сегменты',
    import: 'Импорт аудитории',
    notifications: 'История сообщений',
    promoCodes: 'Промокоды',
  },
  header: {
    shop: 'Магазин',
    noShop: 'Магазин ещё не подключён',
    connection: {
      connected: 'Подключено',
      connecting: 'Подключение…',
      refused: 'Ключ не принят',
      unreachable: 'PersonaClick недоступен',
      disconnected: 'Нет связи',
      signedOut:
        'Ссылка уже использована или устарела: нажмите Enter в терминале консоли, чтобы открыть её снова',
    },
    connectionHint: {
      refused:
        'PersonaClick не принял секретный ключ этого магазина. Замените его в Настройки › Магазины.',
      unreachable:
        'PersonaClick не ответил на последний запрос этого магазина. Проверьте подключение к интернету; консоль попробует снова при следующем запросе.',
    },
  },
  theme: {
    system: 'Как в системе',
    light: 'Светлая',
    dark: 'Тёмная',
  },
  languages: {
    en: 'English',
    ru: 'Русский',
  },
  states: {
    loading: 'Загрузка…',
    emptyTitle: 'Здесь пока пусто',
    errorTitle: 'Что-то пошло не так',
    retry: 'Повторить',
  },
  toast: {
    dismiss: 'Закрыть',
    region: 'Уведомления',
    promoLow:
      'В «{name}» заканчиваются коды: осталось {available} (порог предупреждения — {threshold}).',
  },
  confirm: {
    cancel: 'Отмена',
    confirm: 'Подтвердить',
    typeToConfirm: 'Введите {word}, чтобы подтвердить',
  },
  overview: {
    title: 'Обзор',
    lead: 'Управляйте магазином в PersonaClick без таблиц с curl-командами.',
    whatsNext: 'С чего начать',
    stepSettings: 'Выберите язык и тему в настройках.',
    stepShops:
      'Добавьте свой магазин с shop ID и секретным ключом в Настройки › Магазины. А пока осмотритесь в демо-магазине.',
    stepActivity: 'Все обращения к PersonaClick видны в Журнале, без секретных ключей.',
    openSettings: 'Открыть настройки',
    docsLink: 'Документация PersonaClick API',
    counts: 'Нет магазинов | {n} магазин | {n} магазина | {n} магазинов',
    tasks: 'Что нужно сделать?',
    taskImport: 'Загрузить контакты из CSV-файла в аудиторию или в стоп-лист.',
    taskSends: 'Отправить одно транзакционное сообщение или много из CSV — без повторов.',
    taskSegments: 'Добавлять людей в статические сегменты и убирать их — по одному или из файла.',
    taskNps: 'Посмотреть NPS, его динамику и что пишут клиенты.',
    taskNotifications: 'Найти всё, что получил клиент, и проверить статус сообщения по коду.',
    taskPromoCodes:
      'Пополнять списки промокодов, очищать их и узнавать заранее, что коды кончаются.',
    taskProducts: 'Что смотрят и кладут в корзину, кто ждёт товар и пробелы каталога.',
    open: 'Открыть',
    glance: {
      title: '{shop}: коротко',
      loading: 'Загрузка…',
      lastImport: 'Последний импорт',
      importDetail: 'контактов загружено из {file}, {when}',
      noImport: 'Из этой консоли ещё не было импорта.',
      openImport: 'Импортировать контакты',
      lastBulk: 'Последняя массовая отправка',
      bulkDetail: 'сообщений отправлено из {file}, {when}',
      noBulk: 'Из этой консоли ещё не было массовых отправок.',
      openSends: 'Отправить сообщения',
      nps: 'NPS за 30 дней',
      npsDetail: 'по {n} ответам',
      noNps: 'За последние 30 дней ответов NPS нет.',
      openNps: 'Открыть аналитику NPS',
      promo: 'Списки промокодов на исходе',
      promoLow: 'Ниже порога предупреждения: {names}',
      promoFine: 'Все списки ({n}) выше порога предупреждения.',
      openPromo: 'Открыть промокоды',
    },
  },
  settings: {
    title: 'Настройки',
    appearance: 'Внешний вид',
    language: 'Язык',
    languageHelp: 'Язык консоли. На отправляемые сообщения не влияет.',
    theme: 'Тема',
    themeHelp: '«Как в системе» повторяет светлый или тёмный режим компьютера.',
    saved: 'Настройки сохранены',
  },
  shops: shopsRu,
  activity: {
    lead: 'Все обращения консоли к PersonaClick, новые сверху. Секретные ключи не записываются.',
    allShops: 'Все магазины',
    allOutcomes: 'Все результаты',
    filterShop: 'Фильтр по магазину',
    filterOutcome: 'Фильтр по результату',
    filterPath: 'Адрес API, напр. /nps',
    count: 'Нет запросов | {n} запрос | {n} запроса | {n} запросов',
    export: 'Выгрузить CSV',
    // Short: on the Journal screen it can only mean the journal, and the bar stays one line.
    clear: 'Очистить',
    clearTitle: 'Очистить журнал запросов?',
    clearMessage:
      'Все записи будут удалены с этого компьютера. В PersonaClick ничего не изменится.',
    cleared: 'Журнал очищен',
    emptyTitle: 'Запросов пока нет',
    emptyMessage:
      'Запросы появятся здесь по мере работы — попробуйте «Проверить связь» в настройках.',
    removedShop: 'Удалённый магазин',
    ms: '{n} мс',
    cols: {
      time: 'Время',
      shop: 'Магазин',
      request: 'Запрос',
      result: 'Результат',
      duration: 'Длительность',
      size: 'Размер',
    },
    ...activityRu,
  },
  files: filesRu,
  exports: {
    save: {
      more: 'Выбрать разделитель',
      comma: 'Через запятую (,)',
      semicolon: 'Через точку с запятой (;)',
      tab: 'Через табуляцию',
    },
  },
  about: {
    title: 'О программе',
    version: 'Версия',
    host: 'Режим запуска',
    hosts: {
      electron: 'Настольное приложение (Electron)',
      browser: 'В браузере (Chromium)',
    },
    electron: 'Electron',
    chrome: 'Chromium',
    node: 'Node.js',
    v8: 'V8',
    platform: 'Платформа',
    dataDir: 'Папка данных',
    notApplicable: 'не используется',
  },
  notFound: {
    title: 'Страница не найдена',
    body: 'Такой страницы нет. Воспользуйтесь меню слева.',
  },
  errors: {
    UNKNOWN_CHANNEL: 'Консоль запросила неизвестное действие. Перезагрузите окно.',
    INVALID_INPUT: 'Некоторые значения заполнены неверно. Проверьте форму и повторите.',
    FORBIDDEN_SENDER: 'Этой странице нельзя обращаться к консоли.',
    INTERNAL: 'Внутренняя ошибка консоли. Повторите; если не поможет — загляните в журнал.',
    NOT_FOUND: 'Этого элемента больше нет. Обновите список.',
    NOT_ALLOWED: 'Сейчас это сделать нельзя.',
    CANCELLED: 'Отменено.',
    API_BAD_REQUEST:
      'PersonaClick отклонил запрос: данные неполные или неверные. Проверьте значения.',
    API_WRONG_SHOP_ID: 'PersonaClick не знает такой shop ID. Проверьте его в Настройки › Магазины.',
    API_WRONG_SECRET: 'Секретный ключ не подошёл. Замените его в Настройки › Магазины.',
    API_NOT_FOUND: 'PersonaClick не нашёл запрошенное.',
    API_METHOD_NOT_ALLOWED: 'PersonaClick не принимает такой запрос по этому адресу.',
    API_NOT_ACCEPTABLE: 'PersonaClick не смог принять формат данных. Проверьте значения.',
    API_RATE_LIMITED: 'PersonaClick просит снизить частоту запросов. Консоль скоро повторит.',
    API_SERVER_ERROR: 'Внутренняя ошибка PersonaClick. Повторите через несколько минут.',
    API_UNAVAILABLE: 'PersonaClick временно недоступен. Повторите через несколько минут.',
    API_UNEXPECTED_RESPONSE: 'PersonaClick ответил неожиданно. Повторите позже.',
    NETWORK_UNREACHABLE: 'Сервер недоступен. Проверьте подключение к интернету и адрес API.',
    TLS_ERROR: 'Сертификат сервера не вызывает доверия. Проверьте адрес API.',
    TIMEOUT: 'Сервер слишком долго не отвечал. Повторите.',
    OUTCOME_UNKNOWN:
      'Неизвестно, дошёл ли запрос до PersonaClick. Проверьте, прежде чем повторять.',
    apiSaid: 'Ответ PersonaClick: «{message}»',
    messages: {
      ...apiFailuresRu,
      ...linkFailuresRu,
      ...shopFailuresRu,
      ...fileFailuresRu,
      ...importFailuresRu,
      ...sendFailuresRu,
      ...segmentFailuresRu,
      ...promoFailuresRu,
      ...notificationsFailuresRu,
      ...jobFailuresRu,
      ...productFailuresRu,
      ...connectionFailuresRu,
    },
  },
}
