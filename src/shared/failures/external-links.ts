/**
 * Failures of opening a link, by key, in English (main's words; `errors.ts` gathers every
 * domain's list, the Russian is in `i18n/links.ru.ts`).
 */
export const linkFailures = {
  'link-outside':
    'This link goes outside PersonaClick, so the console will not open it. Copy it if you trust it.',
} as const
