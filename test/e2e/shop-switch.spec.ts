import type { Page } from '@playwright/test'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { screens, type ScreenName } from '../../src/renderer/src/router/screens'
import { expect, test } from './support/fixtures'
import { addShop } from './support/shops'

// A second shop on its own sandbox, seeded differently: other reviews, no sends, no imports.
const EU = { shopId: 'eu-shop-switch', secret: 'S3CRET-switch-4d5e6f7a8b9c' }
let sandbox: Sandbox

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 7, shops: [EU] })
})
test.afterAll(async () => {
  await sandbox.close()
})

async function switchTo(app: Page, shop: string): Promise<void> {
  await app.getByTestId('active-shop').click()
  await app.getByRole('option', { name: shop }).click()
  await expect(app.getByTestId('active-shop')).toContainText(shop)
}

const npsTotal = async (app: Page): Promise<number> => {
  const total = app.getByTestId('nps-total')
  await expect(total).toBeVisible({ timeout: 30_000 })
  return Number((await total.innerText()).replace(/\D/g, ''))
}

/**
 * What each per-shop screen shows: first for the Demo shop (which has data), then, after a
 * switch in the header while the screen is open, for the second shop. A screen that shows
 * the active shop's data must be listed here (the walk below fails otherwise).
 */
interface Check {
  demo(app: Page): Promise<unknown>
  eu(app: Page): Promise<unknown>
}
const checks = {
  import: {
    demo: (app) => expect(app.getByTestId('import-history')).toContainText('demo-contacts.csv'),
    eu: (app) => expect(app.getByTestId('import-history')).toHaveCount(0),
  },
  sends: {
    demo: async (app) => {
      await app.getByTestId('tab-log').click()
      await expect(app.getByTestId('send-log-recipient')).toHaveCount(1)
    },
    eu: async (app) => {
      await expect(app.getByTestId('send-log-recipient')).toHaveCount(0)
      await expect(app.getByTestId('state-empty')).toBeVisible()
    },
  },
  segments: {
    demo: async (app) => {
      await app.evaluate(() => window.pc.invoke('segments:create', { id: 313, name: 'VIP' }))
      await app.getByRole('tab', { name: 'Segment list' }).click()
      await expect(app.getByRole('cell', { name: 'VIP', exact: true })).toBeVisible()
    },
    eu: (app) => expect(app.getByText('No segments yet')).toBeVisible(),
  },
  nps: {
    demo: async (app) => (demoReviews = await npsTotal(app)),
    eu: async (app) => {
      await expect.poll(() => npsTotal(app), { timeout: 30_000 }).not.toBe(demoReviews)
    },
  },
  promoCodes: {
    demo: async (app) => (demoWelcome = await welcomeCodes(app)),
    eu: async (app) => {
      await expect.poll(() => welcomeCodes(app), { timeout: 30_000 }).not.toBe(demoWelcome)
    },
  },
  products: {
    demo: async (app) => {
      await app.getByRole('tab', { name: 'Search gaps' }).click()
      await expect(app.getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 })
      demoTopQuery = await app.getByRole('row').nth(1).innerText()
    },
    eu: (app) => expect(app.getByRole('row').nth(1)).not.toHaveText(demoTopQuery),
  },
  notifications: {
    demo: async (app) => {
      await app.getByLabel('Search by').click()
      await app.getByRole('option', { name: 'External ID' }).click()
      await app.getByRole('textbox', { name: 'External ID' }).fill('U100000')
      await app.getByRole('button', { name: 'Show messages' }).click()
      await expect(app.getByTestId('notifications-count')).toContainText('50 messages loaded', {
        timeout: 30_000,
      })
    },
    // Another shop's customers: the results are gone, the search starts over.
    eu: async (app) => {
      await expect(app.getByTestId('notifications-count')).toHaveCount(0)
      await expect(app.getByRole('heading', { name: 'Look up a customer' })).toBeVisible()
    },
  },
} satisfies Partial<Record<ScreenName, Check>>
let demoReviews = 0
let demoWelcome = ''
let demoTopQuery = ''
const welcomeCodes = async (app: Page): Promise<string> => {
  const cell = app.getByRole('row', { name: /Welcome -10%/ }).getByTestId('promo-available')
  await expect(cell).toBeVisible({ timeout: 30_000 })
  return cell.innerText()
}

test('switching shops in the header reloads every screen that shows the shop’s data', async ({
  app,
}) => {
  test.setTimeout(180_000)
  await app.setViewportSize({ width: 1280, height: 900 })

  // Data in the Demo shop: one import and one send.
  await app.getByTestId('nav-import').click()
  await expect(app.getByTestId('view-import')).toBeVisible()
  await app.evaluate(() => {
    const dt = new DataTransfer()
    dt.items.add(new File(['email\nzed@example.com\n'], 'demo-contacts.csv'))
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      )
  })
  await app.getByTestId('import-check').click()
  await app.getByTestId('import-start').click()
  await expect(app.getByTestId('import-summary')).toBeVisible()
  const sent = await app.evaluate(() =>
    window.pc.invoke('sends:send', {
      route: 'transact',
      code: 'order_created',
      email: 'anna@example.com',
      variables: {},
    }),
  )
  expect(sent.ok).toBe(true)

  // The second shop (Settings › Shops); adding the first real shop makes it active.
  await addShop(app, { label: 'Europe', host: sandbox.url, ...EU })
  await switchTo(app, 'Demo shop')

  const perShop = screens.filter((s) => 'perShop' in s && s.perShop).map((s) => s.name)
  expect(perShop.sort()).toEqual(Object.keys(checks).sort())
  for (const name of perShop) {
    const check: Check | undefined = checks[name as keyof typeof checks]
    await app.getByTestId(`nav-${name}`).click()
    await expect(app.getByTestId(`view-${name}`)).toBeVisible()
    await check!.demo(app)
    await switchTo(app, 'Europe')
    await check!.eu(app)
    await switchTo(app, 'Demo shop')
  }
})
