export { jobFailures } from './failures/jobs'
/**
 * Failures of resumable jobs (import uploads, bulk sends, …) that are not any one domain's:
 * English here, the Russian in `i18n/jobs.ru.ts`.
 */
