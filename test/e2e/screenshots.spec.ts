import { screens as screenList } from '../../src/renderer/src/router/screens'
import { expect, screenshotWholeScreen, test, unreadableText } from './support/fixtures'

/**
 * `npm run screenshots`: every screen in light and dark, English and Russian, into
 * docs/screenshots/ for review (and the README). Not part of `npm test`.
 */
const screens = screenList.map((s) => s.name)

test.describe('screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'run with npm run screenshots')

  for (const lang of ['en', 'ru'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${lang} ${theme}`, async ({ app }) => {
        test.setTimeout(240_000)
        await app.setViewportSize({ width: 1280, height: 800 })
        await app.evaluate(
          ([language, mode]) => window.pc.invoke('settings:update', { language, theme: mode }),
          [lang, theme] as const,
        )
        // One real call, so the Activity screen has something to show.
        await app.evaluate(async () => {
          const shops = await window.pc.invoke('shops:list', {})
          if (shops.ok && shops.value.activeId) {
            await window.pc.invoke('shops:test-connection', { id: shops.value.activeId })
          }
        })
        for (const screen of screens) {
          await app.getByTestId(`nav-${screen}`).click()
          await expect(app.getByTestId(`view-${screen}`)).toBeVisible()
          await expect(app.locator('html')).toHaveAttribute('lang', lang)
          await app
            .getByTestId('state-loading')
            .waitFor({ state: 'detached' })
            .catch(() => undefined)
          await app.screenshot({
            path: `docs/screenshots/${screen}-${theme}-${lang}.png`,
            animations: 'disabled',
          })
          expect.soft(await unreadableText(app), screen).toEqual([])
          if (screen === 'activity') {
            // What support asks for, behind each row's "Technical details".
            await app.getByTestId('activity-table').getByRole('button').first().click()
            await expect(app.getByTestId('activity-details')).toBeVisible()
            await app.screenshot({
              path: `docs/screenshots/activity-details-${theme}-${lang}.png`,
              animations: 'disabled',
            })
            expect.soft(await unreadableText(app), 'activity details').toEqual([])
            await app.keyboard.press('Escape')
            await expect(app.getByTestId('activity-details')).toBeHidden()
          }
        }
      })
    }
  }

  // The import flow's later steps, which the sidebar alone never shows.
  for (const lang of ['en', 'ru'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`import flow ${lang} ${theme}`, async ({ app }) => {
        test.setTimeout(120_000)
        await app.setViewportSize({ width: 1280, height: 800 })
        await app.evaluate(
          ([language, mode]) => window.pc.invoke('settings:update', { language, theme: mode }),
          [lang, theme] as const,
        )
        await app.getByTestId('nav-import').click()
        await expect(app.getByTestId('view-import')).toBeVisible()
        await app.evaluate((csv) => {
          const dt = new DataTransfer()
          dt.items.add(new File([csv], 'spring-customers.csv', { type: 'text/csv' }))
          for (const type of ['dragenter', 'dragover', 'drop'])
            window.dispatchEvent(
              new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
            )
        }, SAMPLE_CSV)
        await expect(app.getByTestId('map-row-0')).toBeVisible()
        const shot = async (step: string) => {
          await screenshotWholeScreen(app, `docs/screenshots/import-${step}-${theme}-${lang}.png`)
          expect.soft(await unreadableText(app), step).toEqual([])
        }
        await shot('map')
        await app.getByTestId('import-check').click()
        await expect(app.getByTestId('import-review')).toBeVisible()
        await shot('review')
        await app.getByTestId('import-start').click()
        await expect(app.getByTestId('import-summary')).toBeVisible()
        await shot('done')
      })
    }
  }
})

const SAMPLE_CSV =
  'E-mail;Имя;Фамилия;Телефон;Пол;Дата рождения;Бонусы\n' +
  'anna.petrova@example.com;Анна;Петрова;+7 916 123-45-67;ж;14.02.1990;120\n' +
  'ivan@example;Иван;Сидоров;;м;31.12.1985;0\n' +
  'OLGA@EXAMPLE.COM;Ольга;Ким;8 (903) 555-01-02;ж;01.06.1979;35,5\n' +
  'olga@example.com;Ольга;Ким;;ж;01.06.1979;40\n' +
  ';Пётр;Без почты;;м;;\n' +
  'sam@example.com;Sam;Lee;+1 415 555 0100;m;1992-07-04;10\n' +
  'vera.kim@example.com;Вера;Петрова;+7 916 123-45-67;ж;;\n' +
  'boris@example.com;Борис;Орлов;12-34;м;;\n'
