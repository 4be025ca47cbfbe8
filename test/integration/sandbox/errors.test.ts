import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import { AUTH, NOW, SHOP_ONLY, get, postForm, sendJson } from './helpers'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: NOW })
})
afterAll(async () => {
  await sb.close()
})
beforeEach(() => sb.setEnvelope('legacy'))

const SECRET_GETS = [
  '/promo_codes',
  '/nps/reviews',
  '/products/categories',
  '/products/not_widgetable',
  '/products/subscribers/stock',
  '/products/subscribers/price',
  '/search/no_result_queries',
  '/subscriptions/changes',
]

describe('authentication', () => {
  it.each(SECRET_GETS)(
    'GET %s: 401 for an unknown shop_id, 403 without or with a wrong secret',
    async (path) => {
      const unknown = await get(sb, path, {
        shop_id: 'no-such-shop',
        shop_secret: DEMO_SHOP.secret,
      })
      expect(unknown.status).toBe(401)
      expect(unknown.body).toEqual({ status: 'error', message: expect.any(String) })
      expect((await get(sb, path, SHOP_ONLY)).status).toBe(403)
      expect((await get(sb, path, { ...SHOP_ONLY, shop_secret: 'wrong' })).status).toBe(403)
      expect((await get(sb, path, AUTH)).status).toBe(200)
    },
  )

  it('401 when shop_id is missing altogether', async () => {
    expect((await get(sb, '/nps/channels')).status).toBe(401)
  })

  it('endpoints documented with shop_id only still refuse a wrong secret when one is sent', async () => {
    expect((await get(sb, '/nps/categories', SHOP_ONLY)).status).toBe(200)
    expect((await get(sb, '/nps/categories', { ...SHOP_ONLY, shop_secret: 'wrong' })).status).toBe(
      403,
    )
  })

  it('JSON-body writes take the secret from the body', async () => {
    const body = { shop_id: DEMO_SHOP.shopId, id: 3184, codes: ['X-1'] }
    expect((await sendJson(sb, '/promo_codes', body)).status).toBe(403)
    expect((await sendJson(sb, '/promo_codes', { ...body, shop_secret: 'nope' })).status).toBe(403)
    expect(
      (await sendJson(sb, '/promo_codes', { ...body, shop_id: 'x', shop_secret: DEMO_SHOP.secret }))
        .status,
    ).toBe(401)
  })

  it('X-Shop-Secret is accepted only where documented', async () => {
    const headers = { 'x-shop-secret': DEMO_SHOP.secret }
    expect(
      (await get(sb, '/subscriptions/check', { ...SHOP_ONLY, email: 'a@example.com' }, headers))
        .status,
    ).toBe(200)
    expect((await get(sb, '/subscriptions/changes', SHOP_ONLY, headers)).status).toBe(200)
    expect((await get(sb, '/promo_codes', SHOP_ONLY, headers)).status).toBe(403)
  })
})

