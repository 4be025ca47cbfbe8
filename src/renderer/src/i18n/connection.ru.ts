import type { connectionFailures } from '../../../shared/web-protocol'

/** Ошибки связи страницы с процессом консоли (английский текст — в shared/web-protocol.ts). */
export const connectionFailuresRu: Record<keyof typeof connectionFailures, string> = {
  'request-too-large':
    'Слишком много данных для одной отправки (не больше {limitMb} МБ). Сократите текст или приложите большое содержимое файлом.',
}
