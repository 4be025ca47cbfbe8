import type { importFailures } from '../../../shared/import'

/** Ошибки по ключу (английский текст — в shared/import.ts). */
export const importFailuresRu: Record<keyof typeof importFailures, string> = {
  'check-stopped':
    'Проверка файла неожиданно остановилась. Повторите; если не поможет — загляните в журнал.',
  'check-cancelled': 'Проверка отменена.',
  'check-interrupted': 'Проверка была прервана. Начните импорт заново.',
  'import-needs-email': 'Выберите столбец с email.',
  'import-needs-identifier':
    'Выберите столбец с email или телефоном: у каждого контакта должен быть один из них.',
  'import-started': 'Этот импорт уже запущен.',
  'import-not-resumable': 'Этот импорт нельзя продолжить.',
  'import-not-running': 'Приостановить можно только идущую загрузку.',
  'import-running': 'Сначала приостановите или отмените импорт.',
  'import-gone': 'Этого импорта больше нет в истории.',
}
