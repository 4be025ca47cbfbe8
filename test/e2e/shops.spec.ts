import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Download } from '@playwright/test'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { expect, expectNoAxeViolations, test } from './support/fixtures'
import { addShop } from './support/shops'

// A second "real" shop, served by its own sandbox, with a secret we can hunt for later.
const EU = { shopId: 'eu-shop-77', secret: 'S3CRET-eu-9f8e7d6c5b4a' }
let sandbox: Sandbox

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, shops: [EU] })
})
test.afterAll(async () => {
  await sandbox.close()
})

test('opens on the Demo shop, ready to use with no set-up', async ({ app }) => {
  await expect(app.getByTestId('active-shop')).toContainText('Demo shop')
  await app.getByTestId('nav-settings').click()
  // Each row's buttons say which shop they act on.
  await app.getByRole('button', { name: 'Test connection: Demo shop' }).click()
  await expect(app.getByTestId('test-result')).toContainText('Connected')

  // The shop form's choices are named by their labels, not by their current values.
  await app.getByRole('button', { name: 'Add shop' }).click()
  const form = app.getByRole('dialog')
  const country = form.getByRole('combobox', { name: 'Default country for phone numbers' })
  await expect(country).toContainText('United States')
  await expect(form.getByRole('combobox', { name: 'Time zone' })).toBeVisible()
  await country.click()
  await app.getByRole('searchbox', { name: 'Search countries' }).fill('Kazakh')
  await app.getByRole('option', { name: 'Kazakhstan' }).click()
  await expect(country).toContainText('Kazakhstan')
})

test('add a shop, test its connection four ways, switch shops, see the calls', async ({
  app,
  host,
}) => {
  // Four connection tests, two axe scans and two exports: ~45 s on a quiet runner.
  test.setTimeout(150_000)
  const form = await addShop(app, { label: 'Europe', host: sandbox.url, ...EU })
  const row = app.getByTestId(`shop-row-${EU.shopId}`)
  await expect(row).toContainText('Europe')
  await expect(row).toContainText('Kept until the console closes')
  await expectNoAxeViolations(app)
  // The first real shop becomes the active one.
  await expect(app.getByTestId('active-shop')).toContainText('Europe')

  // 1. OK
  await app.getByTestId(`shop-test-${EU.shopId}`).click()
  await expect(row.getByTestId('test-result')).toContainText('Connected')

  // 2. Wrong secret: replace it.
  await app.getByTestId(`shop-edit-${EU.shopId}`).click()
  await expect(form.getByTestId('secret-stored')).toBeVisible()
  await form.getByRole('button', { name: 'Replace' }).click()
  await form.getByTestId('shop-secret').fill('not-the-secret')
  await form.getByTestId('shop-save').click()
  await expect(form).toBeHidden()
  await app.getByTestId(`shop-test-${EU.shopId}`).click()
  await expect(row.getByTestId('test-result')).toContainText('secret key was refused')
  // The header says so too, next to the shop's name, on every screen.
  const status = app.getByTestId('connection')
  await expect(status).toHaveText('Secret key refused')

  // 3. Wrong shop id (and the right secret again).
  await app.getByTestId(`shop-edit-${EU.shopId}`).click()
  await form.getByTestId('shop-id').fill('no-such-shop')
  await form.getByRole('button', { name: 'Replace' }).click()
  await form.getByTestId('shop-secret').fill(EU.secret)
  await form.getByTestId('shop-save').click()
  const wrongIdRow = app.getByTestId('shop-row-no-such-shop')
  await app.getByTestId('shop-test-no-such-shop').click()
  await expect(wrongIdRow.getByTestId('test-result')).toContainText('does not know this shop ID')

  // 4. Unreachable: a loopback port nobody listens on. The secret belongs to the host it
  // was entered for, so a new host asks for it again and says why.
  await app.getByTestId('shop-edit-no-such-shop').click()
  await form.getByTestId('shop-id').fill(EU.shopId)
  await form.locator('#shop-host').fill('http://127.0.0.1:9')
  await expect(form).toContainText('only sent to the API host it was entered for')
  await form.getByTestId('shop-save').click()
  await expect(form).toContainText('enter the secret key again for the new host')
  await form.getByTestId('shop-secret').fill(EU.secret)
  await form.getByTestId('shop-save').click()
  await app.getByTestId(`shop-test-${EU.shopId}`).click()
  await expect(row.getByTestId('test-result')).toContainText('cannot be reached')
  await expect(status).toHaveText('PersonaClick unreachable')

  // Switch back to the Demo shop from the header.
  await app.getByTestId('active-shop').click()
  await app.getByRole('option', { name: 'Demo shop' }).click()
  await expect(app.getByTestId('shop-row-demo-shop-0001')).toContainText('Active')
  await expect(status).toHaveText('Connected')

  // Every call is in the activity log, with the secret redacted.
  await app.getByTestId('nav-activity').click()
  await expect(app.getByTestId('activity-table')).toContainText('Promo-code lists')
  await expectNoAxeViolations(app)
  await app.getByTestId('activity-outcome').click()
  await app.getByRole('option', { name: 'Failed' }).click()
  await expect(app.getByTestId('activity-count')).toHaveText('3 calls')
  // The API address and what was sent are kept for support, behind "Technical details".
  await app.getByRole('button', { name: 'Technical details' }).first().click()
  const details = app.getByRole('dialog', { name: 'Technical details' })
  await expect(details).toContainText('GET /promo_codes')
  await expect(details).toContainText('[redacted]')
  await details.getByRole('button', { name: 'Close' }).first().click()
  await expect(details).toBeHidden()

  // Export: the CSV has the calls and never the secret.
  const download = app.waitForEvent('download')
  await app.getByTestId('activity-export').click()
  const csv = await readFile((await (await download).path())!, 'utf8')
  expect(csv.startsWith('\uFEFFID,Time (UTC),Shop,Shop ID,Method,Path,HTTP status')).toBe(true)
  expect(csv).toContain('/promo_codes')
  expect(csv).not.toContain(EU.secret)

  // In Russian the export opens in columns in Russian Excel: `;`, Russian headers, a BOM;
  // the arrow beside it offers the other separators.
  await app.evaluate(() => window.pc.invoke('settings:update', { language: 'ru' }))
  const firstLine = async (file: Promise<Download>) =>
    (await readFile((await (await file).path())!, 'utf8')).split('\r\n')[0]
  const russian = app.waitForEvent('download')
  await app.getByTestId('activity-export').click()
  expect(await firstLine(russian)).toBe(
    '\uFEFFID;Время (UTC);Магазин;ID магазина;Метод;Путь;HTTP-статус;Результат;Код ошибки;Длительность (мс);Размер (байт);Повторы;Параметры',
  )
  await app.getByRole('button', { name: 'Выбрать разделитель' }).click()
  const comma = app.waitForEvent('download')
  await app.getByRole('menuitem', { name: 'Через запятую (,)' }).click()
  expect(await firstLine(comma)).toMatch(/^\uFEFFID,Время \(UTC\),Магазин,/)
  await app.evaluate(() => window.pc.invoke('settings:update', { language: 'en' }))

  // The secret is nowhere the renderer can see, nor in any file the console wrote.
  expect(await app.content()).not.toContain(EU.secret)
  const ipcDump = await app.evaluate(async () =>
    JSON.stringify([
      await window.pc.invoke('shops:list', {}),
      await window.pc.invoke('activity:list', {}),
    ]),
  )
  expect(ipcDump).not.toContain(EU.secret)
  for (const file of await readdir(host.dataDir)) {
    if (file === 'browser-profile') continue
    const text = await readFile(join(host.dataDir, file), 'utf8').catch(() => '')
    expect(text, file).not.toContain(EU.secret)
  }
  // ...while the sandbox confirms the console really did send it, in the body or query.
  expect(sandbox.journal.entries().some((e) => e.shopId === EU.shopId && e.status === 200)).toBe(
    true,
  )
})

