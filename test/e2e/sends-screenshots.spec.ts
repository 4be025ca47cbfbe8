import type { Page } from '@playwright/test'
import { expect, screenshotWholeScreen, test, unreadableText } from './support/fixtures'

/**
 * Part of `npm run screenshots`: the sends screen's states (filled form, confirmation,
 * result, bulk mapping, bulk report, send log) in light and dark, English and Russian.
 * Not part of `npm test`.
 */
const DIR = 'docs/screenshots/sends'
const CSV =
  'E-mail;Name;Order;Link\n' +
  'anna@example.com;Anna;A-1;https://shop.example/a1\n' +
  'bob@example.com;Bob;A-2;https://shop.example/a2\n' +
  'not-an-email;Carl;A-3;https://shop.example/a3\n'

async function drop(app: Page, files: { name: string; text: string }[]): Promise<void> {
  await app.evaluate((list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([f.text], f.name))
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      )
  }, files)
}

test.describe('sends screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'run with npm run screenshots')
  test.setTimeout(120_000)

  for (const lang of ['en', 'ru'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${lang} ${theme}`, async ({ app }) => {
        const shot = async (name: string, whole = false) => {
          const path = `${DIR}/${name}-${theme}-${lang}.png`
          if (whole) await screenshotWholeScreen(app, path)
          else await app.screenshot({ path, animations: 'disabled' })
          expect.soft(await unreadableText(app), name).toEqual([])
        }
        await app.setViewportSize({ width: 1280, height: 800 })
        await app.evaluate(
          ([language, mode]) => window.pc.invoke('settings:update', { language, theme: mode }),
          [lang, theme] as const,
        )
        await app.getByTestId('nav-sends').click()
        await expect(app.locator('html')).toHaveAttribute('lang', lang)

        await app.locator('#send-code').fill('order_created')
        await app.getByTestId('send-email').fill('anna@example.com')
        await app.getByTestId('var-key-0').fill('name')
        await app.getByTestId('var-value-0').fill('Anna')
        await drop(app, [
          { name: 'invoice-A-100.pdf', text: 'x'.repeat(48_000) },
          { name: 'terms.txt', text: 'Terms' },
        ])
        await expect(app.getByTestId('send-attachments').getByRole('listitem')).toHaveCount(2)
        await shot('1-single-filled', true)

        await app.getByTestId('send-review').click()
        await expect(app.getByTestId('send-confirm')).toBeVisible()
        await shot('2-single-confirm')
        await app.getByTestId('send-confirm-send').click()
        await expect(app.getByTestId('send-result')).toBeVisible()
        await expect(app.getByTestId('send-confirm')).toBeHidden()
        await shot('3-single-result', true)

        await app.getByTestId('tab-bulk').click()
        await drop(app, [{ name: 'customers.csv', text: CSV }])
        await expect(app.getByTestId('bulk-file')).toBeVisible()
        await app.getByTestId('bulk-code').fill('order_created')
        await shot('4-bulk-mapping', true)
        await app.getByTestId('bulk-start').click()
        await expect(app.getByTestId('confirm-dialog')).toBeVisible()
        await shot('4b-bulk-confirm')
        await app.getByTestId('confirm-accept').click()
        await expect(app.getByTestId('bulk-job').first()).toHaveAttribute('data-status', 'done', {
          timeout: 30_000,
        })
        await shot('5-bulk-report', true)

        await app.getByTestId('tab-log').click()
        await expect(app.getByTestId('send-log-recipient')).toHaveCount(4)
        await shot('6-send-log')
      })
    }
  }
})
