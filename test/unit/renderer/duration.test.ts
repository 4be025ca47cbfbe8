// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { useDuration } from '../../../src/renderer/src/composables/use-duration'
import { i18n, setLanguage } from '../../../src/renderer/src/i18n'

// Catalogues load on demand, as in the window.
beforeAll(async () => {
  await setLanguage('ru')
  await setLanguage('en')
})

/** Runs the composable inside a component, where useI18n works, and returns its formatter. */
function formatter(locale: 'en' | 'ru'): (seconds: number) => string {
  i18n.global.locale.value = locale
  let format: ((s: number) => string) | undefined
  const app = createApp(
    defineComponent({
      setup() {
        format = useDuration()
        return () => h('div')
      },
    }),
  )
  app.use(i18n).mount(document.createElement('div'))
  return format!
}

describe('durations as a marketer reads them', () => {
  it('a short job is seconds, not "about 1 min" (3 rows at 5 per second)', () => {
    expect(formatter('en')(3 / 5)).toBe('1 second')
    expect(formatter('en')(0.2)).toBe('under a second')
    expect(formatter('en')(42)).toBe('42 seconds')
  })

  it('minutes, then hours and minutes', () => {
    const en = formatter('en')
    expect(en(90)).toBe('2 minutes')
    expect(en(3600)).toBe('1 hour')
    expect(en(3600 + 20 * 60)).toBe('1 h 20 min')
  })

  it('Russian plural forms', () => {
    const ru = formatter('ru')
    expect([1, 3, 5, 21].map(ru)).toEqual(['1 секунда', '3 секунды', '5 секунд', '21 секунда'])
    expect(ru(120)).toBe('2 минуты')
    expect(ru(7200)).toBe('2 часа')
  })
})
