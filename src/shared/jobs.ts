/**
 * Failures of resumable jobs (import uploads, bulk sends, …) that are not any one domain's:
 * English here, the Russian in `i18n/jobs.ru.ts`.
 */
export const jobFailures = {
  'job-not-resumable': 'This job has finished or is already running.',
  'job-not-running': 'Only a running job can be paused.',
  'job-stopped':
    'The job stopped unexpectedly ({cause}). What was done is kept: resume to carry on.',
} as const
