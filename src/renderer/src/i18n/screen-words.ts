import type { Language } from '../../../shared/settings'
import type { importEn } from './import.en'
import type { notificationsEn } from './notifications.en'
import type { npsEn } from './nps.en'
import type { productsEn } from './products.en'
import type { promoCodesEn } from './promo-codes.en'
import type { segmentsEn } from './segments.en'
import type { sendsEn } from './sends.en'

/**
 * The words only a screen uses, one chunk per screen and language, fetched with the screen
 * (see `loadScreenWords`) rather than with the window: they were most of each catalogue, and
 * the catalogue is part of the JavaScript before the first screen. Words shown on any screen
 * (navigation, errors, toasts, file intake) stay in `en.ts` / `ru.ts`.
 */
// A type, not an interface: vue-i18n's message types need its implicit index signature.
export type ScreenWords = {
  import: typeof importEn
  notifications: typeof notificationsEn
  nps: typeof npsEn
  products: typeof productsEn
  promoCodes: typeof promoCodesEn
  segments: typeof segmentsEn
  sends: typeof sendsEn
}

export type ScreenWordsName = keyof ScreenWords

/** One loader per screen and language; Russian is typed by the English, key for key. */
export const screenWords: {
  [K in ScreenWordsName]: Record<Language, () => Promise<ScreenWords[K]>>
} = {
  import: {
    en: () => import('./import.en').then((m) => m.importEn),
    ru: () => import('./import.ru').then((m) => m.importRu),
  },
  notifications: {
    en: () => import('./notifications.en').then((m) => m.notificationsEn),
    ru: () => import('./notifications.ru').then((m) => m.notificationsRu),
  },
  nps: {
    en: () => import('./nps.en').then((m) => m.npsEn),
    ru: () => import('./nps.ru').then((m) => m.npsRu),
  },
  products: {
    en: () => import('./products.en').then((m) => m.productsEn),
    ru: () => import('./products.ru').then((m) => m.productsRu),
  },
  promoCodes: {
    en: () => import('./promo-codes.en').then((m) => m.promoCodesEn),
    ru: () => import('./promo-codes.ru').then((m) => m.promoCodesRu),
  },
  segments: {
    en: () => import('./segments.en').then((m) => m.segmentsEn),
    ru: () => import('./segments.ru').then((m) => m.segmentsRu),
  },
  sends: {
    en: () => import('./sends.en').then((m) => m.sendsEn),
    ru: () => import('./sends.ru').then((m) => m.sendsRu),
  },
}
