import type { SandboxShop } from './types'

/** The fixed Demo shop credentials; the console's built-in profile uses exactly these. */
export const DEMO_SHOP: SandboxShop = {
  shopId: 'demo-shop-0001',
  secret: 'demo-secret-0001-5f3c9a7e2b',
}
