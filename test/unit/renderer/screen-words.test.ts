// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { i18n, loadScreenWords, setLanguage } from '../../../src/renderer/src/i18n'
import { npsEn } from '../../../src/renderer/src/i18n/nps.en'
import { npsRu } from '../../../src/renderer/src/i18n/nps.ru'
import { sendsRu } from '../../../src/renderer/src/i18n/sends.ru'

const t = (key: string) => i18n.global.t(key)

describe("a screen's own words", () => {
  it('are not in the window until the screen asks, then come in the window language', async () => {
    await setLanguage('en')
    expect(i18n.global.te('nps.lead')).toBe(false)
    await loadScreenWords(['nps'])
    expect(t('nps.lead')).toBe(npsEn.lead)
  })

  it('follow a language switch, also when the switch comes while they load', async () => {
    await setLanguage('en')
    const loading = loadScreenWords(['sends'])
    await setLanguage('ru')
    await loading
    // Words asked for before the switch came in Russian too, so no screen shows English.
    expect(t('nps.lead')).toBe(npsRu.lead)
    expect(t('sends.code')).toBe(sendsRu.code)
  })
})
