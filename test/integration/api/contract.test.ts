import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endpointNames, type EndpointName } from '../../../src/main/api/catalogue'
import type { ApiFile, ApiParams } from '../../../src/main/api/types'
import type { JournalEntry } from '../../../src/sandbox'
import { dayBefore, harness, type Harness } from './sandbox-client'

/**
 * Contract tests: the real client calls the real sandbox for every catalogue endpoint and
 * the sandbox's journal shows what went over the wire. Expectations are written out here
 * from the reference (not derived from the catalogue), so a wrong catalogue entry fails.
 */
type Wire = {
  method: 'GET' | 'POST' | 'DELETE'
  /** Content-Type prefix, or null for no body. */
  type: 'application/json' | 'application/x-www-form-urlencoded' | 'multipart/form-data' | null
  secret: JournalEntry['secretPlacement']
  /** Parameters that must be on the wire (besides shop_id). */
  sent: string[]
  result: 'list' | 'object' | 'boolean' | 'ack'
}

const JSON_T = 'application/json'
const FORM_T = 'application/x-www-form-urlencoded'

let h: Harness
let email: string
let phone: string
let itemId: string
let messageCode: string

beforeAll(async () => {
  h = await harness()
  const shop = h.sandbox.state.main
  const customer = shop.customers.find((c) => c.email && c.phone && c.index < 50)
  if (!customer?.email || !customer.phone) throw new Error('demo data has no full customer')
  email = customer.email
  phone = customer.phone
  itemId = shop.products[0]?.id ?? ''
  messageCode = shop.messagesOf(customer)[0]?.code ?? ''
})
afterAll(async () => {
  await h.sandbox.close()
})

function cases(): Record<EndpointName, { params: ApiParams; wire: Wire; files?: ApiFile[] }> {
  return {
    'import.audience': {
      params: { segment_id: 334, audience: [{ email: 'new.one@example.com', email_bulk: true }] },
      wire: { method: 'POST', type: JSON_T, secret: 'body', sent: ['audience'], result: 'ack' },
    },
    'import.suppressed': {
      params: { audience: [{ email: 'gone@example.com' }] },
      wire: { method: 'POST', type: JSON_T, secret: 'body', sent: ['audience'], result: 'ack' },
    },
    'segments.add': {
      params: { email, segment_id: 334 },
      wire: {
        method: 'POST',
        type: FORM_T,
        secret: 'form',
        sent: ['email', 'segment_id'],
        result: 'ack',
      },
    },
    'segments.remove': {
      params: { phone, segment_id: 334 },
      wire: {
        method: 'POST',
        type: FORM_T,
        secret: 'form',
        sent: ['phone', 'segment_id'],
        result: 'ack',
      },
    },
    'segments.get': {
      params: { email },
      wire: { method: 'GET', type: null, secret: 'query', sent: ['email'], result: 'list' },
    },
    'segments.includes': {
      params: { email, segment_id: 313 },
      wire: {
        method: 'GET',
        type: null,
        secret: 'query',
        sent: ['email', 'segment_id'],
        result: 'boolean',
      },
    },
    'promoCodes.list': {
      params: { active: 1 },
      wire: { method: 'GET', type: null, secret: 'query', sent: [], result: 'list' },
    },
    'promoCodes.upload': {
      params: { id: 3222, codes: ['NEW-1', 'NEW-2'] },
      wire: { method: 'POST', type: JSON_T, secret: 'body', sent: ['id', 'codes'], result: 'ack' },
    },
    'promoCodes.purge': {
      params: { id: 3222 },
      wire: { method: 'DELETE', type: JSON_T, secret: 'body', sent: ['id'], result: 'ack' },
    },
    'promoCodes.delete': {
      params: { promo_code_list_id: 3190, codes: ['NO-SUCH-CODE'] },
      wire: {
        method: 'DELETE',
        type: JSON_T,
        secret: 'body',
        sent: ['promo_code_list_id', 'codes'],
        result: 'object',
      },
    },
    'notifications.list': {
      params: {
        email,
        date_from: dayBefore(h.sandbox, 14),
        type: 'bulk,trigger,transactional',
        channel: 'email,sms',
      },
      wire: {
        method: 'GET',
        type: null,
        secret: 'query',
        sent: ['email', 'date_from', 'type', 'channel'],
        result: 'object',
      },
    },
    'notifications.status': {
      params: { code: messageCode },
      wire: { method: 'GET', type: null, secret: 'none', sent: [], result: 'object' },
    },
    'nps.reviews': {
      params: { date_from: dayBefore(h.sandbox, 30) },
      wire: { method: 'GET', type: null, secret: 'query', sent: ['date_from'], result: 'list' },
    },
    'nps.categories': {
      params: {},
      wire: { method: 'GET', type: null, secret: 'none', sent: [], result: 'list' },
    },
    'nps.channels': {
      params: {},
      wire: { method: 'GET', type: null, secret: 'none', sent: [], result: 'list' },
    },
    transact: {
      params: { code: 'welcome', email, variables: { first_name: 'Ann' } },
      wire: {
        method: 'POST',
        type: JSON_T,
        secret: 'body',
        sent: ['code', 'email', 'variables'],
        result: 'object',
      },
    },
    'sms.transactional': {
      params: { code: 'sms_one_time_code', phone, variables: { otp: '1234' } },
      wire: {
        method: 'POST',
        type: JSON_T,
        secret: 'body',
        sent: ['code', 'phone', 'variables'],
        result: 'object',
      },
    },
    'products.get': {
      params: { item_id: itemId },
      wire: { method: 'GET', type: null, secret: 'none', sent: ['item_id'], result: 'object' },
    },
    'products.counters': {
      params: { item: itemId },
      wire: { method: 'GET', type: null, secret: 'none', sent: ['item'], result: 'object' },
    },
    'products.categories': {
      params: { depth: 1 },
      wire: { method: 'GET', type: null, secret: 'query', sent: ['depth'], result: 'list' },
    },
    'products.notWidgetable': {
      params: {},
      wire: { method: 'GET', type: null, secret: 'query', sent: [], result: 'object' },
    },
    'products.subscribersStock': {
      params: {},
      wire: { method: 'GET', type: null, secret: 'query', sent: [], result: 'list' },
    },
    'products.subscribersPrice': {
      params: {},
      wire: { method: 'GET', type: null, secret: 'query', sent: [], result: 'list' },
    },
    'profile.get': {
      params: { email },
      wire: { method: 'GET', type: null, secret: 'query', sent: ['email'], result: 'object' },
    },
    'subscriptions.check': {
      params: { email },
      wire: { method: 'GET', type: null, secret: 'header', sent: ['email'], result: 'object' },
    },
    'subscriptions.changes': {
      params: { from: dayBefore(h.sandbox, 7) },
      wire: { method: 'GET', type: null, secret: 'header', sent: ['from'], result: 'list' },
    },
    'subscriptions.manage': {
      params: { email, email_bulk: false, sms_bulk: true },
      wire: {
        method: 'POST',
        type: FORM_T,
        secret: 'form',
        sent: ['email', 'email_bulk', 'sms_bulk'],
        result: 'ack',
      },
    },
    'search.noResultQueries': {
      params: {},
      wire: { method: 'GET', type: null, secret: 'query', sent: [], result: 'list' },
    },
  }
}

