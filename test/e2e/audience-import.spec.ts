import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './support/fixtures'
import { startHost } from './support/host'

const CSV =
  'E-mail;Имя;Телефон;Пол\n' +
  'anna@example.com;Анна;+7 916 123-45-67;ж\n' +
  'broken-email;Боб;;m\n' +
  'carl@example.com;"Carl; Jr";;m\n' +
  'dina@example.com;Дина;12345;ж\n' // a good email with a mistyped phone: imported by email

/** A real drop: a File in a DataTransfer, dispatched as dragenter/dragover/drop on the window. */
async function drop(app: Page, name: string, bytes: number[]): Promise<void> {
  await app.evaluate(
    ([fileName, data]) => {
      const dt = new DataTransfer()
      dt.items.add(new File([new Uint8Array(data)], fileName))
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        )
    },
    [name, bytes] as const,
  )
}
const utf8 = (text: string): number[] => [...Buffer.from(text, 'utf8')]

test('a CSV dropped onto the screen goes through mapping, review and upload', async ({ app }) => {
  // A common laptop window: each step's primary action must be on screen without scrolling.
  await app.setViewportSize({ width: 1280, height: 800 })
  await app.getByTestId('nav-import').click()
  await expect(app.getByTestId('view-import')).toBeVisible()
  await expectNoAxeViolations(app)

  await drop(app, 'contacts.csv', utf8(CSV))

  await expect(app.getByRole('heading', { name: /contacts\.csv/ })).toBeVisible()
  await expect(app.getByTestId('map-row-0')).toContainText('anna@example.com')
  // Every choice is found by its label, as a screen reader announces it.
  await expect(app.getByRole('combobox', { name: 'Encoding' })).toContainText('Unicode (UTF-8)')
  // Fields read by their names; the API code is only a tooltip.
  await expect(app.getByTestId('map-row-0')).not.toContainText('(email)')
  await expect(app.getByRole('combobox', { name: 'Delimiter' })).toContainText('Semicolon')
  await expect(app.getByRole('combobox', { name: 'Import as' })).toContainText('Contacts')
  await expect(app.getByRole('combobox', { name: 'Same contact twice' })).toContainText(
    'Keep the first row',
  )
  await expectNoAxeViolations(app)
  await expect(app.getByRole('button', { name: 'Check the file' })).toBeInViewport({ ratio: 1 })
  await app.getByRole('button', { name: 'Check the file' }).click()

  const review = app.getByTestId('import-review')
  await expect(review).toBeVisible()
  await expect(app.getByTestId('count-total')).toContainText('4')
  await expect(app.getByTestId('count-rejected')).toContainText('1')
  await expect(app.getByTestId('count-toUpload')).toContainText('3')
  await expect(app.getByTestId('rejected-table')).toContainText('broken-email')
  await expect(app.getByRole('row', { name: /dina@example\.com/ })).toContainText(
    'the value is left out, the contact is imported',
  )
  for (const flag of ['Email campaigns', 'SMS chains', 'Transactional SMS'])
    await expect(app.getByRole('combobox', { name: flag })).toContainText('As in the file')
  await expectNoAxeViolations(app)

  const inFlight = app.getByRole('spinbutton', { name: 'Requests at once' })
  await expect(inFlight).toHaveValue('4')
  await inFlight.fill('2')
  await expect(app.getByRole('button', { name: 'Upload 3 contacts' })).toBeInViewport({ ratio: 1 })
  await app.getByRole('button', { name: 'Upload 3 contacts' }).click()
  await expect(app.getByTestId('import-summary')).toContainText('3 contacts uploaded')
  await expect(app.getByTestId('import-history')).toContainText('contacts.csv')
  await expectNoAxeViolations(app)

  // The Overview tells the next person what was last imported.
  await app.getByTestId('nav-overview').click()
  await expect(app.getByTestId('glance-import')).toContainText(
    'contacts uploaded from contacts.csv',
  )
})

