import type { Page } from '@playwright/test'
import {
  startSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxShop,
} from '../../../src/sandbox'
import { expect, test } from './fixtures'

/**
 * A test whose `sandbox` is a PersonaClick-compatible server of its own on loopback, added
 * through Settings as a shop and made active (the in-process Demo shop's journal and faults
 * are not reachable from the test process; this one's are).
 */
export function withSandboxShop(
  shop: SandboxShop,
  label: string,
  options: Omit<SandboxOptions, 'port' | 'shops'> = {},
) {
  return test.extend<{ sandbox: Sandbox }>({
    sandbox: async ({ app }, use) => {
      const sandbox = await startSandbox({ ...options, port: 0, shops: [shop] })
      await addShop(app, sandbox.url, shop, label)
      await use(sandbox)
      await sandbox.close()
    },
  })
}

async function addShop(app: Page, url: string, shop: SandboxShop, label: string): Promise<void> {
  await app.getByRole('link', { name: 'Settings' }).click()
  await app.getByRole('button', { name: 'Add shop' }).click()
  await app.getByLabel('Name', { exact: true }).fill(label)
  await app.getByLabel('API host').fill(url)
  await app.getByLabel('Shop ID').fill(shop.shopId)
  await app.getByLabel('Secret key').fill(shop.secret)
  await app.getByRole('button', { name: 'Save shop' }).click()
  await expect(app.getByText(`“${label}” saved`)).toBeVisible()
  await expect(app.getByTestId('active-shop')).toContainText(label)
}