describe('400 on missing or malformed parameters', () => {
  const cases: [string, () => Promise<{ status: number }>][] = [
    ['profile without email/phone', () => get(sb, '/profile', AUTH)],
    ['segments/get without contact', () => get(sb, '/segments/get', AUTH)],
    [
      'segments/includes without segment_id',
      () => get(sb, '/segments/includes', { ...AUTH, email: 'a@example.com' }),
    ],
    [
      'segments/add without segment_id',
      () => postForm(sb, '/segments/add', { ...AUTH, email: 'a@example.com' }),
    ],
    [
      'segments/remove without contact',
      () => postForm(sb, '/segments/remove', { ...AUTH, segment_id: 313 }),
    ],
    ['import/audience without audience', () => sendJson(sb, '/import/audience', AUTH)],
    [
      'import/audience with a non-array audience',
      () => sendJson(sb, '/import/audience', { ...AUTH, audience: {} }),
    ],
    ['import/suppressed without audience', () => sendJson(sb, '/import/suppressed', AUTH)],
    ['promo upload without codes', () => sendJson(sb, '/promo_codes', { ...AUTH, id: 3184 })],
    ['promo upload without id', () => sendJson(sb, '/promo_codes', { ...AUTH, codes: ['A'] })],
    ['promo purge without id', () => sendJson(sb, '/promo_codes/purge', AUTH, 'DELETE')],
    [
      'promo delete without list id',
      () => sendJson(sb, '/promo_codes/delete', { ...AUTH, codes: ['A'] }, 'DELETE'),
    ],
    [
      'notifications without date_from',
      () =>
        get(sb, '/notifications', {
          ...AUTH,
          email: 'a@example.com',
          type: 'bulk',
          channel: 'email',
        }),
    ],
    [
      'notifications without type',
      () =>
        get(sb, '/notifications', {
          ...AUTH,
          email: 'a@example.com',
          date_from: '2025-06-01',
          channel: 'email',
        }),
    ],
    [
      'notifications without channel',
      () =>
        get(sb, '/notifications', {
          ...AUTH,
          email: 'a@example.com',
          date_from: '2025-06-01',
          type: 'bulk',
        }),
    ],
    [
      'notifications with limit > 50',
      () =>
        get(sb, '/notifications', {
          ...AUTH,
          email: 'a@example.com',
          date_from: '2025-06-01',
          type: 'bulk',
          channel: 'email',
          limit: 51,
        }),
    ],
    [
      'notifications with an unknown channel',
      () =>
        get(sb, '/notifications', {
          ...AUTH,
          email: 'a@example.com',
          date_from: '2025-06-01',
          type: 'bulk',
          channel: 'fax',
        }),
    ],
    ['transact without code', () => sendJson(sb, '/transact', { ...AUTH, email: 'a@example.com' })],
    [
      'transact without email or phone',
      () => sendJson(sb, '/transact', { ...AUTH, code: 'welcome' }),
    ],
    [
      'sms/transactional without variables',
      () =>
        sendJson(sb, '/sms/transactional', {
          ...AUTH,
          code: 'sms_one_time_code',
          phone: '15550001111',
        }),
    ],
    [
      'sms/transactional without phone',
      () =>
        sendJson(sb, '/sms/transactional', { ...AUTH, code: 'sms_one_time_code', variables: {} }),
    ],
    ['products/get without item_id', () => get(sb, '/products/get', SHOP_ONLY)],
    ['products/counters without item', () => get(sb, '/products/counters', SHOP_ONLY)],
    ['subscriptions/check without identifier', () => get(sb, '/subscriptions/check', AUTH)],
    [
      'subscriptions/changes with limit > 20000',
      () => get(sb, '/subscriptions/changes', { ...AUTH, limit: 20001 }),
    ],
    [
      'subscriptions/manage without identifier',
      () => postForm(sb, '/subscriptions/manage', { ...AUTH, email_bulk: true }),
    ],
    [
      'nps/reviews with a malformed date',
      () => get(sb, '/nps/reviews', { ...AUTH, date_from: 'yesterday' }),
    ],
    [
      'form endpoint sent as JSON',
      () => sendJson(sb, '/segments/add', { ...AUTH, email: 'a@example.com', segment_id: 313 }),
    ],
    [
      'JSON endpoint sent as a form',
      () => postForm(sb, '/promo_codes', { ...AUTH, id: 3184, codes: 'A' }),
    ],
  ]
  it.each(cases)('%s', async (_name, call) => {
    expect((await call()).status).toBe(400)
  })

  it('malformed JSON is a 400 with an error envelope', async () => {
    const r = await fetch(`${sb.url}/import/audience`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"shop_id":',
    })
    expect(r.status).toBe(400)
    expect(await r.json()).toMatchObject({ status: 'error', message: expect.any(String) })
  })
})

describe('404, 405, 406', () => {
  it('404 for an unknown path', async () => {
    const r = await get(sb, '/no/such/endpoint', AUTH)
    expect(r.status).toBe(404)
    expect(r.body).toEqual({ status: 'error', message: 'Not found' })
  })

  it.each([
    ['POST', '/nps/reviews', 'GET'],
    ['GET', '/transact', 'POST'],
    ['GET', '/promo_codes/purge', 'DELETE'],
    ['POST', '/promo_codes/delete', 'DELETE'],
    ['DELETE', '/promo_codes', 'GET, POST'],
    ['POST', '/notifications/abc', 'GET'],
  ])('405 for %s %s, with Allow: %s', async (method, path, allow) => {
    const r = await fetch(`${sb.url}${path}`, { method })
    expect(r.status).toBe(405)
    expect(r.headers.get('allow')).toBe(allow)
  })

  it('404 for unknown objects', async () => {
    expect((await get(sb, '/products/get', { ...SHOP_ONLY, item_id: 'nope' })).status).toBe(404)
    expect((await get(sb, '/profile', { ...AUTH, email: 'nobody@example.com' })).status).toBe(404)
    expect((await sendJson(sb, '/promo_codes/purge', { ...AUTH, id: 999 }, 'DELETE')).status).toBe(
      404,
    )
    expect((await get(sb, '/notifications/unknown-code')).status).toBe(404)
    expect(
      (
        await sendJson(sb, '/transact', {
          ...AUTH,
          code: 'no_such_campaign',
          email: 'a@example.com',
        })
      ).status,
    ).toBe(404)
  })

  it('406 when the client does not accept JSON', async () => {
    const r = await get(sb, '/nps/channels', SHOP_ONLY, { accept: 'text/html' })
    expect(r.status).toBe(406)
    expect(
      (await get(sb, '/nps/channels', SHOP_ONLY, { accept: 'text/html, application/json;q=0.9' }))
        .status,
    ).toBe(200)
  })
})

describe('error envelopes in the current style', () => {
  it('query/form endpoints answer {status:"error", payload:{message}}', async () => {
    sb.setEnvelope('current')
    const r = await get(sb, '/promo_codes', SHOP_ONLY)
    expect(r.status).toBe(403)
    expect(r.body).toEqual({ status: 'error', payload: { message: expect.any(String) } })
  })

  it('JSON-body S2S writes answer {success:false, payload:{message}}', async () => {
    sb.setEnvelope('current')
    const r = await sendJson(sb, '/transact', { ...AUTH, email: 'a@example.com' })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({
      success: false,
      payload: { message: expect.stringContaining('code') },
    })
  })
})
