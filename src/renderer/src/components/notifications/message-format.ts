import type { StatisticKey } from '../../../../shared/notifications'

/** Each statistic as an icon the table and the preview show beside its words. */
export const statisticIcons: Record<StatisticKey, string> = {
  opened: 'pi pi-eye',
  clicked: 'pi pi-link',
  hard_bounced: 'pi pi-ban',
  soft_bounced: 'pi pi-replay',
  complained: 'pi pi-flag',
  unsubscribed: 'pi pi-user-minus',
  purchased: 'pi pi-shopping-cart',
}

/** Building an Intl formatter costs ~2 ms; a page of history formats hundreds of times. */
const formatters = new Map<string, Intl.DateTimeFormat>()

/** A message's time in the shop's time zone ("30 Nov 2026, 14:25"); its date when that is all. */
export function sentAtIn(
  locale: string,
  zone: string,
  sentAt: string | null,
  date: string | null,
): string {
  if (!sentAt) return date ?? '—'
  try {
    const key = `${locale}|${zone}`
    let format = formatters.get(key)
    if (!format) {
      format = new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: zone,
      })
      formatters.set(key, format)
    }
    return format.format(new Date(sentAt))
  } catch {
    return sentAt
  }
}
