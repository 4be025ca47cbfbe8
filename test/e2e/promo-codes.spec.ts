import type { Page } from '@playwright/test'
import type { Sandbox } from '../../src/sandbox'
import { CODE_ALPHABET } from '../../src/shared/promo-codes'
import { expect, expectNoAxeViolations } from './support/fixtures'
import { withSandboxShop } from './support/sandbox-shop'

/**
 * The Promo codes screen against a PersonaClick-compatible server of its own (its journal
 * and lists are readable here): lists and the low-stock warning, a generated upload, a file
 * upload with codes the list already has, purge with a typed name, deleting codes.
 */
const SHOP = { shopId: 'promo-e2e-shop', secret: 'S3CRET-promo-e2e-7c8d9e' }
const test = withSandboxShop(SHOP, 'Promo shop')

const listOf = (sandbox: Sandbox, id: number) => sandbox.state.shop(SHOP.shopId).promoLists.get(id)!
const unsent = (sandbox: Sandbox, id: number): string[] =>
  [...listOf(sandbox, id).codes].filter(([, c]) => !c.sent).map(([code]) => code)
const row = (app: Page, name: string) => app.getByRole('row', { name: new RegExp(name) })

async function dropFile(app: Page, name: string, text: string): Promise<void> {
  await app.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], name, { type: 'text/csv' }))
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        )
    },
    { name, text },
  )
}

test('lists, a generated and a file upload, purge by typed name, delete; never /promo_codes/fetch', async ({
  app,
  sandbox,
}) => {
  test.slow()
  await app.setViewportSize({ width: 1400, height: 900 })
  await app.getByRole('link', { name: 'Promo codes' }).click()
  await expect(app.getByTestId('view-promoCodes')).toBeVisible()

  // Lists with their available counts; the nearly used-up one is under the default 500.
  const welcome = row(app, 'Welcome -10%')
  await expect(welcome.getByTestId('promo-available')).toHaveText(
    unsent(sandbox, 3190).length.toLocaleString('en'),
  )
  await expect(row(app, 'Free delivery, second order')).toContainText('Low stock')
  await expect(welcome).not.toContainText('Low stock')
  await expectNoAxeViolations(app)

  // Generate 2,000 codes into the empty list.
  await row(app, 'Reactivation').getByRole('button', { name: 'Upload codes' }).click()
  let dialog = app.getByRole('dialog')
  await dialog.getByLabel('Pattern').fill('SPRING-XXXX-XXXX')
  await dialog.getByLabel('How many codes').fill('2000')
  await dialog.getByRole('button', { name: 'Review codes' }).click()
  await expect(dialog.getByTestId('promo-review')).toContainText('2,000 new codes will be sent')
  await expectNoAxeViolations(app)
  await dialog.getByRole('button', { name: 'Upload 2,000 codes' }).click()
  const generated = app.getByTestId('promo-upload').filter({ hasText: 'Reactivation' })
  await expect(generated).toContainText(
    'Sent 2,000 codes; the list had 0 available before and 2,000 after.',
    { timeout: 30_000 },
  )
  const codes = [...listOf(sandbox, 3222).codes.keys()]
  expect(codes).toHaveLength(2000)
  expect(new Set(codes).size).toBe(2000)
  const pattern = new RegExp(`^SPRING-[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`)
  expect(codes.every((c) => pattern.test(c))).toBe(true)

  // A file of 100 codes, 10 of them already in the list: the result explains 90 were new.
  const existing = unsent(sandbox, 3184).slice(0, 10)
  const fresh = Array.from({ length: 90 }, (_, i) => `E2E-FILE-${i}`)
  await row(app, 'Abandoned cart').getByRole('button', { name: 'Upload codes' }).click()
  dialog = app.getByRole('dialog')
  await dialog.getByRole('button', { name: 'File', exact: true }).click()
  await dropFile(app, 'codes.csv', ['code', ...existing, ...fresh].join('\n') + '\n')
  await expect(dialog.getByLabel('Column with codes')).toBeVisible()
  await dialog.getByRole('button', { name: 'Review codes' }).click()
  await expect(dialog.getByTestId('promo-review')).toContainText('100 new codes will be sent')
  await dialog.getByRole('button', { name: 'Upload 100 codes' }).click()
  const fromFile = app.getByTestId('promo-upload').filter({ hasText: 'Abandoned cart' })
  await expect(fromFile).toContainText('90 of them were new to the list', { timeout: 30_000 })

  // Purge asks for the list's name before it deletes the unsent codes.
  await row(app, 'Birthday gift')
    .getByRole('button', { name: 'More actions for “Birthday gift”' })
    .click()
  await app.getByRole('menuitem', { name: 'Purge unsent' }).click()
  const confirm = app.getByTestId('confirm-dialog')
  const purge = confirm.getByRole('button', { name: 'Purge unsent codes' })
  await expect(purge).toBeDisabled()
  await confirm.getByLabel('Type Birthday gift to confirm').fill('Birthday')
  await expect(purge).toBeDisabled()
  await confirm.getByLabel('Type Birthday gift to confirm').fill('Birthday gift')
  await purge.click()
  await expect(
    app.getByText(/“Birthday gift” purged: .* codes available before, 0 now\./),
  ).toBeVisible()
  expect(unsent(sandbox, 3201)).toHaveLength(0)
  await expect(row(app, 'Birthday gift').getByTestId('promo-available')).toHaveText('0')

  // A threshold above the stock: the warning shows.
  const threshold = welcome.getByLabel('Warn when “Welcome -10%” has fewer codes than')
  await threshold.fill('100000')
  await threshold.blur()
  await expect(welcome).toContainText('Low stock')

  // Delete five codes.
  const five = unsent(sandbox, 3190).slice(0, 5)
  await welcome.getByRole('button', { name: 'More actions for “Welcome -10%”' }).click()
  await app.getByRole('menuitem', { name: 'Delete codes' }).click()
  dialog = app.getByRole('dialog')
  await dialog.getByLabel('Codes to delete, one per line').fill(five.join('\n'))
  await dialog.getByRole('button', { name: 'Delete codes' }).click()
  await app.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete codes' }).click()
  await expect(dialog.getByTestId('promo-delete-result')).toContainText('Deleted 5, not found 0.')
  expect(five.some((c) => listOf(sandbox, 3190).codes.has(c))).toBe(false)
  await expectNoAxeViolations(app)
  await dialog.getByRole('button', { name: 'Done' }).click()

  // Every request as the reference has it; never the endpoint that hands a code out.
  const journal = sandbox.journal.entries()
  expect(journal.filter((e) => e.path === '/promo_codes/fetch')).toEqual([])
  for (const e of journal.filter((e) => e.path.startsWith('/promo_codes'))) {
    if (e.method === 'GET') expect(e.secretPlacement).toBe('query')
    else {
      expect(e.secretPlacement).toBe('body')
      expect(e.query).toEqual({})
      expect(e.contentType).toMatch(/application\/json/)
    }
  }
})
