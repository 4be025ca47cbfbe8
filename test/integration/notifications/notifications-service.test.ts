import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../../../src/main/api/client'
import { SecretRegistry } from '../../../src/main/log/redact'
import { NotificationsService } from '../../../src/main/services/notifications/notifications-service'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import { AppFailure } from '../../../src/shared/errors'
import {
  messageChannels,
  messageTypes,
  notificationsPageSchema,
  type NotificationsPageInput,
} from '../../../src/shared/notifications'
import { oneShop } from '../../support/shops'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

/**
 * The notifications service against the Demo shop sandbox over loopback HTTP (both
 * envelope styles), and against a bare server answering each likely /notifications/:code
 * variant as raw bytes.
 */
const NOW = '2026-11-30T12:00:00.000Z'
const TWO_WEEKS_AGO = '2026-11-16'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW })
})
afterAll(async () => {
  await sandbox.close()
})

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function service(apiHost = sandbox.url, dataDir?: string) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'notifications-it-')))
  dirs.push(dir)
  const requests: URL[] = []
  const shop = oneShop(apiHost)
  const api = createApiClient({
    transport: (url, init) => {
      requests.push(new URL(url))
      return fetch(url, init)
    },
    credentials: shop.credentials,
    secrets: new SecretRegistry(),
    sleep: async () => {},
    maxRetries: 0,
  })
  return {
    dir,
    notifications: await NotificationsService.open({ dataDir: dir, api, shops: shop.shops }),
    requests,
  }
}

const busy = () => sandbox.state.main.customers[0]!
const everything = (over: Partial<NotificationsPageInput> = {}) =>
  notificationsPageSchema.parse({
    identifierKind: 'external_id',
    identifier: busy().externalId,
    dateFrom: TWO_WEEKS_AGO,
    types: [...messageTypes],
    channels: [...messageChannels],
    ...over,
  })

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppFailure) return err
    throw err
  }
  throw new Error('expected a failure')
}

