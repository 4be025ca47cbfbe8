import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import {
  countersAt,
  PRODUCT_FALLING,
  PRODUCT_RISING,
  productIdAt,
  SLOT_MS,
} from '../../src/sandbox/data/products'
import { expect as baseExpect, expectNoAxeViolations } from './support/fixtures'
import { withSandboxShop } from './support/sandbox-shop'

// Each panel is a real request to a sandbox; on a shared 2-core CI runner a list can take
// longer than the default 10 s to appear.
const expect = baseExpect.configure({ timeout: 30_000 })

/**
 * Product stats through the browser host, against a sandbox shop of the test's own so the
 * test can move its clock: a lookup shows the sandbox's counters, three pinned products are
 * snapshotted across a simulated day into a trend and top movers, waiting customers go to a
 * CSV and into a bulk send, and the catalogue and search gaps list what the sandbox holds.
 */
const SHOP = { shopId: 'products-e2e-shop', secret: 'S3CRET-products-e2e-9a8b7c' }
const NOW = '2025-06-30T09:00:00.000Z'
const DAY = 86_400_000

const test = withSandboxShop(SHOP, 'Sandbox shop', { now: NOW })

/** With SCREENSHOTS=1 the walk also saves the states the sidebar walk cannot reach. */
async function shot(app: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return
  await app.screenshot({ path: `docs/screenshots/products-${name}-light-en.png` })
}

