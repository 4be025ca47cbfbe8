import { expect, expectNoAxeViolations, test } from './support/fixtures'

test('a single send with variables reaches the Demo shop, shows its code, and its status can be checked', async ({
  app,
  host,
}) => {
  // Send, clipboard, status and log in one walk: ~20 s on CI, more on a busy runner.
  test.setTimeout(120_000)
  // A common laptop window: "Review and send" must be on screen without scrolling.
  await app.setViewportSize({ width: 1280, height: 800 })
  await app.getByTestId('nav-sends').click()
  await expect(app.getByTestId('view-sends')).toBeVisible()
  await expectNoAxeViolations(app)

  // Refused before any request: no recipient.
  await app.locator('#send-code').fill('order_created')
  await app.getByTestId('send-review').click()
  await expect(app.getByText('Enter an email or a phone number.')).toBeVisible()

  await app.getByTestId('send-email').fill('anna@example.com')
  await app.getByTestId('var-key-0').fill('name')
  await app.getByTestId('var-value-0').fill('Anna')
  await app.getByTestId('var-add').click()
  await app.getByTestId('var-key-1').fill('name')
  await expect(app.getByTestId('var-duplicate')).toBeVisible()
  await app.getByTestId('var-key-1').fill('order')
  await app.getByTestId('var-value-1').fill('A-100')

  // Raw JSON mirrors the rows.
  await app.getByTestId('variables-raw-toggle').click()
  await expect(app.getByTestId('variables-json')).toHaveValue(/"order": "A-100"/)
  await app.getByTestId('variables-raw-toggle').click()

  // "Copy as curl" puts a runnable command on the clipboard, never the secret.
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: host.origin,
  })
  await app.getByRole('button', { name: 'Copy as curl' }).click()
  await expect(app.getByText('curl command copied')).toBeVisible()
  // The console's own pages may not read the clipboard (Permissions-Policy); a probe page
  // on the same origin, served by the test without that header, reads what was copied.
  const probe = await app.context().newPage()
  await probe.route(`${host.origin}/clipboard-probe`, (r) =>
    r.fulfill({ contentType: 'text/html', body: '<title>probe</title>' }),
  )
  await probe.goto(`${host.origin}/clipboard-probe`)
  const curl = await probe.evaluate(() => navigator.clipboard.readText())
  await probe.close()
  expect(curl).toMatch(/^curl /)
  expect(curl).toContain('/transact')
  expect(curl).toContain('YOUR_SHOP_SECRET')
  expect(curl).not.toContain('demo-secret')

  await expect(app.getByRole('button', { name: 'Review and send' })).toBeInViewport({ ratio: 1 })
  await app.getByTestId('send-review').click()
  const confirm = app.getByTestId('send-confirm')
  await expect(confirm).toBeVisible()
  // What goes to whom in plain words; the exact request for support one click further.
  const summary = confirm.getByTestId('send-confirm-summary')
  await expect(summary).toContainText('order_created')
  await expect(summary).toContainText('anna@example.com')
  await expect(summary).toContainText('name = Anna')
  const body = confirm.getByTestId('send-confirm-body')
  await expect(body).toBeHidden()
  await confirm.getByText('Technical details (for support)').click()
  await expect(body).toBeVisible()
  await expect(body).toContainText('"shop_secret": "[redacted]"')
  await expect(body).toContainText('"email": "anna@example.com"')
  await expect(body).toContainText('"name": "Anna"')
  await expectNoAxeViolations(app)
  await confirm.getByTestId('send-confirm-send').click()

  const result = app.getByTestId('send-result-text')
  await expect(result).toContainText('Message code:')
  const code = ((await result.textContent()) ?? '').split('Message code:')[1]?.trim() ?? ''
  expect(code).not.toBe('')

  await app.getByTestId('send-check-status').click()
  await expect(app.getByTestId('status-result')).toContainText(code)
  await expectNoAxeViolations(app)
  await app.keyboard.press('Escape')

  // The log lists it masked, with the full recipient on demand.
  await app.getByTestId('tab-log').click()
  await expect(app.getByTestId('send-log-recipient').first()).toHaveText('a***@e***.com')
  await app.getByTestId('send-log-reveal').first().click()
  await expect(app.getByTestId('send-log-recipient').first()).toHaveText('anna@example.com')
  await expectNoAxeViolations(app)

  await app.getByTestId('tab-bulk').click()
  await expect(app.getByTestId('bulk-send')).toBeVisible()
  await expectNoAxeViolations(app)
})

test('a send PersonaClick refuses is explained in the marketer’s language, with PersonaClick’s reason', async ({
  app,
}) => {
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('settings-language').click()
  await app.getByRole('option', { name: 'Русский' }).click()
  await expect(app.locator('html')).toHaveAttribute('lang', 'ru')

  await app.getByTestId('nav-sends').click()
  // The Demo shop has no campaign with this code, so PersonaClick answers 404.
  await app.locator('#send-code').fill('no_such_campaign')
  await app.getByTestId('send-email').fill('anna@example.com')
  await app.getByTestId('send-review').click()
  await app.getByTestId('send-confirm').getByTestId('send-confirm-send').click()

  const result = app.getByTestId('send-result')
  await expect(result).toContainText('Не отправлено: PersonaClick не нашёл запрошенное.')
  await expect(result).toContainText('Ответ PersonaClick: «Campaign not found»')
  await expect(result).not.toContainText('could not find')

  await app.getByTestId('tab-log').click()
  await expect(app.getByTestId('send-log-reason').first()).toContainText(
    'Ответ PersonaClick: «Campaign not found»',
  )
  await expectNoAxeViolations(app)
})
