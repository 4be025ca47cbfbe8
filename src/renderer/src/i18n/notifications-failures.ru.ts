import type { notificationsFailures } from '../../../shared/notifications'

export const notificationsFailuresRu: Record<keyof typeof notificationsFailures, string> = {
  'notifications-identifier-invalid':
    'Значение не похоже на правильное ({kind}). Проверьте и повторите поиск.',
  'notifications-search-gone': 'Сначала повторите поиск: этих результатов у консоли уже нет.',
}
