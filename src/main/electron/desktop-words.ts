import type { Language } from '../../shared/settings'
import { en } from '../../renderer/src/i18n/en'
import { ru } from '../../renderer/src/i18n/ru'

/**
 * The words main shows itself (native menu, right-click menu, quit question, OS
 * notifications), from the same catalogue as the window, in the marketer's language.
 */
export function desktopWords(language: Language) {
  const catalogue = language === 'ru' ? ru : en
  return { ...catalogue.desktop, nav: catalogue.nav, appName: catalogue.app.name }
}
export type DesktopWords = ReturnType<typeof desktopWords>

/** vue-i18n's named placeholders ("{name}"), filled the same way main-side. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  )
}
