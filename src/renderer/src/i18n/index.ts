import { createI18n } from 'vue-i18n'
import type { Language } from '../../../shared/settings'
import type { MessageSchema } from './en'
import { russianPlural } from './plural-ru'

export const i18n = createI18n({
  legacy: false,
  locale: 'en' as Language,
  fallbackLocale: 'en' as Language,
  // Each catalogue is a fifth of the window's start-up JavaScript: only the chosen one is
  // fetched (see `setLanguage`), before the first screen is drawn.
  messages: {} as Record<Language, MessageSchema>,
  pluralRules: { ru: russianPlural },
})

const catalogues: Record<Language, () => Promise<MessageSchema>> = {
  en: () => import('./en').then((m) => m.en),
  ru: () => import('./ru').then((m) => m.ru),
}

/** Switches the window's language, loading its catalogue first when it is not here yet. */
export async function setLanguage(lang: Language): Promise<void> {
  if (!i18n.global.availableLocales.includes(lang)) {
    i18n.global.setLocaleMessage(lang, await catalogues[lang]())
  }
  i18n.global.locale.value = lang
  document.documentElement.lang = lang
}
