import { expect, expectNoAxeViolations, test } from './support/fixtures'

const CSV =
  'E-mail;Имя;Телефон;Пол\n' +
  'anna@example.com;Анна;+7 916 123-45-67;ж\n' +
  'broken-email;Боб;;m\n' +
  'carl@example.com;"Carl; Jr";;m\n'

test('a CSV dropped onto the screen goes through mapping, review and upload', async ({ app }) => {
  await app.getByTestId('nav-import').click()
  await expect(app.getByTestId('view-import')).toBeVisible()
  await expectNoAxeViolations(app)

  // A real drop: a File in a DataTransfer, dispatched as dragenter/dragover/drop on the window.
  await app.evaluate((csv) => {
    const dt = new DataTransfer()
    dt.items.add(new File([csv], 'contacts.csv', { type: 'text/csv' }))
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      )
  }, CSV)

  await expect(app.getByRole('heading', { name: /contacts\.csv/ })).toBeVisible()
  await expect(app.getByTestId('map-row-0')).toContainText('anna@example.com')
  await expectNoAxeViolations(app)
  await app.getByTestId('import-check').click()

  const review = app.getByTestId('import-review')
  await expect(review).toBeVisible()
  await expect(app.getByTestId('count-total')).toContainText('3')
  await expect(app.getByTestId('count-rejected')).toContainText('1')
  await expect(app.getByTestId('count-toUpload')).toContainText('2')
  await expect(app.getByTestId('rejected-table')).toContainText('broken-email')
  await expectNoAxeViolations(app)

  await app.getByTestId('import-start').click()
  await expect(app.getByTestId('import-summary')).toContainText('2 contacts sent')
  await expect(app.getByTestId('import-history')).toContainText('contacts.csv')
  await expectNoAxeViolations(app)
})
