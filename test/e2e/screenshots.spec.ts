import { expect, test } from './support/fixtures'

/**
 * `npm run screenshots`: every screen in light and dark, English and Russian, into
 * docs/screenshots/ for review (and the README). Not part of `npm test`.
 */
const screens = ['overview', 'import', 'sends', 'nps', 'activity', 'settings', 'about']

test.describe('screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'run with npm run screenshots')

  for (const lang of ['en', 'ru'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${lang} ${theme}`, async ({ app }) => {
        await app.setViewportSize({ width: 1280, height: 800 })
        await app.evaluate(
          ([language, mode]) => window.pc.invoke('settings:update', { language, theme: mode }),
          [lang, theme] as const,
        )
        // One real call, so the Activity screen has something to show.
        await app.evaluate(async () => {
          const shops = await window.pc.invoke('shops:list', {})
          if (shops.ok && shops.value.activeId) {
            await window.pc.invoke('shops:test-connection', { id: shops.value.activeId })
          }
        })
        for (const screen of screens) {
          await app.getByTestId(`nav-${screen}`).click()
          await expect(app.getByTestId(`view-${screen}`)).toBeVisible()
          await expect(app.locator('html')).toHaveAttribute('lang', lang)
          await app
            .getByTestId('state-loading')
            .waitFor({ state: 'detached' })
            .catch(() => undefined)
          await app.screenshot({ path: `docs/screenshots/${screen}-${theme}-${lang}.png` })
        }
      })
    }
  }
})
