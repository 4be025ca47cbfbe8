import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { AppFailure, failureKeys, keyedFailure } from '../../../src/shared/errors'
import { en } from '../../../src/renderer/src/i18n/en'
import { ru } from '../../../src/renderer/src/i18n/ru'
import { errorText, sendFailure } from '../../../src/renderer/src/i18n/error-text'

function inLanguage(locale: 'en' | 'ru') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, ru } })
  const g = i18n.global
  return (err: unknown) =>
    errorText(
      err,
      (key, named) => g.t(key, named ?? {}),
      (key) => g.te(key),
    )
}

/** What reaches the renderer: the AppError main's router returns for a thrown failure. */
const wire = (f: AppFailure) => f.appError

describe('errorText', () => {
  const ruText = inLanguage('ru')
  const enText = inLanguage('en')

  it('says a service failure in the chosen language, with its parameters', () => {
    const f = keyedFailure('API_WRONG_SECRET', 'secret-missing', { shop: 'Shop A' })
    expect(ruText(wire(f))).toBe(
      'Для «Shop A» не сохранён секретный ключ. Введите его в Настройки › Магазины.',
    )
    expect(enText(wire(f))).toBe(
      'No secret key is stored for “Shop A”. Enter it in Settings › Shops.',
    )
  })

  it('has a text in both languages for every key main can raise', () => {
    for (const key of failureKeys) {
      const f = wire(keyedFailure('NOT_ALLOWED', key, { shop: 'S' }))
      expect(ruText(f), key).not.toBe(f.message)
      expect(ruText(f), key).not.toContain('errors.messages')
    }
  })

  it('words an API failure by its code and keeps what PersonaClick said', () => {
    const e = {
      code: 'API_BAD_REQUEST',
      message: 'PersonaClick refused…',
      details: { apiMessage: 'Campaign not found' },
    }
    expect(ruText(e)).toBe(`${ru.errors.API_BAD_REQUEST} Ответ PersonaClick: «Campaign not found»`)
    expect(enText(e)).toBe(`${en.errors.API_BAD_REQUEST} PersonaClick said: “Campaign not found”`)
    // An unexpected answer's body is noise (an HTML page), so it is left out.
    expect(
      ruText({ code: 'API_UNEXPECTED_RESPONSE', message: 'x', details: { apiMessage: '<html>' } }),
    ).toBe(ru.errors.API_UNEXPECTED_RESPONSE)
  })

  it('translates file problems by their reason, with the row', () => {
    const e = {
      code: 'INVALID_INPUT',
      message: 'A quote opened in row 7…',
      details: { reason: 'unclosed-quote', row: 7 },
    }
    expect(ruText(e)).toContain('7')
    expect(ruText(e)).not.toBe(e.message)
  })

  it('keeps main’s words for a failure it has no translation for', () => {
    expect(ruText({ code: 'INVALID_INPUT', message: 'Enter the recipient.' })).toBe(
      'Enter the recipient.',
    )
    expect(ruText(new Error('boom'))).toBe('boom')
    expect(ruText('plain text')).toBe('plain text')
  })

  it('reads a failed send from the log', () => {
    const entry = { errorCode: 'API_WRONG_SHOP_ID', error: 'PersonaClick does not recognise…' }
    expect(ruText(sendFailure(entry))).toBe(ru.errors.API_WRONG_SHOP_ID)
  })
})
