import { DEMO_SHOP, startSandbox } from '../../../sandbox'
import type { DemoShopEndpoint } from './demo-shop'

export interface DemoShopOptions {
  /** Fixed port (tests); default a free one. */
  port?: number
  seed?: number
}

export interface RunningDemoShop {
  endpoint: DemoShopEndpoint
  close(): Promise<void>
}

/** The Demo shop: the sandbox server in this process, on a free loopback port. */
export async function startDemoShop(opts: DemoShopOptions): Promise<RunningDemoShop> {
  // Promo-code stock drains as the Demo shop's campaigns hand codes out, as a real shop's does.
  const sandbox = await startSandbox({ port: opts.port ?? 0, seed: opts.seed, promoDrain: true })
  return {
    endpoint: { apiHost: sandbox.url, shopId: DEMO_SHOP.shopId, secret: DEMO_SHOP.secret },
    close: () => sandbox.close(),
  }
}
