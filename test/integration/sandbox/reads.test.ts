import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type EnvelopeStyle, type Sandbox } from '../../../src/sandbox'
import { AUTH, NOW, SHOP_ONLY, get, payload } from './helpers'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: NOW })
})
afterAll(async () => {
  await sb.close()
})

/** Reads the list in either envelope: bare array (legacy) or payload[key] (current). */
function listOf(style: EnvelopeStyle, body: unknown, key: string): Record<string, unknown>[] {
  if (style === 'legacy') {
    expect(Array.isArray(body)).toBe(true)
    return body as Record<string, unknown>[]
  }
  expect(body).toMatchObject({ status: 'success' })
  const items = payload(body, key)
  expect(Array.isArray(items)).toBe(true)
  return items as Record<string, unknown>[]
}

function objectOf(style: EnvelopeStyle, body: unknown): Record<string, unknown> {
  if (style === 'legacy') return body as Record<string, unknown>
  expect(body).toMatchObject({ status: 'success' })
  return payload(body) as Record<string, unknown>
}

describe.each(['legacy', 'current'] as const)('reads in the %s envelope', (style) => {
  beforeAll(() => sb.setEnvelope(style))

  it('GET /promo_codes lists code lists with available counts and honours filters', async () => {
    const all = listOf(style, (await get(sb, '/promo_codes', AUTH)).body, 'lists')
    expect(all.length).toBeGreaterThanOrEqual(4)
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(['available', 'id', 'name'])
    const active = listOf(
      style,
      (await get(sb, '/promo_codes', { ...AUTH, active: 1 })).body,
      'lists',
    )
    expect(active.every((l) => (l.available as number) > 0)).toBe(true)
    expect(active.length).toBeLessThan(all.length)
    const first = all[0]?.id as number
    const included = listOf(
      style,
      (await get(sb, '/promo_codes', { ...AUTH, include: `${first}` })).body,
      'lists',
    )
    expect(included.map((l) => l.id)).toEqual([first])
    const excluded = listOf(
      style,
      (await get(sb, '/promo_codes', { ...AUTH, exclude: `${first}` })).body,
      'lists',
    )
    expect(excluded.map((l) => l.id)).not.toContain(first)
    const page = listOf(
      style,
      (await get(sb, '/promo_codes', { ...AUTH, offset: 1, limit: 2 })).body,
      'lists',
    )
    expect(page.map((l) => l.id)).toEqual(all.slice(1, 3).map((l) => l.id))
  })

  it('GET /nps/categories and /nps/channels need only shop_id', async () => {
    const categories = listOf(
      style,
      (await get(sb, '/nps/categories', SHOP_ONLY)).body,
      'categories',
    )
    expect(categories[0]).toMatchObject({
      id: expect.any(Number),
      code: expect.any(String),
      promoter_question: expect.any(String),
    })
    const channels = listOf(style, (await get(sb, '/nps/channels', SHOP_ONLY)).body, 'channels')
    expect(channels[0]).toMatchObject({
      id: expect.any(Number),
      code: expect.any(String),
      name: expect.any(String),
    })
    expect(new Set(channels.map((c) => c.code)).size).toBe(channels.length)
  })

  it('GET /nps/reviews returns documented review objects', async () => {
    const res = await get(sb, '/nps/reviews', {
      ...AUTH,
      date_from: '2025-06-01',
      date_to: '2025-06-01',
    })
    const reviews = listOf(style, res.body, 'reviews')
    expect(reviews.length).toBeGreaterThan(0)
    expect(Object.keys(reviews[0] ?? {}).sort()).toEqual(
      [
        'category',
        'channel',
        'client_id',
        'comment',
        'created_at',
        'email',
        'id',
        'phone',
        'rate',
      ].sort(),
    )
    // client_id is a bare 19-digit JSON number, as in the reference (beyond 2^53).
    expect(res.text).toMatch(/"client_id":\d{19}[,}]/)
  })

  it('GET /products/get and /products/counters return product info and counters', async () => {
    const id = sb.state.main.products[0]?.id ?? ''
    const info = objectOf(
      style,
      (await get(sb, '/products/get', { ...SHOP_ONLY, item_id: id })).body,
    )
    expect(Object.keys(info).sort()).toEqual([
      'currency',
      'description',
      'name',
      'picture',
      'price',
      'url',
    ])
    const counters = objectOf(
      style,
      (await get(sb, '/products/counters', { ...SHOP_ONLY, item: id })).body,
    )
    expect(counters).toMatchObject({
      daily: { view: expect.any(Number), cart: expect.any(Number), purchase: expect.any(Number) },
      now: { view: expect.any(Number), cart: expect.any(Number), purchase: expect.any(Number) },
    })
  })

  it('GET /products/categories returns a tree and honours depth and exclude', async () => {
    const full = listOf(style, (await get(sb, '/products/categories', AUTH)).body, 'categories')
    expect(full[0]).toMatchObject({
      id: expect.any(Number),
      parent_id: null,
      children: expect.any(Array),
    })
    expect((full[0]?.children as unknown[]).length).toBeGreaterThan(0)
    const roots = listOf(
      style,
      (await get(sb, '/products/categories', { ...AUTH, depth: 0 })).body,
      'categories',
    )
    expect(roots.every((c) => (c.children as unknown[]).length === 0)).toBe(true)
    const firstId = full[0]?.id as number
    const without = listOf(
      style,
      (await get(sb, '/products/categories', { ...AUTH, exclude: `${firstId}` })).body,
      'categories',
    )
    expect(without.map((c) => c.id)).not.toContain(firstId)
  })

  it('GET /products/not_widgetable uses {status, data:{total, items}} in both styles', async () => {
    const body = (await get(sb, '/products/not_widgetable', AUTH)).body as {
      status: string
      data: { total: number; items: Record<string, unknown>[] }
    }
    expect(body.status).toBe('success')
    expect(body.data.items.length).toBe(body.data.total)
    expect(Object.keys(body.data.items[0] ?? {}).sort()).toEqual(
      ['image_downloading_error', 'image_url', 'name', 'price', 'uniqid', 'url'].sort(),
    )
  })

  it.each(['/products/subscribers/stock', '/products/subscribers/price'])(
    'GET %s lists products with contacts',
    async (path) => {
      const rows = listOf(style, (await get(sb, path, AUTH)).body, 'products')
      expect(rows.length).toBeGreaterThan(0)
      const row = rows[0] as { contacts: string[]; quantity: number }
      expect(Object.keys(row).sort()).toEqual(['barcode', 'contacts', 'date', 'id', 'quantity'])
      expect(row.quantity).toBe(row.contacts.length)
    },
  )

  it('GET /search/no_result_queries returns {query, quantity}', async () => {
    const rows = listOf(style, (await get(sb, '/search/no_result_queries', AUTH)).body, 'queries')
    expect(rows[0]).toEqual({ query: expect.any(String), quantity: expect.any(Number) })
  })

  it('GET /profile and /segments/get describe a customer', async () => {
    const c = sb.state.main.customers.find(
      (x) => x.email && [...sb.state.main.segments.values()].some((s) => s.members.has(x.index)),
    )
    expect(c).toBeDefined()
    const profile = objectOf(
      style,
      (await get(sb, '/profile', { ...AUTH, email: c?.email ?? '' })).body,
    )
    expect(profile).toMatchObject({ email: c?.email, first_name: c?.firstName, orders: [] })
    const byPhone = c?.phone
      ? objectOf(style, (await get(sb, '/profile', { ...AUTH, phone: c.phone })).body)
      : profile
    expect(byPhone.email).toBe(c?.email)
    const segments = listOf(
      style,
      (await get(sb, '/segments/get', { ...AUTH, email: c?.email ?? '' })).body,
      'segments',
    )
    expect(segments.length).toBeGreaterThan(0)
    expect(segments[0]).toEqual({
      id: expect.any(Number),
      type: expect.stringMatching(/^(static|dynamic)$/),
    })
  })

  it('GET /segments/includes answers a boolean', async () => {
    const [segment] = [...sb.state.main.segments.values()]
    const member = sb.state.main.customers.find((c) => c.email && segment?.members.has(c.index))
    const res = await get(sb, '/segments/includes', {
      ...AUTH,
      email: member?.email ?? '',
      segment_id: segment?.id ?? 0,
    })
    if (style === 'legacy') expect(res.body).toBe(true)
    else expect(res.body).toEqual({ status: 'success', payload: { includes: true } })
  })

  it('GET /subscriptions/check returns every documented flag', async () => {
    const c = sb.state.main.customers.find((x) => x.email)
    const flags = objectOf(
      style,
      (await get(sb, '/subscriptions/check', { ...AUTH, email: c?.email ?? '' })).body,
    )
    expect(flags.exists).toBe(true)
    expect(Object.keys(flags)).toHaveLength(18)
    expect(Object.values(flags).every((v) => typeof v === 'boolean')).toBe(true)
    const unknown = objectOf(
      style,
      (await get(sb, '/subscriptions/check', { ...AUTH, email: 'nobody@example.com' })).body,
    )
    expect(unknown.exists).toBe(false)
  })

  it('GET /subscriptions/changes returns documented rows sorted by time', async () => {
    const rows = listOf(
      style,
      (await get(sb, '/subscriptions/changes', { ...AUTH, from: '2025-05-20', to: '2025-06-15' }))
        .body,
      'changes',
    )
    expect(rows.length).toBeGreaterThan(100)
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual([
      'campaign_type',
      'channel',
      'contact',
      'contact_type',
      'datetime',
      'event',
      'ip',
    ])
    expect(rows[0]?.datetime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    const times = rows.map((r) => r.datetime as string)
    expect([...times].sort()).toEqual(times)
    const limited = listOf(
      style,
      (
        await get(sb, '/subscriptions/changes', {
          ...AUTH,
          from: '2025-05-20',
          to: '2025-06-15',
          offset: 5,
          limit: 3,
        })
      ).body,
      'changes',
    )
    expect(limited).toEqual(rows.slice(5, 8))
    const onlyUnsub = listOf(
      style,
      (
        await get(sb, '/subscriptions/changes', {
          ...AUTH,
          from: '2025-05-20',
          to: '2025-06-15',
          event: 'unsubscribe',
        })
      ).body,
      'changes',
    )
    expect(onlyUnsub.length).toBeGreaterThan(0)
    expect(onlyUnsub.every((r) => r.event === 'unsubscribe')).toBe(true)
  })

  it('GET /notifications returns the payload-wrapped messages in both styles, filtered and paged', async () => {
    const c = sb.state.main.customers.find((x) => x.email)
    const params = {
      ...AUTH,
      email: c?.email ?? '',
      date_from: '2025-04-01',
      type: 'bulk,chain,transactional',
      channel: 'email,sms,web_push,mobile_push,telegram,WhatsApp',
    }
    const body = (await get(sb, '/notifications', { ...params, limit: 50 })).body as {
      status: string
      payload: { messages: Record<string, unknown>[] }
    }
    expect(body.status).toBe('success')
    const messages = body.payload.messages
    expect(messages.length).toBeGreaterThan(0)
    expect(messages[0]).toMatchObject({
      code: expect.any(String),
      sent_at: expect.any(String),
      statistics: { opened: expect.any(Boolean) },
    })
    const page2 = (await get(sb, '/notifications', { ...params, limit: 2, page: 2 }))
      .body as typeof body
    expect(page2.payload.messages).toEqual(messages.slice(2, 4))
    const emailOnly = (
      await get(sb, '/notifications', { ...params, channel: 'email', type: 'bulk' })
    ).body as typeof body
    expect(
      emailOnly.payload.messages.every((m) => m.channel === 'email' && m.type === 'bulk'),
    ).toBe(true)
  })
})
