/** Numbers, shares and instants as the Product stats screen shows them, in the UI language. */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n)
}

export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share)
}

export function formatTime(iso: string | number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}

export function formatPrice(price: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(price)
  } catch {
    // Not an ISO currency code (shops may set their own): the number and the code as given.
    return `${new Intl.NumberFormat(locale).format(price)} ${currency}`.trim()
  }
}
