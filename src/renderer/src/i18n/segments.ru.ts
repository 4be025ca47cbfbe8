import type { segmentFailures } from '../../../shared/segments'
import type { segmentsEn } from './segments.en'

export const segmentsRu: typeof segmentsEn = {
  tabs: { customer: 'Один покупатель', bulk: 'Изменить многих', list: 'Список сегментов' },
  named: '«{name}» · {id}',
  unnamed: 'Сегмент {id} (без названия)',
  types: { static: 'Статический', dynamic: 'Динамический', unknown: 'Пока неизвестно' },
  picker: {
    placeholder: 'Выберите сегмент',
    filter: 'Поиск по названию или ID',
    useId: 'Сегмент {id} (нет в списке)',
    new: 'Новый сегмент…',
  },
  dialog: {
    newTitle: 'Новый сегмент',
    renameTitle: 'Название сегмента',
    id: 'ID сегмента',
    idHint: 'Номер, который PersonaClick показывает у сегмента (Аудитория › Сегменты).',
    name: 'Название',
    note: 'Заметка (необязательно)',
    save: 'Сохранить',
    cancel: 'Отмена',
  },
  lookup: {
    title: 'Найти покупателя',
    contact: 'Эл. почта или телефон',
    contactHint:
      'Читается так же, как при импорте: почта строчными буквами, телефон с кодом страны (без него — страна магазина).',
    find: 'Найти',
    idleTitle: 'Чьи сегменты?',
    idleMessage: 'Введите почту или телефон покупателя, чтобы увидеть его сегменты и изменить их.',
    errorTitle: 'Найти не получилось',
    notFoundTitle: 'В PersonaClick нет покупателя {contact}',
    notFoundMessage:
      'Проверьте написание или попробуйте номер телефона. Добавление в сегмент создаст покупателя.',
    customer: 'Сегменты {contact}',
    noSegments: 'Пока ни в одном сегменте. Выберите сегмент ниже, чтобы добавить.',
    nameIt: 'Дать название',
    nameItLabel: 'Дать название сегменту {id}',
    segment: 'Сегмент',
    add: 'Добавить в сегмент',
    check: 'Состоит ли в нём?',
    remove: 'Убрать',
    removeLabel: 'Убрать из сегмента {segment}',
    removeTitle: 'Убрать из сегмента?',
    removeMessage:
      '{contact} больше не будет в сегменте {segment}. Добавить обратно можно в любой момент.',
    added: '{contact} добавлен(а) в сегмент {segment}.',
    removed: '{contact} убран(а) из сегмента {segment}.',
    dynamicNote:
      'Это динамический сегмент: PersonaClick наполняет его по своим правилам, вручную добавлять и убирать нельзя.',
    isIn: 'Да: {contact} состоит в сегменте {segment}.',
    isNotIn: 'Нет: {contact} не состоит в сегменте {segment}.',
  },
  list: {
    title: 'Сегменты этого магазина',
    lead: 'PersonaClick не сообщает консоли названия сегментов, поэтому назовите их здесь. Список хранится на этом компьютере; выгрузите его, чтобы поделиться с командой.',
    add: 'Новый сегмент',
    export: 'Выгрузить CSV',
    import: 'Загрузить CSV',
    imported:
      'В файле нет сегментов | Из файла взят {n} сегмент | Из файла взято {n} сегмента | Из файла взято {n} сегментов',
    emptyTitle: 'Сегментов пока нет',
    emptyMessage:
      'Добавьте сегмент по ID и понятному названию или найдите покупателя — его сегменты появятся здесь.',
    id: 'Номер (ID)',
    name: 'Название',
    type: 'Тип',
    changes: 'Изменено отсюда',
    counts: 'добавлено: {added}, убрано: {removed}',
    lastUsed: 'Использован',
    never: 'Никогда',
    actions: 'Действия',
    rename: 'Переименовать',
    renameLabel: 'Переименовать сегмент {id}',
    forget: 'Забыть',
    forgetLabel: 'Забыть сегмент {id}',
    forgetTitle: 'Забыть {segment}?',
    forgetMessage:
      'Он будет убран только из списка этой консоли. Сам сегмент и его участники останутся в PersonaClick.',
  },
}

/** Ошибки по ключу (английский текст — в shared/segments.ts). */
export const segmentFailuresRu: Record<keyof typeof segmentFailures, string> = {
  'segment-exists': 'Сегмент {id} уже есть в списке. Переименуйте его.',
  'segment-unknown': 'Сегмента {id} нет в списке. Сначала добавьте его.',
  'segment-dynamic':
    'Сегмент {id} динамический: PersonaClick наполняет его по своим правилам, вручную добавлять и убирать людей нельзя.',
  'segment-contact-invalid':
    'Введите адрес эл. почты или номер телефона (с кодом страны или номер страны магазина).',
  'segment-catalogue-unreadable':
    'Этот файл — не список сегментов. Выгрузите список с этого экрана, чтобы увидеть нужные колонки (id, name).',
  'segment-job-gone': 'Этого изменения сегмента больше нет.',
  'segment-needs-contact-column': 'Выберите колонку с эл. почтой или номером телефона.',
}
