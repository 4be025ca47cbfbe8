import { Notification } from 'electron'
import type { EventPayload } from '../../shared/contract/types'
import type { Core } from '../core'

const words = {
  en: (a: EventPayload<'promo-codes:low-stock'>) => ({
    title: 'Promo codes running low',
    body: `“${a.name}”: ${a.available} codes left (you are warned below ${a.threshold}).`,
  }),
  ru: (a: EventPayload<'promo-codes:low-stock'>) => ({
    title: 'Заканчиваются промокоды',
    body: `«${a.name}»: осталось ${a.available} (порог предупреждения — ${a.threshold}).`,
  }),
}

/**
 * In the Electron host a promo-code list falling under its threshold is also an OS
 * notification, so the marketer hears of it with the window in the background; the in-app
 * toast comes from the same event.
 */
export function mountLowStockNotifications(core: Core): void {
  core.events.subscribe((event, payload) => {
    if (event !== 'promo-codes:low-stock' || !Notification.isSupported()) return
    const alert = payload as EventPayload<'promo-codes:low-stock'>
    const say = core.settings.get().language === 'ru' ? words.ru : words.en
    new Notification(say(alert)).show()
  })
}
