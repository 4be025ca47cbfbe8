/** Product stats. ru: products.ru.ts, same keys. */
export const productsEn = {
  lead: 'What shoppers look at, cart and wait for, and what PersonaClick cannot show.',
}
