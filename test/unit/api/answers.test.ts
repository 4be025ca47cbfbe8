import { describe, expect, it } from 'vitest'
import { catalogue, endpointNames, type EndpointName } from '../../../src/main/api/catalogue'

/**
 * The answer schemas against the reference's own response examples (as the normaliser hands
 * them on: envelope removed) and against the variants the reference shows.
 */
const parse = (name: EndpointName, data: unknown) => catalogue[name].answer.safeParse(data)
const ok = (name: EndpointName, data: unknown): unknown => {
  const r = parse(name, data)
  if (!r.success) throw new Error(`${name}: ${r.error.message}`)
  return r.data
}

describe('answer schemas', () => {
  it('every endpoint declares one', () => {
    for (const name of endpointNames)
      expect(typeof catalogue[name].answer.safeParse).toBe('function')
  })

  it('read the reference examples', () => {
    expect(ok('promoCodes.list', [{ id: 3184, name: 'Abandoned cart', available: 3744 }])).toEqual([
      { id: 3184, name: 'Abandoned cart', available: 3744 },
    ])
    ok('segments.get', [
      { id: 313, type: 'static' },
      { id: 314, type: 'dynamic' },
    ])
    expect(ok('segments.includes', true)).toBe(true)
    ok('promoCodes.delete', { delete_count: 2, not_found_count: 0 })
    ok('nps.reviews', [
      {
        id: 1,
        channel: 'email',
        category: 'delivery',
        rate: 7,
        comment: null,
        // 19 digits: the lossless JSON reader keeps it as a digit string.
        client_id: '1515915625535836508',
        email: 'a@example.com',
        phone: '79876543210',
        created_at: '2023-07-21T02:35:06.374Z',
      },
    ])
    ok('nps.channels', [{ id: 1, code: 'website', name: 'Online checkout quality' }])
    expect(ok('transact', { code: 12345 })).toEqual({ code: '12345' })
    ok('products.counters', {
      daily: { view: 123, cart: 456, purchase: 789 },
      now: { view: 123, cart: 456, purchase: 789 },
    })
    ok('products.categories', [
      {
        id: 19,
        external_id: '482',
        name: 'Jewelry',
        url: 'https://demo.site.com/categories/jewelry',
        parent_id: null,
        parent_external_id: null,
        children: [{ id: 31, external_id: '483', name: 'Rings', parent_id: 19, children: [] }],
      },
    ])
    ok('products.notWidgetable', {
      total: 1,
      items: [{ uniqid: 'A1', price: null, name: 'Ring', url: 'u', image_url: 'i' }],
    })
    ok('products.subscribersStock', [
      { id: 'ID1', barcode: 'BC101', quantity: 337, date: '2020-01-12', contacts: ['a@b.c'] },
    ])
    ok('subscriptions.changes', [
      {
        contact_type: 'email',
        contact: 'a@b.c',
        campaign_type: 'chain',
        event: 'subscribe',
        channel: 'popup',
        datetime: '2020-09-24 14:42:36',
        ip: '192.168.0.1',
      },
    ])
    // The reference's own second row has no query: lenient, it is what the reference shows.
    ok('search.noResultQueries', [
      { query: 'iphone 4s', quantity: 3844 },
      { contact_type: 'covfefe', quantity: 384491 },
    ])
    ok('notifications.list', {
      messages: [
        {
          type: 'trigger',
          campaign_id: 7,
          code: 'abc',
          date: '2023-07-06',
          sent_at: '2023-07-06T14:25:21.000Z',
          statistics: { opened: true, clicked: false },
        },
      ],
    })
    // The documented answer is `{"200"}`, which arrives raw (not JSON).
    expect(ok('notifications.status', '{"200"}')).toMatchObject({ state: 'found' })
    ok('subscriptions.check', { exists: false, email_bulk: false, sms_chain: false })
    for (const name of ['import.audience', 'segments.add', 'subscriptions.manage'] as const) {
      expect(ok(name, null)).toBeNull()
    }
  })

  it('read numbers sent as strings as numbers, and keep unknown extra fields', () => {
    expect(ok('products.get', { name: 'Ring', price: '12.50', currency: 'EUR', extra: 1 })).toEqual(
      { name: 'Ring', price: 12.5, currency: 'EUR', extra: 1 },
    )
    expect(
      ok('profile.get', { email: 'a@b.c', phone: null, loyalty_bonuses: '300' }),
    ).toMatchObject({ loyalty_bonuses: 300 })
  })

  it('refuse what a screen relies on being wrong or missing', () => {
    expect(parse('transact', {}).success).toBe(false)
    expect(parse('transact', { code: { id: 1 } }).success).toBe(false)
    expect(parse('promoCodes.list', [{ id: 1, name: 'A', available: 'many' }]).success).toBe(false)
    expect(parse('nps.reviews', ['garbage']).success).toBe(false)
    expect(parse('nps.reviews', [{ unexpected: 'shape' }]).success).toBe(false)
    expect(parse('segments.includes', 'yes').success).toBe(false)
    expect(parse('products.counters', { daily: {} }).success).toBe(false)
    expect(parse('subscriptions.check', { email_bulk: true }).success).toBe(false)
  })

  it('leave judging a review row’s values to the NPS service (a score of 11 is data)', () => {
    const row = { id: 2, rate: 11, created_at: 'yesterday', channel: null, category: 'x' }
    expect(parse('nps.reviews', [row]).success).toBe(true)
  })
})
