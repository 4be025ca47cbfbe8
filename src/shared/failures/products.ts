/**
 * Product stats' own failures, by key, in English (main's words; `errors.ts` gathers every
 * domain's list, the Russian is in `i18n/products.ru.ts`).
 */
export const productFailures = {
  'product-not-found':
    'PersonaClick does not know a product with this ID. Check the ID in your catalogue feed.',
  'watchlist-full': 'The watchlist holds up to {max} products. Unpin one first.',
  'watch-unknown': 'That product is not on the watchlist.',
  'waiting-gone': 'Nobody is waiting for this product any more. Refresh the list.',
} as const
