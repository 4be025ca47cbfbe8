import type { StatisticKey } from '../../../../shared/notifications'
import { format } from '../../i18n/format'

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

/** A message's time in the shop's time zone ("30 Nov 2026, 14:25"); its date when that is all. */
export function sentAtIn(
  locale: string,
  zone: string,
  sentAt: string | null,
  date: string | null,
): string {
  if (!sentAt) return date ?? '—'
  try {
    return format(locale, zone).dateTime(sentAt)
  } catch {
    return sentAt
  }
}
