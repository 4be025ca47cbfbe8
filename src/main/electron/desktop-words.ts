import type { Language } from '../../shared/settings'
import { desktopEn } from '../../renderer/src/i18n/desktop.en'
import { desktopRu } from '../../renderer/src/i18n/desktop.ru'
import { en } from '../../renderer/src/i18n/en'
import { ru } from '../../renderer/src/i18n/ru'

/**
 * The words main shows itself (native menu, right-click menu, quit question, OS
 * notifications), in the marketer's language, with the screens' names from the window's
 * catalogue. Kept out of that catalogue: the window never shows them and its start-up
 * JavaScript carries every word it holds.
 */
export function desktopWords(language: Language) {
  const catalogue = language === 'ru' ? ru : en
  const words = language === 'ru' ? desktopRu : desktopEn
  return { ...words, nav: catalogue.nav, appName: catalogue.app.name }
}
export type DesktopWords = ReturnType<typeof desktopWords>

/** vue-i18n's named placeholders ("{name}"), filled the same way main-side. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  )
}