async function openTab(app: Page, name: string): Promise<void> {
  await app.getByRole('tab', { name }).click()
  await expect(app.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
}

test('lookup, watchlist over a simulated day, waiting customers to a bulk send, gaps', async ({
  app,
  sandbox,
}) => {
  test.setTimeout(240_000)
  await app.setViewportSize({ width: 1280, height: 900 })
  const products = sandbox.state.main.products
  const byIndex = (i: number) => products.find((p) => p.id === productIdAt(i))!
  const first = byIndex(3)
  const rising = byIndex(PRODUCT_RISING)
  const falling = byIndex(PRODUCT_FALLING)

  await app.getByRole('link', { name: 'Product stats' }).click()
  await expect(app.getByTestId('view-products')).toBeVisible()

  // Lookup: the card and the sandbox's counters at its clock.
  await app.getByLabel('Product ID', { exact: true }).fill(first.id)
  await app.getByRole('button', { name: 'Show stats' }).click()
  const card = app.getByTestId('product-card')
  await expect(card.getByRole('heading', { name: first.name })).toBeVisible()
  await expect(card.getByRole('img', { name: first.name })).toBeVisible()
  const expected = countersAt(first.traffic, new Date(NOW))
  const views = card.getByRole('row', { name: /^Views/ })
  await expect(views).toContainText(expected.daily.view.toLocaleString('en-US'))
  await expect(card.getByRole('row', { name: /View → cart/ })).toContainText('%')
  await shot(app, 'lookup')
  await expectNoAxeViolations(app)

  // Pin it and two more; snapshots every quarter hour, then a day later.
  await card.getByRole('button', { name: 'Pin to watchlist' }).click()
  await expect(app.getByRole('tab', { name: 'Watchlist' })).toHaveAttribute('aria-selected', 'true')
  for (const p of [rising, falling]) {
    await app.getByLabel('Product ID to pin').fill(p.id)
    await app.getByRole('button', { name: 'Pin', exact: true }).click()
    await expect(app.getByRole('checkbox', { name: `${p.name} (${p.id})` })).toBeChecked()
  }
  const lastRun = app.getByText(/^Last snapshot:|^No snapshot yet/)
  const snapshot = async (): Promise<void> => {
    const before = await lastRun.innerText()
    await app.getByRole('button', { name: 'Take snapshot now' }).click()
    await expect(lastRun).not.toHaveText(before)
  }
  for (let i = 0; i < 3; i++) {
    await snapshot()
    sandbox.clock.advance(SLOT_MS)
  }
  sandbox.clock.set(Date.parse(NOW) + DAY)
  await snapshot()
  await expect(
    app.getByRole('img', { name: 'Views in the last 24 hours, per snapshot' }),
  ).toBeVisible()
  const movers = app.getByTestId('top-movers')
  await expect(movers.getByRole('row').nth(1)).toContainText(rising.name)
  await shot(app, 'watchlist')
  await expectNoAxeViolations(app)

  // Waiting customers: the most-waited-for product's contacts, as CSV and into a bulk send.
  await openTab(app, 'Waiting customers')
  const waited = products
    .filter((p) => p.stockSubscribers)
    .sort(
      (a, b) =>
        b.stockSubscribers!.contacts.length - a.stockSubscribers!.contacts.length ||
        products.indexOf(a) - products.indexOf(b),
    )[0]!
  const contacts = waited.stockSubscribers!.contacts
  const name = waited.name || waited.id
  await expect(app.getByRole('row', { name: new RegExp(waited.id) })).toContainText(
    String(contacts.length),
  )
  await expectNoAxeViolations(app)
  const download = app.waitForEvent('download')
  await app.getByRole('button', { name: `Export contacts of ${name}` }).click()
  const csv = await readFile((await (await download).path())!, 'utf8')
  for (const c of contacts) expect(csv).toContain(c)

  await app.getByRole('button', { name: `Send a message to those waiting for ${name}` }).click()
  await expect(app.getByTestId('view-sends')).toBeVisible()
  await expect(app.getByRole('tab', { name: 'Bulk send' })).toHaveAttribute('aria-selected', 'true')
  await expect(app.getByTestId('bulk-file')).toContainText(`waiting-stock-${waited.id}.csv`)
  await expect(app.getByTestId('bulk-preview')).toContainText(contacts[0]!)

  // The same customers, handed to a segment change instead.
  await app.getByRole('link', { name: 'Product stats' }).click()
  await openTab(app, 'Waiting customers')
  await app.getByRole('button', { name: `Add those waiting for ${name} to a segment` }).click()
  await expect(app.getByTestId('view-segments')).toBeVisible()
  await expect(app.getByRole('tab', { name: 'Change many' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(app.getByText(`waiting-stock-${waited.id}.csv`)).toBeVisible()

  // Catalogue gaps: every demo reason, counted; a filter narrows the list.
  await app.getByRole('link', { name: 'Product stats' }).click()
  await openTab(app, 'Catalogue gaps')
  for (const reason of [
    'Missing name',
    'Missing price',
    'Missing URL',
    'Missing image',
    'Image could not be downloaded',
  ])
    await expect(app.getByRole('button', { name: new RegExp(`^${reason}: [1-9]`) })).toBeVisible()
  await app.getByRole('button', { name: /^Image could not be downloaded: / }).click()
  await expect(app.getByRole('cell', { name: /HTTP 404/ }).first()).toBeVisible()
  await shot(app, 'gaps')
  await expectNoAxeViolations(app)

  // Search gaps: ranked, the row without a query said, not shown.
  await openTab(app, 'Search gaps')
  await expect(app.getByText('1 row came without a query and is not shown')).toBeVisible()
  const top = [...sandbox.state.main.noResultQueries]
    .filter((r): r is { query: string; quantity: number } => 'query' in r)
    .sort((a, b) => b.quantity - a.quantity)[0]!
  await expect(app.getByRole('row').nth(1)).toContainText(top.query)

  // Categories: a search keeps the match and its parent.
  await openTab(app, 'Categories')
  await app.getByLabel('Search categories').fill('rings')
  const tree = app.getByRole('navigation', { name: 'Categories' })
  await expect(tree.getByText('Jewelry')).toBeVisible()
  await expect(tree.getByText('Earrings')).toBeVisible()
  await expect(tree.getByText('Laptops')).toHaveCount(0)
  await expectNoAxeViolations(app)
})
