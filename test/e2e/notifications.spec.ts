import { readFile } from 'node:fs/promises'
import { addDays, today } from '../../src/shared/days'
import { expect as baseExpect, expectNoAxeViolations, test } from './support/fixtures'

// Each search is a real request to the in-process Demo shop; on a shared 2-core CI runner
// a page of 50 can take longer than the default 10 s to appear.
const expect = baseExpect.configure({ timeout: 30_000 })

/**
 * Notifications history on the Demo shop through the browser host: a message sent from the
 * Sends screen shows up in that customer's history; a busy customer (external id U100000)
 * pages past 50; the newest of their messages carries hostile markup that must run
 * nothing, fetch nothing and navigate nowhere; links open only after a confirmation.
 */
test('history, paging, export, a hostile preview, links, status by code', async ({ app, host }) => {
  // The longest walk in the suite (~40 s here); a busy 2-core CI runner is 3–4× slower.
  test.setTimeout(180_000)
  await app.setViewportSize({ width: 1280, height: 900 })

  // A send from the Sends screen…
  await app.getByTestId('nav-sends').click()
  await app.locator('#send-code').fill('order_created')
  await app.getByTestId('send-email').fill('Notify.Me@Example.com')
  await app.getByTestId('send-review').click()
  await app.getByTestId('send-confirm').getByTestId('send-confirm-send').click()
  const result = app.getByTestId('send-result-text')
  await expect(result).toContainText('Message code:')
  const code = ((await result.textContent()) ?? '').split('Message code:')[1]?.trim() ?? ''
  expect(code).not.toBe('')

  // …appears in that customer's history, one click away from the send's result.
  await app.getByRole('link', { name: 'Show this customer’s messages' }).click()
  await expect(app.getByTestId('view-notifications')).toBeVisible()
  await expect(app.getByRole('textbox', { name: 'Email' })).toHaveValue('notify.me@example.com')
  const table = app.getByRole('table', { name: 'Messages' })
  await expect(table.getByRole('row', { name: /order_created/ })).toBeVisible()
  await expect(app.getByTestId('notifications-count')).toContainText('1 message loaded')

  // …and from that send's row in the send log.
  await app.getByTestId('nav-sends').click()
  await app.getByRole('tab', { name: 'Send log' }).click()
  await app.getByRole('button', { name: 'Customer’s messages' }).first().click()
  await expect(app.getByTestId('view-notifications')).toBeVisible()
  await expect(app.getByRole('textbox', { name: 'Email' })).toHaveValue('notify.me@example.com')
  await expect(table.getByRole('row', { name: /order_created/ })).toBeVisible()

  // At least one type and one channel, never an empty list.
  await app.getByRole('checkbox', { name: 'Bulk' }).uncheck()
  await app.getByRole('checkbox', { name: 'Trigger and chain' }).uncheck()
  await app.getByRole('checkbox', { name: 'Transactional' }).uncheck()
  await app.getByRole('button', { name: 'Show messages' }).click()
  await expect(app.getByText('Choose at least one message type.')).toBeVisible()
  for (const name of ['Bulk', 'Trigger and chain', 'Transactional'])
    await app.getByRole('checkbox', { name }).check()

  // A busy customer by external ID, from further back than PersonaClick advises: asked once.
  await app.getByLabel('Search by').click()
  await app.getByRole('option', { name: 'External ID' }).click()
  await app.getByRole('textbox', { name: 'External ID' }).fill('U100000')
  const zone = 'UTC'
  const older = addDays(today(zone), -20)
  await app.getByLabel('Messages since').fill(older)
  await app.getByLabel('Messages since').press('Tab')
  await app.getByRole('button', { name: 'Show messages' }).click()
  const warning = app.getByRole('dialog', { name: 'Search further back than 2 weeks?' })
  await expect(warning).toContainText('slow down everything dramatically')
  await warning.getByRole('button', { name: 'Search anyway' }).click()
  const count = app.getByTestId('notifications-count')
  await expect(count).toContainText('50 messages loaded · more available')
  await expect(table.locator('tbody tr')).toHaveCount(50)
  await app.getByRole('button', { name: 'Show messages' }).click()
  await expect(warning).toBeHidden()
  await expect(count).toContainText('50 messages loaded')

  await app.getByRole('button', { name: 'Load 50 more' }).click()
  await expect(count).toContainText('all loaded')
  const loaded = Number(/(\d+) messages loaded/.exec((await count.textContent()) ?? '')?.[1])
  expect(loaded).toBeGreaterThan(50)
  await expect(table.locator('tbody tr')).toHaveCount(loaded)
  await expect(app.getByTestId('notifications-summary')).toContainText('Opened')
  await expect(table.getByText('Not opened yet').first()).toBeVisible()
  await expectNoAxeViolations(app)

  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Export loaded as CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`messages-U100000-from-${older}.csv`)
  const csv = await readFile((await download.path()) ?? '', 'utf8')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toMatch(/^\uFEFFSent \(UTC\),Sent in shop time/)
  expect(lines).toHaveLength(loaded + 1)
  for (const line of lines) expect(line).not.toMatch(/(^|,)[=+\-@]/)

  // The hostile message: nothing runs, nothing is fetched, nothing navigates.
  const foreign: string[] = []
  app.on('request', (r) => {
    if (!r.url().startsWith(host.origin)) foreign.push(r.url())
  })
  await app.getByRole('button', { name: 'Preview “Your order is on its way”' }).click()
  const preview = app.getByRole('dialog', { name: 'Your order is on its way' })
  await expect(preview).toBeVisible()
  const frameEl = preview.getByTitle('Message body (scripts, forms and links are disabled)')
  await expect(frameEl).toHaveAttribute('sandbox', '')
  const body = app.frameLocator('iframe[title^="Message body"]')
  await expect(body.getByRole('heading', { name: 'Your order is on its way' })).toBeVisible()
  await body.getByText('Track your order').click()
  await body.getByText('Claim your bonus').click()
  await body.getByRole('button', { name: 'Confirm' }).click()
  const frame = app.frames().find((f) => f !== app.mainFrame())
  expect(frame?.url()).toBe('about:srcdoc')
  for (const f of app.frames()) {
    expect(await f.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  }
  await expect(preview).toContainText('Images are off')
  expect(foreign).toEqual([])

  // Links open only after a confirmation, and only where main's allow-list agrees.
  await preview.getByRole('button', { name: 'Open https://demo.example.com/orders/track' }).click()
  const ask = app.getByRole('dialog', { name: 'Open this link in your browser?' })
  await expect(ask).toContainText('https://demo.example.com/orders/track')
  await ask.getByRole('button', { name: 'Open link' }).click()
  await expect(app.getByText('This link goes outside PersonaClick')).toBeVisible()

  // The documented {"200"} answer, in words.
  await preview.getByRole('button', { name: 'Check status' }).click()
  await expect(preview.getByTestId('status-words')).toHaveText(
    'PersonaClick has this message: it was accepted for sending.',
  )
  await expect(preview).toContainText('PersonaClick answered: {"200"}')
  await expectNoAxeViolations(app)
  await app.keyboard.press('Escape')
  await expect(preview).toBeHidden()
  expect(foreign).toEqual([])

  // Status by code: the send's code, then one PersonaClick does not know.
  await app.getByRole('tab', { name: 'Status by code' }).click()
  await app.getByLabel('Message code').fill(code)
  await app.getByRole('button', { name: 'Check status' }).click()
  await expect(app.getByTestId('status-result')).toContainText(`Status of ${code}`)
  await expect(app.getByTestId('status-words')).toHaveText(
    'PersonaClick has this message: it was accepted for sending.',
  )
  await app.getByLabel('Message code').fill('no-such-code')
  await app.getByRole('button', { name: 'Check status' }).click()
  await expect(app.getByTestId('status-words')).toContainText(
    'PersonaClick has no message with this code',
  )
  await expectNoAxeViolations(app)
})
