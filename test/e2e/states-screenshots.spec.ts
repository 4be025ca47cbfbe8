import type { Page } from '@playwright/test'
import { startSandbox } from '../../src/sandbox'
import { expect, screenshotWholeScreen, test, unreadableText } from './support/fixtures'

/**
 * `npm run screenshots`: the states a marketer meets when things are not fine — nothing
 * there yet, a wrong secret key, PersonaClick out of reach — in light English and dark
 * Russian, into docs/screenshots/states/. Not part of `npm test`.
 */
const SHOP = { shopId: 'spring-shop', secret: 'spring-secret-0001' }

test.describe('state screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'run with npm run screenshots')

  for (const [lang, theme] of [
    ['en', 'light'],
    ['ru', 'dark'],
  ] as const) {
    test(`${lang} ${theme}`, async ({ app }) => {
      test.setTimeout(180_000)
      await app.setViewportSize({ width: 1280, height: 800 })
      await app.evaluate(
        ([language, mode]) => window.pc.invoke('settings:update', { language, theme: mode }),
        [lang, theme] as const,
      )
      const shot = async (name: string) => {
        await screenshotWholeScreen(app, `docs/screenshots/states/${name}-${theme}-${lang}.png`)
        expect.soft(await unreadableText(app), name).toEqual([])
      }
      /** Opens a screen, waits until it has said what it has to say, takes its picture. */
      const visit = async (screen: string, name: string, ready = settle) => {
        await open(app, screen)
        await ready(app)
        await shot(name)
      }

      // Empty: a cleared Activity log (once the Overview's NPS card has loaded, so no
      // call lands after the clearing), a customer with no messages.
      await glanceSettled(app)
      await app.evaluate(() => window.pc.invoke('activity:clear', {}))
      await open(app, 'activity')
      await shot('activity-empty')
      await open(app, 'notifications')
      await app.getByRole('textbox').first().fill('nobody-here@example.com')
      await app.keyboard.press('Enter')
      await settle(app)
      await shot('notifications-empty')

      // Error: a shop whose secret key PersonaClick does not accept.
      const sandbox = await startSandbox({ port: 0, shops: [SHOP] })
      try {
        await addShop(app, sandbox.url, 'Spring shop', 'wrong-secret-0001')
        await visit('overview', 'overview-wrong-secret', glanceSettled)
        await visit('nps', 'nps-wrong-secret')
        await visit('promoCodes', 'promo-codes-wrong-secret')

        // Offline: the right key, then PersonaClick goes out of reach.
        await addShop(app, sandbox.url, 'Spring shop (right key)', SHOP.secret)
        await visit('overview', 'overview-new-shop', glanceSettled)
      } finally {
        await sandbox.close()
      }
      await app.evaluate(async () => {
        const shops = await window.pc.invoke('shops:list', {})
        if (shops.ok && shops.value.activeId)
          await window.pc.invoke('shops:test-connection', { id: shops.value.activeId })
      })
      await visit('overview', 'overview-offline', glanceSettled)
      await visit('products', 'products-offline')
      await visit('sends', 'sends-offline')
    })
  }
})

/** The Overview's cards have their numbers or their failure (the NPS card starts late). */
async function glanceSettled(app: Page): Promise<void> {
  await expect(app.getByTestId('glance-nps')).toBeVisible()
  await expect(app.getByTestId('glance-nps')).not.toContainText(/Loading|Загрузка/, {
    timeout: 60_000,
  })
}

async function open(app: Page, screen: string): Promise<void> {
  await app.getByTestId(`nav-${screen}`).click()
  await expect(app.getByTestId(`view-${screen}`)).toBeVisible()
}

/** Until no loading state is left on the screen (answers, failures and retries done). */
async function settle(app: Page): Promise<void> {
  await expect(app.getByTestId('state-loading')).toHaveCount(0, { timeout: 60_000 })
  await expect(app.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 })
}

/** Adds a shop through the contract (the form is walked in its own spec) and makes it active. */
async function addShop(app: Page, apiHost: string, label: string, secret: string): Promise<void> {
  await app.evaluate(
    async ([host, name, key, shopId]) => {
      const saved = await window.pc.invoke('shops:save', {
        label: name,
        apiHost: host,
        shopId,
        secret: key,
        defaultCountry: 'RU',
        timeZone: 'Europe/Moscow',
      })
      if (!saved.ok) throw new Error(JSON.stringify(saved))
      await window.pc.invoke('shops:set-active', { id: saved.value.id })
      await window.pc.invoke('shops:test-connection', { id: saved.value.id })
    },
    [apiHost, label, secret, SHOP.shopId] as const,
  )
  await expect(app.getByTestId('active-shop')).toContainText(label)
}