describe.each(['legacy', 'current'] as const)('customer history, %s envelopes', (envelope) => {
  beforeAll(() => sandbox.setEnvelope(envelope))

  it('pages through a busy customer 50 at a time until a short page, every request by the reference', async () => {
    const { notifications, requests } = await service()
    const seen: string[] = []
    let page = 1
    for (;;) {
      const r = await notifications.search(everything({ page }))
      seen.push(...r.messages.map((m) => m.code ?? ''))
      expect(r.loaded).toBe(seen.length)
      if (!r.hasMore) break
      expect(r.messages).toHaveLength(50)
      page += 1
    }
    expect(page).toBeGreaterThan(1)
    const from = Date.parse(`${TWO_WEEKS_AGO}T00:00:00Z`)
    const truth = sandbox.state.main.messagesOf(busy()).filter((m) => Date.parse(m.sent_at) >= from)
    expect(seen).toEqual(truth.map((m) => m.code))
    expect(new Set(seen).size).toBe(seen.length)
    for (const url of requests) {
      expect(url.pathname).toBe('/notifications')
      const q = url.searchParams
      expect(q.get('external_id')).toBe(busy().externalId)
      expect(q.get('date_from')).toBe(TWO_WEEKS_AGO)
      expect(q.get('type')).toBe('bulk,trigger,transactional')
      expect(q.get('channel')).toBe('email,sms,web_push,mobile_push,telegram,WhatsApp')
      expect(q.get('limit')).toBe('50')
      expect(q.get('shop_id')).toBe(DEMO_SHOP.shopId)
    }
    expect(sandbox.journal.entries().at(-1)?.method).toBe('GET')
  })

  it('reads statistics, HTML bodies and only the types and channels asked for', async () => {
    const { notifications } = await service()
    const r = await notifications.search(everything({ types: ['bulk'], channels: ['email'] }))
    expect(r.messages.length).toBeGreaterThan(0)
    for (const m of r.messages) {
      expect(m.type).toBe('bulk')
      expect(m.channel).toBe('email')
      expect(Object.keys(m.statistics)).toHaveLength(7)
      expect(m.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    }
  })

  it('an empty history is an empty page, not a failure', async () => {
    const { notifications } = await service()
    const r = await notifications.search(
      everything({ dateFrom: NOW.slice(0, 10), types: ['bulk'], channels: ['telegram'] }),
    )
    expect(r).toMatchObject({ messages: [], hasMore: false, loaded: 0 })
  })

  it('normalises an email and a phone before asking', async () => {
    const c = sandbox.state.main.customers.find((x) => x.email && x.phone?.startsWith('79'))!
    const { notifications, requests } = await service()
    const byEmail = await notifications.search(
      everything({ identifierKind: 'email', identifier: `  ${c.email!.toUpperCase()} ` }),
    )
    expect(byEmail.identifier).toBe(c.email)
    const local = `8 (${c.phone!.slice(1, 4)}) ${c.phone!.slice(4, 7)}-${c.phone!.slice(7)}`
    const byPhone = await notifications.search(
      everything({ identifierKind: 'phone', identifier: local }),
    )
    expect(byPhone.identifier).toBe(c.phone)
    expect(byPhone.messages.map((m) => m.code)).toEqual(byEmail.messages.map((m) => m.code))
    expect(requests.map((u) => u.searchParams.get('phone') ?? u.searchParams.get('email'))).toEqual(
      [c.email, c.phone],
    )
  })

  it('remembers the last identifier kind, types and channels per shop, across a restart', async () => {
    const { notifications, dir } = await service()
    expect(notifications.choices()).toBeNull()
    await notifications.search(everything({ types: ['trigger'], channels: ['sms', 'email'] }))
    const again = await service(sandbox.url, dir)
    expect(again.notifications.choices()).toEqual({
      identifierKind: 'external_id',
      types: ['trigger'],
      channels: ['sms', 'email'],
    })
  })

  it('an unusable identifier is refused before any request', async () => {
    const { notifications, requests } = await service()
    const f = await failureOf(
      notifications.search(everything({ identifierKind: 'email', identifier: 'anna@' })),
    )
    expect(f.appError.details?.messageKey).toBe('notifications-identifier-invalid')
    expect(requests).toHaveLength(0)
  })

  it('an unknown customer, a wrong secret and a refused request keep PersonaClick’s words', async () => {
    const { notifications } = await service()
    const unknown = await failureOf(
      notifications.search(
        everything({ identifierKind: 'email', identifier: 'nobody@example.com' }),
      ),
    )
    expect(unknown.appError.code).toBe('API_NOT_FOUND')
    expect(unknown.appError.details?.apiMessage).toBe('User not found')
  })

  it('a message sent through /transact appears in the sender’s history and has a status', async () => {
    const c = sandbox.state.main.customers[3]!
    const res = await fetch(`${sandbox.url}/transact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        shop_id: DEMO_SHOP.shopId,
        shop_secret: DEMO_SHOP.secret,
        code: 'order_created',
        email: c.email,
      }),
    })
    const text = await res.text()
    const code = String(
      (JSON.parse(text) as { code?: string; payload?: { code: string } }).code ??
        (JSON.parse(text) as { payload: { code: string } }).payload.code,
    )
    const { notifications, requests } = await service()
    const r = await notifications.search(
      everything({
        identifierKind: 'email',
        identifier: c.email!,
        types: ['transactional'],
        channels: ['email'],
      }),
    )
    expect(r.messages[0]).toMatchObject({ code, type: 'transactional', subject: 'order_created' })
    const status = await notifications.status({ code })
    expect(status).toMatchObject({ code, state: 'found' })
    if (envelope === 'legacy') expect(status.said).toBe('{"200"}')
    else expect(status.message?.code).toBe(code)
    const statusUrl = requests.at(-1)!
    expect(statusUrl.pathname).toBe(`/notifications/${code}`)
    expect(statusUrl.searchParams.has('shop_secret')).toBe(false)
    expect(await notifications.status({ code: 'no-such-code' })).toMatchObject({
      state: 'not-found',
      said: 'Message not found',
    })
  })

  it('exports what is loaded as formula-safe CSV', async () => {
    const { notifications } = await service()
    const q = everything()
    await notifications.search(q)
    const second = await notifications.search({ ...q, page: 2 })
    const file = notifications.exportCsv(q, PLAIN_CSV)
    const lines = file.content.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      '\uFEFFSent (UTC),Sent in shop time (UTC),Type,Channel,Subject,Campaign ID,Message code,Link,Opened,Clicked,Bounced (hard),Bounced (soft),Marked as spam,Unsubscribed,Purchased',
    )
    expect(lines).toHaveLength(second.loaded + 1)
    expect(second.loaded).toBeGreaterThan(50)
    // "+1 bonus point…" is a subject a spreadsheet would run as a formula.
    expect(file.content).toContain(",'+1 bonus point for you,")
    for (const line of lines) expect(line).not.toMatch(/(^|,)[=+\-@]/)
    expect(file.filename).toBe(`messages-U100000-from-${TWO_WEEKS_AGO}.csv`)
    const other = await failureOf(
      Promise.resolve().then(() => notifications.exportCsv({ ...q, types: ['bulk'] }, PLAIN_CSV)),
    )
    expect(other.appError.details?.messageKey).toBe('notifications-search-gone')
  })
})

describe('400 envelopes of GET /notifications', () => {
  it.each([
    ['date_from', { date_from: undefined }],
    ['type', { type: undefined }],
    ['channel', { channel: undefined }],
    ['the identifier', { external_id: undefined }],
    ['limit 51', { limit: 51 }],
    ['limit 0', { limit: 0 }],
  ])('without %s: 400 with the error envelope', async (_, change) => {
    const q: Record<string, unknown> = {
      shop_id: DEMO_SHOP.shopId,
      shop_secret: DEMO_SHOP.secret,
      external_id: 'U100000',
      date_from: TWO_WEEKS_AGO,
      type: 'bulk',
      channel: 'email',
      ...change,
    }
    const qs = new URLSearchParams(
      Object.entries(q).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, String(v)] as [string, string]],
      ),
    )
    const res = await fetch(`${sandbox.url}/notifications?${qs}`)
    expect(res.status).toBe(400)
    const body = (await res.json()) as {
      status: string
      message?: string
      payload?: { message: string }
    }
    expect(body.status).toBe('error')
    expect(body.message ?? body.payload?.message).toEqual(expect.any(String))
  })
})

describe('status by code against every likely answer', () => {
  let server: Server
  let url: string
  let answer: { status: number; body: string; type: string } = {
    status: 200,
    body: '',
    type: 'text/plain',
  }
  beforeAll(async () => {
    server = createServer((_, res) => {
      res.writeHead(answer.status, { 'content-type': answer.type })
      res.end(answer.body)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((r) => server.close(r))
  })

  it.each([
    [200, '{"200"}', 'found'],
    [200, '{"200"}\n', 'found'],
    [200, '200', 'found'],
    [200, '"200"', 'found'],
    [200, '', 'found'],
    [200, '{"status":"200"}', 'found'],
    [200, '{"status":200}', 'found'],
    [200, '{"status":"success"}', 'found'],
    [200, '{"status":"delivered"}', 'delivered'],
    [200, '{"status":"success","payload":{"status":"opened"}}', 'opened'],
    [200, '{"status":"success","data":{"status":"sent"}}', 'sent'],
    [200, '{"message":{"type":"transactional","statistics":{"clicked":true}}}', 'clicked'],
    [200, 'queued', 'queued'],
    [404, '{"status":"error","message":"Not found"}', 'not-found'],
    [404, '', 'not-found'],
  ])('HTTP %i %s reads as %s', async (status, body, state) => {
    answer = { status, body, type: body.startsWith('{') ? 'application/json' : 'text/plain' }
    const { notifications } = await service(url)
    expect((await notifications.status({ code: 'abc' })).state).toBe(state)
  })

  it('an answer naming no known status is an unknown answer, with what PersonaClick said', async () => {
    answer = { status: 200, body: '{"status":"teleported"}', type: 'application/json' }
    const { notifications } = await service(url)
    const f = await failureOf(notifications.status({ code: 'abc' }))
    expect(f.appError.details).toMatchObject({ messageKey: 'answer-unknown' })
    expect(String(f.appError.details?.excerpt)).toContain('teleported')
  })

  it('an error envelope is still a failure with PersonaClick’s words', async () => {
    answer = {
      status: 200,
      body: '{"status":"error","message":"Wrong code"}',
      type: 'application/json',
    }
    const { notifications } = await service(url)
    const f = await failureOf(notifications.status({ code: 'abc' }))
    expect(f.appError.details?.apiMessage).toBe('Wrong code')
    answer = {
      status: 403,
      body: '{"status":"error","message":"Forbidden"}',
      type: 'application/json',
    }
    expect((await failureOf(notifications.status({ code: 'abc' }))).appError.code).toBe(
      'API_WRONG_SECRET',
    )
  })
})
