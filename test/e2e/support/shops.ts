import { expect, type Locator, type Page } from '@playwright/test'

/** Settings › Shops › Add, filled in and saved; returns the form for later edits. */
export async function addShop(
  app: Page,
  shop: { label: string; host: string; shopId: string; secret: string },
): Promise<Locator> {
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('shop-add').click()
  const form = app.getByTestId('shop-form')
  await form.getByTestId('shop-label').fill(shop.label)
  await form.locator('#shop-host').fill(shop.host)
  await form.getByTestId('shop-id').fill(shop.shopId)
  await form.getByTestId('shop-secret').fill(shop.secret)
  await form.getByTestId('shop-save').click()
  await expect(form).toBeHidden()
  return form
}
