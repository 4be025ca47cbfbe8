/**
 * The audience import's own failures, by key, in English (main's words; `errors.ts`
 * gathers every domain's list, the Russian is in `i18n/import.ru.ts`).
 */
export const importFailures = {
  'check-stopped': 'The file check stopped unexpectedly. Try again; if it repeats, see Activity.',
  'check-cancelled': 'The check was cancelled.',
  'check-interrupted': 'The check was interrupted. Start the import again.',
  'import-needs-email': 'Choose the column that holds the email.',
  'import-needs-identifier':
    'Choose the column that holds the email or the phone: every contact needs one.',
  'import-started': 'This import has already started.',
  'import-not-resumable': 'This import cannot be resumed.',
  'import-not-running': 'Only a running upload can be paused.',
  'import-running': 'Pause or cancel the import first.',
  'import-gone': 'That import is no longer in the history.',
} as const
