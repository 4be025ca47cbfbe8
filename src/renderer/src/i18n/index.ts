import { createI18n } from 'vue-i18n'
import type { Language } from '../../../shared/settings'
import { en } from './en'
import { russianPlural } from './plural-ru'
import { ru } from './ru'

const short = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const

export const i18n = createI18n({
  legacy: false,
  locale: 'en' as Language,
  fallbackLocale: 'en' as Language,
  messages: { en, ru },
  pluralRules: { ru: russianPlural },
  datetimeFormats: { en: { short }, ru: { short } },
})

export function setLanguage(lang: Language): void {
  i18n.global.locale.value = lang
  document.documentElement.lang = lang
}
