import type { sendFailures } from '../../../shared/sends'

/** Ошибки по ключу (английский текст — в shared/sends.ts). */
export const sendFailuresRu: Record<keyof typeof sendFailures, string> = {
  'message-code-required': 'Введите код сообщения.',
  'send-gone': 'Этой отправки больше нет в журнале.',
  'bulk-gone': 'Этой массовой отправки больше нет.',
  'bulk-needs-recipient': 'Выберите столбец с email или номером телефона.',
  'bulk-sms-needs-phone': 'Для SMS-кампании нужен столбец с номером телефона.',
}