test('bad input in the shop form gets a clear message and nothing is saved', async ({ app }) => {
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('shop-add').click()
  const form = app.getByTestId('shop-form')
  await form.locator('#shop-host').fill('http://api.example.com')
  await form.getByTestId('shop-id').fill('bad id!')
  await form.getByTestId('shop-save').click()
  await expect(form).toContainText('Give the shop a name.')
  await expect(form).toContainText('Use an https:// address')
  await expect(form).toContainText('letters, digits')
  await expect(form).toContainText('Enter the secret key.')
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.locator('[data-testid^="shop-row-"]')).toHaveCount(1)

  // Typing as soon as the form opens loses nothing: with animations slowed down, typing
  // outlasts the opening animation, whose end used to pull the focus to the close button.
  const cdp = await app.context().newCDPSession(app)
  await cdp.send('Animation.enable')
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0.25 })
  await app.getByRole('button', { name: 'Add shop' }).click()
  const secret = app.getByRole('dialog').getByLabel('Secret key')
  await secret.pressSequentially('typed-while-the-form-was-opening', { delay: 40 })
  await expect(secret).toHaveValue('typed-while-the-form-was-opening')
  await expect(secret).toBeFocused()
})

test('removing a shop needs its shop ID typed', async ({ app }) => {
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('shop-add').click()
  const form = app.getByTestId('shop-form')
  await form.getByTestId('shop-label').fill('Temp')
  await form.getByTestId('shop-id').fill('temp-shop')
  await form.getByTestId('shop-secret').fill('temp-secret-123')
  await form.getByTestId('shop-save').click()
  await app.getByTestId('shop-remove-temp-shop').click()
  const dialog = app.getByTestId('confirm-dialog')
  await expect(dialog.getByTestId('confirm-accept')).toBeDisabled()
  await dialog.getByTestId('confirm-word').fill('temp-shop')
  await dialog.getByTestId('confirm-accept').click()
  await expect(app.getByTestId('shop-row-temp-shop')).toHaveCount(0)
  await expect(app.getByTestId('toast-status').filter({ hasText: '“Temp” removed' })).toBeVisible()
})
