import { expect, expectNoAxeViolations, test } from './support/fixtures'

// The Demo shop's first seeded customer (seed 46): a profile PersonaClick knows.
const CUSTOMER = 'customer0.3sr3@example.com'

test('a named segment: a customer is added, shown by name, removed after confirming', async ({
  app,
}) => {
  // Four axe scans on a 2-core machine shared with other workers.
  test.setTimeout(120_000)
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
})
