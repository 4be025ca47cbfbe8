import type { promoFailures } from '../../../shared/promo-codes'
import type { promoCodesEn } from './promo-codes.en'

/** Ошибки по ключу (английский текст — в shared/promo-codes.ts). */
export const promoFailuresRu: Record<keyof typeof promoFailures, string> = {
  'promo-list-gone': 'Этого списка больше нет в PersonaClick. Обновите списки.',
  'promo-name-mismatch': 'Для подтверждения введите название списка точно.',
  'promo-review-gone': 'Эта проверка устарела. Проверьте коды ещё раз.',
  'promo-upload-gone': 'Этой загрузки больше нет.',
  'promo-nothing-to-send': 'Нет ни одного нового корректного кода.',
  'promo-pattern-no-slots': 'Добавьте в шаблон хотя бы одну X: каждая X станет случайным символом.',
  'promo-pattern-invalid':
    'В шаблоне не может быть пробелов и управляющих символов, и он не длиннее 64 символов.',
  'promo-pattern-too-short':
    'В шаблоне слишком мало X для стольких разных кодов. Добавьте X или уменьшите число кодов.',
}

/** Экран «Промокоды». Числа — после двоеточия, чтобы не склонять слово «код». */
export const promoCodesRu: typeof promoCodesEn = {
  title: 'Промокоды',
  lead: 'Следите, чтобы в списках кодов для кампаний не кончались коды: загружайте, очищайте и удаляйте коды, получайте предупреждение заранее.',
  refresh: 'Обновить',
  readAt: 'Получено из PersonaClick в {time}',
  search: 'Поиск списка по названию',
  stock: 'Остаток',
  stockAll: 'Все списки',
  stockFree: 'Только списки со свободными кодами',
  loading: 'Читаем списки кодов…',
  empty:
    'У этого магазина пока нет списков промокодов. Создайте список в панели PersonaClick и обновите.',
  noMatch: 'Ни один список не подходит под фильтры.',
  columns: {
    name: 'Список',
    available: 'Доступно',
    threshold: 'Предупреждать ниже',
    trend: 'За 30 дней',
    forecast: 'Закончатся',
    actions: 'Действия',
  },
  id: 'ID списка: {id}',
  low: 'Мало кодов',
  thresholdLabel: 'Предупреждать, когда в «{name}» кодов меньше, чем',
  trendLabel: 'Доступные коды в «{name}» за 30 дней: {points}',
  trendNone: 'Пока одно измерение',
  forecast: {
    days: 'примерно через {days} дн.',
    empty: 'Кодов не осталось',
    steady: 'Не убывают',
    'not-enough-history': 'Пока мало истории',
  },
  lowToast:
    'В «{name}» заканчиваются коды: осталось {available} (порог предупреждения — {threshold}).',
  actions: {
    upload: 'Загрузить коды',
    delete: 'Удалить коды',
    purge: 'Очистить неотправленные',
    ledger: 'Выгрузить загруженные коды',
    more: 'Другие действия',
    moreFor: 'Другие действия со списком «{name}»',
  },
  actionsFor: 'Действия со списком «{name}»',
  ledgerExported: 'Загруженные коды выгружены.',
  upload: {
    title: 'Загрузка кодов в «{name}»',
    source: 'Откуда коды',
    sources: { generate: 'Сгенерировать', paste: 'Вставить', file: 'Файл' },
    pattern: 'Шаблон',
    patternHint: 'Каждая X станет случайной буквой или цифрой (без похожих 0/O и 1/I/L).',
    count: 'Сколько кодов',
    paste: 'Коды, по одному в строке',
    drop: 'Перетащите CSV или TXT с кодами или выберите файл',
    column: 'Колонка с кодами',
    hasHeader: 'Первая строка — заголовок',
    review: 'Проверить коды',
    reviewing: 'Читаем и проверяем коды…',
    summary:
      'Прочитано: {read}. Будет отправлено новых кодов: {count}. Убрано: повторы — {duplicates}, уже загружены этой консолью — {already}, некорректные — {invalid}.',
    sample: 'Первые коды: {codes}',
    invalid: 'Некорректные коды',
    invalidLine: 'Строка',
    invalidCode: 'Код',
    invalidReason: 'Проблема',
    invalidMore: 'Показаны первые {shown} из {total}.',
    reasons: {
      empty: 'Пустой',
      whitespace: 'Содержит пробел',
      'too-long': 'Длиннее 64 символов',
      control: 'Содержит управляющий символ',
    },
    batchSize: 'Кодов в одном запросе',
    start: 'Загрузить коды ({count})',
    started: 'Загрузка началась.',
    cancel: 'Отмена',
  },
  jobs: {
    title: 'Загрузки',
    none: 'Загрузок пока не было.',
    progress: 'Отправлено кодов: {sent} из {total}',
    result: 'Отправлено кодов: {sent}. Доступно в списке было {before}, стало {after}.',
    resultNew: 'Новых для списка: {n}; коды, которые в нём уже есть, PersonaClick пропускает.',
    interrupted:
      'Консоль закрылась во время загрузки. Продолжите — она начнётся с места остановки.',
    status: { running: 'Идёт', paused: 'На паузе', done: 'Готово', cancelled: 'Отменена' },
    pause: 'Пауза',
    resume: 'Продолжить',
    cancelJob: 'Отменить загрузку',
    cancelTitle: 'Отменить загрузку?',
    cancelMessage: 'Уже отправленные пакеты останутся в списке, остальные не отправятся.',
  },
  purge: {
    title: 'Очистить неотправленные коды в «{name}»?',
    message:
      'Будут удалены все неотправленные коды этого списка (доступно сейчас: {available}). Коды, уже отправленные покупателям, останутся. Отменить нельзя.',
    confirm: 'Очистить неотправленные',
    done: '«{name}» очищен: доступно было {before}, стало {after}.',
  },
  delete: {
    title: 'Удаление кодов из «{name}»',
    paste: 'Коды для удаления, по одному в строке',
    drop: 'Или перетащите CSV или TXT с кодами',
    submit: 'Удалить коды',
    confirmTitle: 'Удалить эти коды?',
    confirmMessage: 'Из «{name}» будет удалено кодов: до {count}. Отменить нельзя.',
    result:
      'Удалено: {deleted}, не найдено: {notFound}. Доступно в списке было {before}, стало {after}.',
    cancel: 'Готово',
  },
}
