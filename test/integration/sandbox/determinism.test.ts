import { describe, expect, it } from 'vitest'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import { AUTH, NOW, get } from './helpers'

async function snapshot(sb: Sandbox): Promise<unknown[]> {
  const c = sb.state.main.customers[42]
  return Promise.all([
    get(sb, '/promo_codes', AUTH).then((r) => r.text),
    get(sb, '/nps/reviews', { ...AUTH, date_from: '2025-03-01', date_to: '2025-03-02' }).then(
      (r) => r.text,
    ),
    get(sb, '/products/subscribers/price', AUTH).then((r) => r.text),
    get(sb, '/products/get', {
      shop_id: DEMO_SHOP.shopId,
      item_id: sb.state.main.products[5]?.id ?? '',
    }).then((r) => r.text),
    get(sb, '/profile', { ...AUTH, email: c?.email ?? '', phone: c?.phone ?? '' }).then(
      (r) => r.text,
    ),
    get(sb, '/subscriptions/changes', { ...AUTH, from: '2025-06-01', to: '2025-06-15' }).then(
      (r) => r.text,
    ),
    sb.state.main.customers.map((x) => x.email).join(','),
  ])
}

async function withSandbox<T>(seed: number, fn: (sb: Sandbox) => Promise<T>): Promise<T> {
  const sb = await startSandbox({ port: 0, seed, now: NOW })
  try {
    return await fn(sb)
  } finally {
    await sb.close()
  }
}

describe('deterministic demo data', () => {
  it('the same seed gives the same data, whatever the order of reads', async () => {
    const a = await withSandbox(46, snapshot)
    const b = await withSandbox(46, async (sb) => {
      // Touch the lazy parts in another order first.
      await get(sb, '/products/categories', AUTH)
      await get(sb, '/nps/reviews', AUTH)
      return snapshot(sb)
    })
    expect(b).toEqual(a)
  })

  it('a different seed gives different data', async () => {
    const a = await withSandbox(46, snapshot)
    const b = await withSandbox(47, snapshot)
    expect(b[0]).not.toEqual(a[0])
    expect(b[1]).not.toEqual(a[1])
    expect(b[6]).not.toEqual(a[6])
  })

  it('the default seed is 46 and the demo base has thousands of customers', async () => {
    const def = await startSandbox({ port: 0, now: NOW })
    const explicit = await startSandbox({ port: 0, now: NOW, seed: 46 })
    try {
      expect(def.state.main.customers.length).toBeGreaterThanOrEqual(1000)
      expect(def.state.main.customers.slice(0, 50)).toEqual(
        explicit.state.main.customers.slice(0, 50),
      )
      const codes = [...def.state.main.promoLists.values()].reduce((n, l) => n + l.codes.size, 0)
      expect(codes).toBeGreaterThan(1000)
      expect(def.state.main.products.length).toBeGreaterThanOrEqual(100)
    } finally {
      await def.close()
      await explicit.close()
    }
  })

  it('several shops each get their own data and credentials', async () => {
    const other = { shopId: 'second-shop', secret: 'second-secret' }
    const sb = await startSandbox({ port: 0, now: NOW, shops: [DEMO_SHOP, other] })
    try {
      const mine = await get(sb, '/promo_codes', {
        shop_id: other.shopId,
        shop_secret: other.secret,
      })
      expect(mine.status).toBe(200)
      expect(
        (await get(sb, '/promo_codes', { shop_id: other.shopId, shop_secret: DEMO_SHOP.secret }))
          .status,
      ).toBe(403)
      expect(sb.state.shop(other.shopId).customers[0]?.email).not.toBe(
        sb.state.main.customers[0]?.email,
      )
    } finally {
      await sb.close()
    }
  })
})
