import { readFile } from 'node:fs/promises'
import { expect, expectNoAxeViolations } from './support/fixtures'
import { withSandboxShop } from './support/sandbox-shop'

/**
 * The Segments screen against a sandbox of its own (seeded as the Demo shop), so the test
 * can read who is in which segment afterwards.
 */
const SHOP = { shopId: 'segments-e2e-shop', secret: 'S3CRET-segments-e2e-5a6b7c' }
const test = withSandboxShop(SHOP, 'Segments shop')
// Adding the shop, five axe scans and a 200-row job, on a 2-core machine shared with others.
test.describe.configure({ timeout: 180_000 })

// The first seeded customer (seed 46): a profile PersonaClick knows.
const CUSTOMER = 'customer0.3sr3@example.com'

// 200 rows, 5 of them unusable (a broken email, a phone that is not one, an empty row).
const bad = new Map([
  [20, 'not-an-email'],
  [60, 'broken@'],
  [100, '12'],
  [140, ''],
  [180, 'mail at example.com'],
])
const rows = Array.from({ length: 200 }, (_, i) => bad.get(i) ?? `webinar${i}@example.com`)
const valid = rows.filter((_, i) => !bad.has(i))

test('a named segment: one customer added and removed, then 200 rows from a file', async ({
  app,
  sandbox,
}) => {
  await app.getByTestId('nav-segments').click()
  await expect(app.getByTestId('view-segments')).toBeVisible()
  await expect(app.getByText('Whose segments?')).toBeVisible()
  await expectNoAxeViolations(app)

  // Name segment 334 (static, empty in the Demo shop) in the console's list.
  await app.getByRole('tab', { name: 'Segment list' }).click()
  await expect(app.getByText('No segments yet')).toBeVisible()
  await app.getByRole('button', { name: 'New segment' }).click()
  const dialog = app.getByRole('dialog', { name: 'New segment' })
  await dialog.getByLabel('Segment ID').fill('334')
  await dialog.getByLabel('Name', { exact: true }).fill('Webinar attendees')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(app.getByRole('cell', { name: 'Webinar attendees' })).toBeVisible()
  await expectNoAxeViolations(app)

  // Look the customer up (typed in capitals: read as the import reads it).
  await app.getByRole('tab', { name: 'One customer' }).click()
  await app.getByLabel('Email or phone').fill(CUSTOMER.toUpperCase())
  await app.getByRole('button', { name: 'Look up' }).click()
  const memberships = app.getByRole('region', { name: `Segments of ${CUSTOMER}` })
  await expect(memberships).toBeVisible()
  await expect(memberships).not.toContainText('Webinar attendees')

  await app.getByLabel('Segment', { exact: true }).click()
  await app.getByRole('option', { name: 'Webinar attendees · 334' }).click()
  await app.getByRole('button', { name: 'Add to segment' }).click()
  await expect(memberships).toContainText('Webinar attendees · 334')
  await expect(memberships).toContainText('Static')
  await app.getByRole('button', { name: 'Is the customer in it?' }).click()
  await expect(app.getByRole('status').filter({ hasText: 'Yes:' })).toContainText(
    `Yes: ${CUSTOMER} is in Webinar attendees · 334.`,
  )
  await expectNoAxeViolations(app)

  // Removing asks first; cancelling keeps them in.
  const remove = app.getByRole('button', { name: 'Remove from Webinar attendees · 334' })
  await remove.click()
  await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(memberships).toContainText('Webinar attendees · 334')
  await remove.click()
  await expect(app.getByRole('dialog')).toContainText('will no longer be in Webinar attendees')
  await app.getByRole('dialog').getByRole('button', { name: 'Remove' }).click()
  await expect(memberships).not.toContainText('Webinar attendees')
  await app.getByRole('button', { name: 'Is the customer in it?' }).click()
  await expect(app.getByRole('status').filter({ hasText: 'No:' })).toBeVisible()

  // The list counts what this console did.
  await app.getByRole('tab', { name: 'Segment list' }).click()
  await expect(app.getByRole('row', { name: /Webinar attendees/ })).toContainText(
    '1 added, 1 removed',
  )

  // Change many: a CSV dropped on the tab, checked, then added as a job.
  await app.getByRole('tab', { name: 'Change many' }).click()
  await app.evaluate(
    (text) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], 'webinar.csv'))
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        )
    },
    `name,email\n${rows.map((e, i) => `Guest ${i},${e}`).join('\n')}\n`,
  )
  const bulk = app.getByRole('tabpanel', { name: 'Change many' })
  await expect(bulk.getByText('webinar.csv: 2 columns')).toBeVisible()
  await bulk.getByLabel('Segment', { exact: true }).click()
  await app.getByRole('option', { name: 'Webinar attendees · 334' }).click()
  await bulk.getByLabel('As fast as allowed').check()
  await bulk.getByRole('button', { name: 'Check the rows' }).click()
  await expect(bulk.getByRole('status').filter({ hasText: '200 rows' })).toHaveText(
    '200 rows: 195 will be sent, 5 rejected, 0 repeat an earlier row',
  )
  await expect(bulk.getByRole('table')).toContainText('Not a valid email address')
  await expectNoAxeViolations(app)
  await bulk.getByRole('button', { name: 'Start' }).click()
  await expect(app.getByRole('dialog')).toContainText('195 contacts will be added')
  await app.getByRole('dialog').getByRole('button', { name: 'Start' }).click()

  const job = bulk.getByRole('article', { name: 'Bulk change from webinar.csv' })
  await expect(job).toContainText('Done', { timeout: 60_000 })
  await expect(job).toContainText('195 added, 0 failed, 5 not sent')
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    job.getByRole('button', { name: 'Report CSV' }).click(),
  ])
  const report = (await readFile((await download.path()) ?? '', 'utf8')).trim().split(/\r?\n/)
  expect(report).toHaveLength(201)
  expect(report.filter((l) => l.includes(',added,'))).toHaveLength(195)
  expect(report.filter((l) => l.includes('rejected'))).toHaveLength(5)
  await expectNoAxeViolations(app)

  // Exactly the 195 valid contacts are in the segment (the one-by-one customer was removed).
  const shop = sandbox.state.main
  const members = [...shop.segments.get(334)!.members].map((i) => shop.customers[i]!.email)
  expect(members.sort()).toEqual([...valid].sort())
})
