import type { jobFailures } from '../../../shared/jobs'

/** Ошибки заданий (импорт, массовая отправка) по ключу (английский текст — в shared/jobs.ts). */
export const jobFailuresRu: Record<keyof typeof jobFailures, string> = {
  'job-not-resumable': 'Это задание уже завершено или уже идёт.',
  'job-not-running': 'Приостановить можно только идущее задание.',
  'job-stopped': 'Задание неожиданно остановилось ({cause}). Сделанное сохранено: продолжите его.',
}
