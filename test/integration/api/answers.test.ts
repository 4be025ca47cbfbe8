import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogue, endpointNames, type EndpointName } from '../../../src/main/api/catalogue'
import type { ApiParams } from '../../../src/main/api/types'
import { dayBefore, demoPicks, failureOf, harness, type Harness } from './sandbox-client'

/**
 * Every catalogue endpoint's answer schema against the Demo shop over loopback HTTP: the
 * documented answer parses in both envelope styles, and the sandbox's wrong-shape fault
 * (valid JSON, a shape nothing documents) becomes the one keyed failure, recorded as such.
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

/** Valid parameters for every endpoint, writes included (built lazily: they need the data). */
const params = (): Record<EndpointName, ApiParams> => ({
  'import.audience': { audience: [{ email: 'answers-it@example.com' }] },
  'import.suppressed': { audience: [{ email: 'answers-it-2@example.com' }] },
  'segments.add': { email, segment_id: 334 },
  'segments.remove': { email, segment_id: 334 },
  'segments.get': { email },
  'segments.includes': { email, segment_id: 313 },
  'promoCodes.list': {},
  'promoCodes.upload': { id: 3184, codes: ['ANSWERS-IT-1', 'ANSWERS-IT-2'] },
  'promoCodes.purge': { id: 3201 },
  'promoCodes.delete': { promo_code_list_id: 3184, codes: ['ANSWERS-IT-1'] },
  'notifications.list': {
    email,
    date_from: dayBefore(h.sandbox, 14),
    type: 'bulk,trigger',
    channel: 'email',
  },
  'notifications.status': { code },
  'nps.reviews': {},
  'nps.categories': {},
  'nps.channels': {},
  transact: { code: 'welcome', email },
  'sms.transactional': { code: 'sms_one_time_code', phone: '+15550100100', variables: {} },
  'products.get': { item_id: itemId },
  'products.counters': { item: itemId },
  'products.categories': {},
  'products.notWidgetable': {},
  'products.subscribersStock': {},
  'products.subscribersPrice': {},
  'profile.get': { email },
  'subscriptions.check': { email },
  'subscriptions.changes': {},
  'subscriptions.manage': { email, email_bulk: true },
  'search.noResultQueries': {},
})

describe('answer schemas against the Demo shop', () => {
  it.each(['legacy', 'current'] as const)(
    'every endpoint’s documented answer parses (%s envelope)',
    async (style) => {
      h.sandbox.setEnvelope(style)
      h.sandbox.setFaults({})
      for (const [name, p] of Object.entries(params()) as [EndpointName, ApiParams][]) {
        await expect(h.client.call(name, 'active', p), name).resolves.toHaveProperty('data')
      }
      // The table above covers the whole catalogue: a new endpoint must be added to it.
      expect(Object.keys(params()).sort()).toEqual([...endpointNames].sort())
    },
  )

  it.each(['legacy', 'current'] as const)(
    'the wrong shape is one keyed failure for every endpoint, never "ok" (%s envelope)',
    async (style) => {
      h.sandbox.setEnvelope(style)
      h.sandbox.setFaults({ wrongShape: 'all' })
      try {
        for (const [name, p] of Object.entries(params()) as [EndpointName, ApiParams][]) {
          const before = h.records.length
          const f = await failureOf(h.client.call(name, 'active', p))
          const send = !catalogue[name].idempotent
          expect(f.appError, name).toMatchObject({
            code: 'API_UNEXPECTED_RESPONSE',
            details: {
              messageKey: send ? 'send-answer-unknown' : 'answer-unknown',
              endpoint: name,
              status: 200,
            },
          })
          expect(String(f.appError.details?.excerpt), name).toContain('unexpected')
          expect(JSON.stringify(f.appError)).not.toContain(h.shop.secret)
          // One call, one record, and it says the call did not succeed.
          expect(h.records.length - before, name).toBe(1)
          expect(h.records.at(-1), name).toMatchObject({
            endpoint: name,
            outcome: send ? 'unknown' : 'error',
            errorCode: 'API_UNEXPECTED_RESPONSE',
          })
        }
      } finally {
        h.sandbox.setFaults({})
      }
    },
  )

  it('a field of the wrong type, not just a wrong envelope, is caught by the schema', async () => {
    h.sandbox.setEnvelope('current')
    const list = h.sandbox.state.main.promoLists.get(3184)
    if (!list) throw new Error('demo list 3184 missing')
    const name = list.name
    // As if PersonaClick started sending the list name as an object.
    ;(list as unknown as { name: unknown }).name = { en: name }
    try {
      const f = await failureOf(h.client.call('promoCodes.list', 'active'))
      expect(f.appError.details).toMatchObject({
        messageKey: 'answer-unknown',
        endpoint: 'promoCodes.list',
        issue: expect.stringMatching(/^\d+\.name: /) as string,
      })
    } finally {
      list.name = name
    }
  })

  it('a send answered in the wrong shape did reach the shop, so it is unknown, not failed', async () => {
    h.sandbox.setEnvelope('legacy')
    h.sandbox.setFaults({ wrongShape: ['/transact'] })
    try {
      const sendsBefore = h.sandbox.state.main.sends.length
      const f = await failureOf(h.client.call('transact', 'active', { code: 'welcome', email }))
      expect(f.appError.details).toMatchObject({ mayHaveBeenProcessed: true })
      expect(h.sandbox.state.main.sends.length).toBe(sendsBefore + 1)
      // Other endpoints answer as documented while only /transact is faulty.
      await expect(h.client.call('nps.channels', 'active')).resolves.toHaveProperty('data')
    } finally {
      h.sandbox.setFaults({})
    }
    const journal = h.sandbox.journal.entries().filter((e) => e.path === '/transact')
    expect(journal.at(-1)).toMatchObject({ status: 200, fault: 'shape' })
  })
})
