/**
 * The shops' own failures, by key, in English (main's words; `errors.ts` gathers every
 * domain's list, the Russian is in `i18n/shops.ru.ts`).
 */
export const shopFailures = {
  'demo-shop-readonly': 'The Demo shop cannot be edited. Add your own shop instead.',
  'demo-shop-builtin': 'The Demo shop is built in and cannot be removed.',
  'shop-gone': 'This shop no longer exists. Refresh the list.',
  'secret-required': 'Enter the shop’s secret key.',
  'unknown-time-zone': 'Choose the shop’s time zone from the list.',
  'secret-missing': 'No secret key is stored for “{shop}”. Enter it in Settings › Shops.',
  'choose-shop': 'Choose a shop in Settings › Shops first.',
} as const
