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
  const sandbox = await startSandbox({ port: opts.port ?? 0, seed: opts.seed })
  return {
    endpoint: { apiHost: sandbox.url, shopId: DEMO_SHOP.shopId, secret: DEMO_SHOP.secret },
    close: () => sandbox.close(),
  }
}
