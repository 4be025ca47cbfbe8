import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../../src/shared/errors'
import { en } from '../../../src/renderer/src/i18n/en'
import { ru } from '../../../src/renderer/src/i18n/ru'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('i18n catalogue', () => {
  it('Russian has every English key and no extra ones', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort())
  })

  it('every error code has a marketer-readable message in both languages', () => {
    for (const code of errorCodes) {
      expect(en.errors[code], code).toBeTruthy()
      expect(ru.errors[code], code).toBeTruthy()
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