test('empty, binary and header-only files get a clear message; the next good file still works', async ({
  app,
}) => {
  await app.getByTestId('nav-import').click()
  // The drop zone listens once the screen is mounted.
  await expect(app.getByTestId('view-import')).toBeVisible()
  const cases: [string, number[], RegExp][] = [
    ['empty.csv', [], /file is empty/],
    [
      'photo.csv',
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0, 0, 1, 2],
      /not a text table/,
    ],
    ['header.csv', utf8('email;name\n'), /no rows under them/],
  ]
  for (const [name, bytes, message] of cases) {
    await drop(app, name, bytes)
    await expect(app.getByTestId('state-error')).toContainText(message)
  }
  await expectNoAxeViolations(app)

  await drop(app, 'good.csv', utf8('email\nzed@example.com\n'))
  await expect(app.getByRole('heading', { name: /good\.csv/ })).toBeVisible()
  await expect(app.getByTestId('state-error')).toHaveCount(0)
  await expect(app.getByTestId('map-row-0')).toContainText('zed@example.com')

  // The file is offered again from the list of recent files, one click away.
  await app
    .getByRole('button', { name: /Choose another file/ })
    .first()
    .click()
  const recent = app.getByTestId('import-recent')
  await expect(recent).toBeVisible()
  await expect(recent.getByRole('button').first()).toHaveAccessibleName('Open good.csv')
  await expectNoAxeViolations(app)
  await recent.getByRole('button', { name: 'Open good.csv' }).click()
  await expect(app.getByTestId('map-row-0')).toContainText('zed@example.com')
})

test('a checked file left before uploading does not linger in the history', async ({ app }) => {
  await app.getByTestId('nav-import').click()
  await expect(app.getByTestId('view-import')).toBeVisible()
  await drop(app, 'later.csv', utf8('email\nlater@example.com\n'))
  await app.getByRole('button', { name: 'Check the file' }).click()
  await expect(app.getByRole('heading', { name: 'Review before uploading' })).toBeVisible()
  // Open the screen elsewhere and come back: the check waits in the history, discardable.
  await app.getByTestId('nav-overview').click()
  await app.getByTestId('nav-import').click()
  const history = app.getByTestId('import-history')
  await expect(history.getByRole('row', { name: /later\.csv/ })).toContainText(
    'Checked, not uploaded',
  )
  await history.getByRole('button', { name: 'Discard the check of later.csv' }).click()
  await expect(app.getByTestId('import-history')).toHaveCount(0)

  // Starting over from the review throws the check away as well.
  await drop(app, 'again.csv', utf8('email\nagain@example.com\n'))
  await app.getByRole('button', { name: 'Check the file' }).click()
  await app.getByRole('button', { name: 'Choose another file' }).click()
  await expect(app.getByTestId('import-history')).toHaveCount(0)
})

test('a .csv opened from the desktop lands in the import’s column matching', async ({ page }) => {
  // As a double-clicked file launches the app: the path arrives before any window.
  const dir = await mkdtemp(join(tmpdir(), 'pc-open-'))
  const path = join(dir, 'weekly-export.csv')
  await writeFile(path, CSV)
  const host = await startHost(['--open', path])
  try {
    await page.goto(await host.launchUrl())
    await expect(page.getByTestId('view-import')).toBeVisible()
    await expect(page.getByText('Opened weekly-export.csv')).toBeVisible()
    await expect(page.getByRole('heading', { name: /weekly-export\.csv/ })).toBeVisible()
    await expect(page.getByTestId('map-row-0')).toContainText('anna@example.com')
    // Taken once: a reload shows the screen it was on, not the same file opened again.
    await page.getByTestId('nav-overview').click()
    await page.reload()
    await expect(page.getByTestId('view-overview')).toBeVisible()
    await expect(page.getByText('Opened weekly-export.csv')).toBeHidden()
  } finally {
    await host.stop()
    await rm(dir, { recursive: true, force: true })
  }
})
