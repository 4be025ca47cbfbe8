import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_ENDPOINTS, startSandbox, type Sandbox } from '../../../src/sandbox'
import { AUTH, NOW, get } from './helpers'

const EXPECTED = [
  'POST /import/audience json',
  'POST /import/suppressed json',
  'POST /segments/add form',
  'POST /segments/remove form',
  'GET /segments/get none',
  'GET /segments/includes none',
  'GET /promo_codes none',
  'POST /promo_codes json',
  'DELETE /promo_codes/purge json',
  'DELETE /promo_codes/delete json',
  'GET /promo_codes/fetch none',
  'GET /notifications none',
  'GET /notifications/:code none',
  'GET /nps/reviews none',
  'GET /nps/categories none',
  'GET /nps/channels none',
  'POST /transact json-or-multipart',
  'POST /sms/transactional json',
  'GET /products/get none',
  'GET /products/counters none',
  'GET /products/categories none',
  'GET /products/not_widgetable none',
  'GET /products/subscribers/stock none',
  'GET /products/subscribers/price none',
  'GET /profile none',
  'GET /subscriptions/check none',
  'GET /subscriptions/changes none',
  'POST /subscriptions/manage form',
  'GET /search/no_result_queries none',
]

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: NOW })
})
afterAll(async () => {
  await sb.close()
})

describe('endpoint table', () => {
  it('serves exactly the documented endpoints with the documented encodings', () => {
    const actual = SANDBOX_ENDPOINTS.map((e) => `${e.method} ${e.path} ${e.body}`)
    expect([...actual].sort()).toEqual([...EXPECTED].sort())
  })

  it('only the shop_id-only endpoints work without a secret', () => {
    const open = SANDBOX_ENDPOINTS.filter((e) => e.secret !== 'required').map((e) => e.path)
    expect(open.sort()).toEqual([
      '/notifications/:code',
      '/nps/categories',
      '/nps/channels',
      '/products/counters',
      '/products/get',
      '/promo_codes/fetch',
    ])
  })

  it('a trailing slash is a different (unknown) path', async () => {
    expect((await get(sb, '/promo_codes/', AUTH)).status).toBe(404)
  })

  it('HEAD on a GET endpoint answers without a body', async () => {
    const r = await fetch(`${sb.url}/nps/channels?shop_id=${AUTH.shop_id}`, { method: 'HEAD' })
    expect(r.status).toBe(200)
    expect(await r.text()).toBe('')
  })
})
