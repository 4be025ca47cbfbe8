import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EndpointName } from '../../../src/main/api/catalogue'
import type { ApiParams } from '../../../src/main/api/types'
import { AppFailure } from '../../../src/shared/errors'
import { dayBefore, demoPicks, harness, type Harness } from './sandbox-client'

/**
 * The normaliser against both envelope styles the sandbox speaks ('legacy': bare arrays,
 * {status:'error',message}; 'current': {status,payload:{key:[…]}}, {success:false,payload})
 * — callers must get the same data and the same typed errors from either.
 */
let h: Harness
let email: string
let itemId: string
let code: string

beforeAll(async () => {
  h = await harness()
  ;({ email, itemId, code } = demoPicks(h.sandbox))
})
afterAll(async () => {
  await h.sandbox.close()
})

const READS: EndpointName[] = [
  'segments.get',
  'segments.includes',
  'promoCodes.list',
  'notifications.list',
  // Not here: /notifications/:code answers the documented non-JSON `{"200"}` in legacy and
  // carries the message in current (test/integration/notifications reads both).
  'nps.reviews',
  'nps.categories',
  'nps.channels',
  'products.get',
  'products.counters',
  'products.categories',
  'products.notWidgetable',
  'products.subscribersStock',
  'products.subscribersPrice',
  'profile.get',
  'subscriptions.check',
  'subscriptions.changes',
  'search.noResultQueries',
]

/** Built lazily: the params need the sandbox's data. */
const reads = (): [EndpointName, ApiParams][] => [
  ['segments.get', { email }],
  ['segments.includes', { email, segment_id: 313 }],
  ['promoCodes.list', {}],
  [
    'notifications.list',
    { email, date_from: dayBefore(h.sandbox, 14), type: 'bulk,trigger', channel: 'email' },
  ],
  ['notifications.status', { code }],
  ['nps.reviews', {}],
  ['nps.categories', {}],
  ['nps.channels', {}],
  ['products.get', { item_id: itemId }],
  ['products.counters', { item: itemId }],
  ['products.categories', {}],
  ['products.notWidgetable', {}],
  ['products.subscribersStock', {}],
  ['products.subscribersPrice', {}],
  ['profile.get', { email }],
  ['subscriptions.check', { email }],
  ['subscriptions.changes', {}],
  ['search.noResultQueries', {}],
]

async function both(name: EndpointName, params: ApiParams): Promise<[unknown, unknown]> {
  h.sandbox.setEnvelope('legacy')
  const legacy = await h.client.call(name, 'active', params)
  h.sandbox.setEnvelope('current')
  const current = await h.client.call(name, 'active', params)
  return [legacy.data, current.data]
}

async function failureIn(style: 'legacy' | 'current', p: () => Promise<unknown>) {
  h.sandbox.setEnvelope(style)
  try {
    await p()
  } catch (err) {
    if (err instanceof AppFailure) return err.appError
    throw err
  }
  throw new Error('expected a failure')
}

describe('normaliser against both sandbox envelope styles', () => {
  it.each(READS)('%s: same data in legacy and current', async (name) => {
    const params = reads().find(([n]) => n === name)?.[1] ?? {}
    const [legacy, current] = await both(name, params)
    expect(current).toEqual(legacy)
    expect(legacy).not.toBeUndefined()
  })

  it('writes confirm in both styles', async () => {
    for (const style of ['legacy', 'current'] as const) {
      h.sandbox.setEnvelope(style)
      const r = await h.client.call('segments.add', 'active', { email, segment_id: 334 })
      expect(r.data).toBeNull()
      const t = await h.client.call('transact', 'active', { code: 'welcome', email })
      expect(t.data).toHaveProperty('code')
    }
  })

  it('keeps 19-digit client ids exact in both styles', async () => {
    const [legacy] = await both('nps.reviews', {})
    const first = (legacy as { client_id: unknown }[])[0]
    expect(typeof first?.client_id).toBe('string')
    expect(String(first?.client_id)).toMatch(/^\d{19}$/)
  })

  it('maps errors the same way from {status:error,message} and {success:false,payload}', async () => {
    for (const [call, expected] of [
      [() => h.client.call('segments.add', 'active', { email, segment_id: 999 }), 'API_NOT_FOUND'],
      [
        () => h.client.call('segments.add', 'active', { email, segment_id: 314 }),
        'API_BAD_REQUEST',
      ],
      [
        () => h.client.call('transact', 'active', { code: 'no_such_campaign', email }),
        'API_NOT_FOUND',
      ],
      [() => h.client.call('promoCodes.purge', 'active', { id: 1 }), 'API_NOT_FOUND'],
    ] as const) {
      const legacy = await failureIn('legacy', call)
      const current = await failureIn('current', call)
      expect(legacy.code).toBe(expected)
      expect(current.code).toBe(expected)
      expect(typeof legacy.details?.apiMessage).toBe('string')
      expect(current.details?.apiMessage).toBe(legacy.details?.apiMessage)
    }
  })
})
