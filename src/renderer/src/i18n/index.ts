import { createI18n } from 'vue-i18n'
import type { Language } from '../../../shared/settings'
import type { MessageSchema, WindowWords } from './en'
import { russianPlural } from './plural-ru'
import { screenWords, type ScreenWordsName } from './screen-words'

export const i18n = createI18n({
  legacy: false,
  locale: 'en' as Language,
  fallbackLocale: 'en' as Language,
  // Each catalogue is a fifth of the window's start-up JavaScript: only the chosen one is
  // fetched (see `setLanguage`), before the first screen is drawn, and a screen's own words
  // come with the screen (`loadScreenWords`).
  messages: {} as Record<Language, MessageSchema>,
  pluralRules: { ru: russianPlural },
})

const catalogues: Record<Language, () => Promise<WindowWords>> = {
  en: () => import('./en').then((m) => m.en),
  ru: () => import('./ru').then((m) => m.ru),
}

/** The screens' words asked for so far (a language switch brings them in the new language). */
const wanted = new Set<ScreenWordsName>()
const loaded: Record<Language, Set<ScreenWordsName>> = { en: new Set(), ru: new Set() }

async function loadIn(lang: Language, names: Iterable<ScreenWordsName>): Promise<void> {
  await Promise.all(
    [...names]
      .filter((name) => !loaded[lang].has(name))
      .map(async (name) => {
        const words = await screenWords[name][lang]()
        i18n.global.mergeLocaleMessage(lang, { [name]: words })
        loaded[lang].add(name)
      }),
  )
}

/** Brings a screen's words in the window's language; the router awaits it with the view. */
export async function loadScreenWords(names: readonly ScreenWordsName[]): Promise<void> {
  for (const name of names) wanted.add(name)
  // The language may change while these load: then load them again in the new one.
  let lang: Language
  do {
    lang = i18n.global.locale.value as Language
    await loadIn(lang, names)
  } while (lang !== i18n.global.locale.value)
}

/** Switches the window's language, loading its catalogue first when it is not here yet. */
export async function setLanguage(lang: Language): Promise<void> {
  if (!i18n.global.availableLocales.includes(lang)) {
    i18n.global.setLocaleMessage(lang, (await catalogues[lang]()) as MessageSchema)
  }
  // The open screen's words (and any seen before) come in the new language before the switch,
  // so the screen never shows bare keys.
  await loadIn(lang, wanted)
  i18n.global.locale.value = lang
  document.documentElement.lang = lang
}
