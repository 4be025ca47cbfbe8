import type { Shop } from '../../../shared/shops'

/** A fixed id so the Demo shop keeps its place (and stays selected) across launches. */
export const DEMO_SHOP_PROFILE_ID = '00000000-0000-4000-8000-000000000046'

export interface DemoShopEndpoint {
  apiHost: string
  shopId: string
  secret: string
}

export function demoShop(endpoint: DemoShopEndpoint, label: string): Shop {
  return {
    id: DEMO_SHOP_PROFILE_ID,
    label,
    apiHost: endpoint.apiHost,
    shopId: endpoint.shopId,
    defaultCountry: 'US',
    timeZone: 'UTC',
    hasSecret: true,
    secretStorage: 'memory',
    isDemo: true,
  }
}
