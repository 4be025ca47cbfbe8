import { expect } from './support/fixtures'
import { withSandboxShop } from './support/sandbox-shop'

/**
 * PersonaClick answering in a shape the console does not know (the sandbox's wrong-shape
 * fault: valid JSON, 200, nothing documented in it): the NPS screen and a send say so in
 * plain words, a send is never reported as sent, and once the API answers properly again
 * the same screens work without a restart.
 */
const SHOP = { shopId: 'shapes-e2e-shop', secret: 'S3CRET-shapes-e2e-7d8e9f' }

const test = withSandboxShop(SHOP, 'Shapes shop')

const UNKNOWN_SHAPE = 'PersonaClick answered in a shape the console does not know'

test('an answer of an unknown shape is said plainly on NPS and sends, and the app recovers', async ({
  app,
  sandbox,
}) => {
  test.slow() // two screens, a send and a year of NPS reviews after recovery
  sandbox.setFaults({ wrongShape: 'all' })

  // A single send: PersonaClick took the request, so the outcome is unknown, never "Sent".
  await app.getByRole('link', { name: 'Transactional send' }).click()
  await app.getByLabel('Campaign code').fill('welcome')
  await app.getByLabel('Email', { exact: true }).fill('shapes@example.com')
  await app.getByRole('button', { name: 'Review and send' }).click()
  await app.getByRole('dialog').getByRole('button', { name: 'Send', exact: true }).click()
  const result = app.getByRole('status').filter({ hasText: 'cannot tell whether the message' })
  await expect(result).toBeVisible()
  await expect(result).toContainText('Check the notification history before sending it again')
  await expect(result).not.toContainText('Sent.')
  expect(sandbox.state.main.sends).toHaveLength(1)
  await app.getByRole('tab', { name: 'Send log' }).click()
  const row = app.getByRole('row').filter({ hasText: 'welcome' })
  await expect(row).toContainText('Unknown')

  // NPS: the screen's error says what happened and what to do, not "something went wrong".
  await app.getByRole('link', { name: 'NPS analytics' }).click()
  const npsError = app.getByRole('alert').filter({ hasText: UNKNOWN_SHAPE })
  await expect(npsError).toBeVisible({ timeout: 30_000 })
  await expect(npsError).toContainText('send the details from Activity to support')

  // PersonaClick answers properly again: the same NPS screen loads on "Try again".
  sandbox.setFaults({})
  await npsError.getByRole('button', { name: 'Try again' }).click()
  await expect(npsError).toBeHidden({ timeout: 60_000 })
  await expect(app.getByText('Responses').first()).toBeVisible({ timeout: 60_000 })
})