function shapeOf(data: unknown): Wire['result'] {
  if (Array.isArray(data)) return 'list'
  if (typeof data === 'boolean') return 'boolean'
  if (data === null) return 'ack'
  return 'object'
}

describe('contract: every catalogue endpoint against the Demo shop sandbox', () => {
  it('has a contract case for every catalogue entry', () => {
    expect(Object.keys(cases()).sort()).toEqual([...endpointNames].sort())
  })

  for (const name of endpointNames) {
    it(name, async () => {
      const { params, wire, files } = cases()[name]
      h.sandbox.journal.clear()
      const res = await h.client.call(name, 'active', params, files ? { files } : {})
      expect(res.status).toBe(200)
      expect(shapeOf(res.data)).toBe(wire.result)

      const entries = h.sandbox.journal.entries()
      expect(entries).toHaveLength(1)
      const e = entries[0]!
      expect(e.method).toBe(wire.method)
      expect(e.status).toBe(200)
      expect(e.shopId).toBe(h.shop.shopId)
      if (wire.type === null) expect(e.body).toBeNull()
      else expect(e.contentType?.startsWith(wire.type)).toBe(true)
      expect(e.secretPlacement).toBe(wire.secret)
      // Where parameters travel: the query for GET, the body otherwise, never both.
      const carrier = (wire.type === null ? e.query : e.body) as Record<string, unknown>
      for (const k of ['shop_id', ...wire.sent]) expect(carrier, k).toHaveProperty(k)
      if (wire.type !== null) expect(Object.keys(e.query)).toEqual([])
    })
  }

  it('sends /transact attachments as multipart with variables[KEY] fields', async () => {
    h.sandbox.journal.clear()
    const files: ApiFile[] = [
      { field: 'file_name', filename: 'invoice.pdf', data: new Uint8Array(1234) },
      { field: 'file_name_2', filename: 'terms.txt', data: new Blob(['hello']) },
    ]
    const res = await h.client.call(
      'transact',
      'active',
      { code: 'order_created', email, variables: { order: 'A-1', total: 99 } },
      { files },
    )
    expect(res.data).toHaveProperty('code')
    const e = h.sandbox.journal.entries()[0]!
    expect(e.contentType?.startsWith('multipart/form-data')).toBe(true)
    expect(e.secretPlacement).toBe('form')
    expect(e.files).toEqual([
      { field: 'file_name', filename: 'invoice.pdf', size: 1234 },
      { field: 'file_name_2', filename: 'terms.txt', size: 5 },
    ])
    expect(e.body).toMatchObject({
      code: 'order_created',
      variables: { order: 'A-1', total: '99' },
    })
    const send = h.sandbox.state.main.sends.at(-1)
    expect(send?.files).toHaveLength(2)
  })

  it('keeps the secret out of every URL it sends when the endpoint takes a body', () => {
    const withBody = h.records.filter((r) => r.method !== 'GET')
    expect(withBody.length).toBeGreaterThan(5)
    for (const r of withBody) expect(r.params.shop_secret).toBe('[redacted]')
    expect(JSON.stringify(h.records)).not.toContain(h.shop.secret)
  })
})
