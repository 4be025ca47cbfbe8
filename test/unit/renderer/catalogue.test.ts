import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../../src/shared/errors'
import { en as enWindow } from '../../../src/renderer/src/i18n/en'
import { ru as ruWindow } from '../../../src/renderer/src/i18n/ru'
import { screenWords, type ScreenWordsName } from '../../../src/renderer/src/i18n/screen-words'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

/** The whole catalogue a marketer can meet: the window's words plus every screen's. */
async function whole(lang: 'en' | 'ru'): Promise<object> {
  const names = Object.keys(screenWords) as ScreenWordsName[]
  const parts = await Promise.all(names.map((n) => screenWords[n][lang]()))
  return Object.assign(
    {},
    lang === 'en' ? enWindow : ruWindow,
    ...names.map((n, i) => ({ [n]: parts[i] })),
  )
}
const en = await whole('en')
const ru = await whole('ru')

describe('i18n catalogue', () => {
  it("no screen's words collide with the window's", () => {
    for (const name of Object.keys(screenWords)) expect(Object.keys(enWindow)).not.toContain(name)
  })

  it('Russian has every English key and no extra ones', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort())
  })

  it('every error code has a marketer-readable message in both languages', () => {
    for (const code of errorCodes) {
      expect(enWindow.errors[code], code).toBeTruthy()
      expect(ruWindow.errors[code], code).toBeTruthy()
    }
  })

  it('no Russian string was left in English by mistake', () => {
    // Words docs/GLOSSARY.md keeps the same in Russian, as Russian marketers write them.
    const glossarySame = new Set(['Email', 'SMS', 'ID'])
    const same = keys(en).filter((k) => {
      const get = (o: object) =>
        k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o)
      return get(en) === get(ru) && !glossarySame.has(get(ru) as string)
    })
    // Names of products and technologies stay as they are.
    const allowed =
      /^(app\.name|languages\.|about\.(electron|chrome|node|v8)|shops\.fields\.shopId|notifications\.(channelNames\.(telegram|WhatsApp|whatsapp)|noRate))/
    expect(same.filter((k) => !allowed.test(k))).toEqual([])
  })
})
