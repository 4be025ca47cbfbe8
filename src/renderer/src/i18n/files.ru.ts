import type { fileFailures } from '../../../shared/files'
import type { filesEn } from './files.en'

/** Строки приёма файлов; ключи совпадают с files.en.ts. */
export const filesRu: typeof filesEn = {
  dropHint: 'Перетащите файл в любое место экрана',
  dropNow: 'Отпустите файл, чтобы использовать его',
  choose: 'Выбрать файл…',
  types: 'Подходят: {types}',
  wrongType: '«{name}» — не таблица. Подходят: {types}.',
  uploading: 'Читаем «{name}»…',
  encodings: {
    'utf-8': 'Юникод (UTF-8)',
    'utf-16le': 'Юникод (UTF-16 LE)',
    'utf-16be': 'Юникод (UTF-16 BE)',
    'windows-1251': 'Кириллица (Windows-1251)',
    'windows-1252': 'Западноевропейская (Windows-1252)',
    'windows-1254': 'Турецкая (Windows-1254)',
    'koi8-r': 'Кириллица (KOI8-R)',
  },
}

/** Ошибки приёма файлов по ключу (английский текст — в shared/files.ts). */
export const fileFailuresRu: Record<keyof typeof fileFailures, string> = {
  'file-unreadable':
    'Не удалось прочитать файл. Проверьте, что он на месте и не открыт в другой программе.',
  'file-too-large': 'Файл слишком большой.',
  'file-gone': 'Файл больше недоступен. Выберите его снова.',
}
