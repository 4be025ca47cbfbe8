import type { segmentFailures } from '../../../shared/segments'

/** Ошибки по ключу (английский текст — в shared/segments.ts). */
export const segmentFailuresRu: Record<keyof typeof segmentFailures, string> = {
  'segment-exists': 'Сегмент {id} уже есть в списке. Переименуйте его.',
  'segment-unknown': 'Сегмента {id} нет в списке. Сначала добавьте его.',
  'segment-dynamic':
    'Сегмент {id} динамический: PersonaClick наполняет его по своим правилам, вручную добавлять и убирать людей нельзя.',
  'segment-contact-invalid':
    'Введите адрес эл. почты или номер телефона (с кодом страны или номер страны магазина).',
  'segment-catalogue-unreadable':
    'Этот файл — не список сегментов. Выгрузите список с этого экрана, чтобы увидеть нужные столбцы (id, name).',
  'segment-job-gone': 'Этого изменения сегмента больше нет.',
  'segment-needs-contact-column': 'Выберите столбец с email или номером телефона.',
}
