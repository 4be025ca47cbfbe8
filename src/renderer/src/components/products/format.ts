/**
 * A product's price in its currency, in the UI language (the other numbers, shares and
 * times go through `i18n/format.ts`).
 */
export function formatPrice(price: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(price)
  } catch {
    // Not an ISO currency code (shops may set their own): the number and the code as given.
    return `${new Intl.NumberFormat(locale).format(price)} ${currency}`.trim()
  }
}
