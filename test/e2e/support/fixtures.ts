import { test as base, expect, type Page } from '@playwright/test'
import { startHost, type RunningHost } from './host'

/** Each test gets its own browser host (own data folder) and a page opened on it. */
export const test = base.extend<{ host: RunningHost; app: Page }>({
  host: async ({}, use) => {
    const host = await startHost()
    await use(host)
    await host.stop()
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url)
    await expect(page.getByTestId('connection')).toHaveAttribute('class', /connected/)
    await expect(page.getByTestId('view-overview')).toBeVisible()
    await use(page)
  },
})

export { expect }
