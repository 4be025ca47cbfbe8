/**
 * File intake's own failures, by key, in English (main's words; `errors.ts` gathers every
 * domain's list, the Russian is in `i18n/files.ru.ts`).
 */
export const fileFailures = {
  'file-unreadable':
    'That file cannot be read. Check it still exists and is not open in another program.',
  'file-too-large': 'The file is too large.',
  'file-gone': 'That file is no longer available. Choose it again.',
} as const
