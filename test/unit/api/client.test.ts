import { describe, expect, it } from 'vitest'
import { createApiClient, type ApiClientOptions } from '../../../src/main/api/client'
import type { ApiCallRecord, Transport } from '../../../src/main/api/types'
import { SecretRegistry } from '../../../src/main/log/redact'
import { AppFailure, keyedFailure } from '../../../src/shared/errors'
import { credentialsOf } from '../../support/shops'

const shop = {
  profileId: 'p1',
  apiHost: 'https://api.example.com',
  shopId: 'shop-1',
  secret: 'sekret-abcdef-123',
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers })

const netError = (code: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) })

/** A scripted transport: each call takes the next step (a Response, an error, or 'hang'). */
function scripted(steps: (Response | Error | 'hang')[]) {
  const calls: { url: string; init: RequestInit }[] = []
  const transport: Transport = (url, init) => {
    calls.push({ url, init })
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]
    if (step === 'hang') {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true })
      })
    }
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step!.clone())
  }
  return { transport, calls }
}

function setup(steps: (Response | Error | 'hang')[], extra: Partial<ApiClientOptions> = {}) {
  const { transport, calls } = scripted(steps)
  const records: ApiCallRecord[] = []
  const sleeps: number[] = []
  const client = createApiClient({
    transport,
    credentials: credentialsOf(shop),
    secrets: new SecretRegistry(),
    onCall: (r) => records.push(r),
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    ...extra,
  })
  return { client, calls, records, sleeps }
}

async function failure(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppFailure) return err
    throw err
  }
  throw new Error('expected the call to fail')
}

describe('api client', () => {
  it('calls the shop it is told, whichever is active, with that shop’s credentials', async () => {
    const other = {
      profileId: 'p2',
      apiHost: 'https://api.other.test',
      shopId: 'shop-2',
      secret: 'other-secret-987',
    }
    const { client, calls, records } = setup([json(200, [])], {
      credentials: credentialsOf(shop, other),
    })
    await client.call('promoCodes.list', { profileId: 'p2' })
    expect(calls[0]?.url).toMatch(/^https:\/\/api\.other\.test\/.*shop_id=shop-2/)
    expect(calls[0]?.url).toContain('shop_secret=other-secret-987')
    expect(records[0]).toMatchObject({ profileId: 'p2', shopId: 'shop-2' })
    expect(JSON.stringify(records)).not.toContain(other.secret)
  })

  it('a shop without a secret fails before any request and leaves no record', async () => {
    const { client, calls, records } = setup([json(200, [])], {
      credentials: () => {
        throw keyedFailure('API_WRONG_SECRET', 'secret-missing', { shop: 'EU' })
      },
    })
    const f = await failure(client.call('nps.reviews', 'active'))
    expect(f.appError).toMatchObject({
      code: 'API_WRONG_SECRET',
      details: { messageKey: 'secret-missing' },
    })
    expect(calls).toHaveLength(0)
    expect(records).toHaveLength(0)
  })

  it('returns normalised data and reports a redacted record', async () => {
    const { client, records } = setup([json(200, [{ id: 1, name: 'VIP', available: '12' }])])
    const res = await client.call('promoCodes.list', 'active', { active: 1 })
    // The answer schema reads the numeric string as the number the screen counts with.
    expect(res).toMatchObject({
      data: [{ id: 1, name: 'VIP', available: 12 }],
      status: 200,
      retries: 0,
    })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      profileId: 'p1',
      shopId: 'shop-1',
      method: 'GET',
      path: '/promo_codes',
      status: 200,
      outcome: 'ok',
      retries: 0,
      params: { shop_id: 'shop-1', shop_secret: '[redacted]', active: 1 },
    })
    expect(records[0]?.bytes).toBeGreaterThan(0)
    expect(JSON.stringify(records)).not.toContain(shop.secret)
  })

  it('honours Retry-After on 429, for sends too', async () => {
    const { client, calls, sleeps, records } = setup([
      json(429, { status: 'error', message: 'slow down' }, { 'Retry-After': '2' }),
      json(200, { code: 'A1' }),
    ])
    const res = await client.call('transact', 'active', { code: 'WELCOME', email: 'a@b.c' })
    expect(res.data).toEqual({ code: 'A1' })
    expect(calls).toHaveLength(2)
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000)
    expect(records[0]).toMatchObject({ retries: 1, outcome: 'ok' })
  })

  it('fails fast when Retry-After is longer than it is willing to wait', async () => {
    const { client, calls } = setup([json(429, {}, { 'Retry-After': '3600' })])
    const f = await failure(client.call('nps.reviews', 'active'))
    expect(f.appError.code).toBe('API_RATE_LIMITED')
    expect(f.appError.details?.retryAfterSeconds).toBe(3600)
    expect(calls).toHaveLength(1)
  })

  it('retries reads on 5xx with jittered backoff, up to maxRetries', async () => {
    const { client, calls, sleeps, records } = setup([json(503, {}), json(500, {})], {
      maxRetries: 2,
      baseDelayMs: 100,
    })
    const f = await failure(client.call('nps.reviews', 'active'))
    expect(f.appError.code).toBe('API_SERVER_ERROR')
    expect(calls).toHaveLength(3)
    expect(sleeps).toEqual([50, 100])
    expect(records[0]).toMatchObject({
      retries: 2,
      outcome: 'error',
      errorCode: 'API_SERVER_ERROR',
    })
  })

  it('does not retry a send answered with 5xx and says it may have been processed', async () => {
    const { client, calls } = setup([json(500, { status: 'error', message: 'oops' })])
    const f = await failure(client.call('transact', 'active', { code: 'X', email: 'a@b.c' }))
    expect(calls).toHaveLength(1)
    expect(f.appError.code).toBe('API_SERVER_ERROR')
    expect(f.appError.details?.mayHaveBeenProcessed).toBe(true)
  })

  it('retries a send whose connection was refused (never sent)', async () => {
    const { client, calls } = setup([netError('ECONNREFUSED'), json(200, { code: 'B2' })])
    const res = await client.call('sms.transactional', 'active', {
      code: 'X',
      phone: '+1',
      variables: {},
    })
    expect(res.data).toEqual({ code: 'B2' })
    expect(calls).toHaveLength(2)
  })

  it('never resends a send after a reset: outcome unknown', async () => {
    const { client, calls, records } = setup([netError('ECONNRESET'), json(200, {})])
    const f = await failure(client.call('transact', 'active', { code: 'X', email: 'a@b.c' }))
    expect(f.appError.code).toBe('OUTCOME_UNKNOWN')
    expect(calls).toHaveLength(1)
    expect(records[0]).toMatchObject({ outcome: 'unknown', status: null, retries: 0 })
  })

  it('never resends a send that timed out: outcome unknown', async () => {
    const { client, calls } = setup(['hang'], { timeoutMs: 20 })
    const f = await failure(client.call('transact', 'active', { code: 'X', email: 'a@b.c' }))
    expect(f.appError.code).toBe('OUTCOME_UNKNOWN')
    expect(calls).toHaveLength(1)
  })

  it('retries a read that timed out, then reports TIMEOUT', async () => {
    const { client, calls } = setup(['hang'], { timeoutMs: 10, maxRetries: 1 })
    const f = await failure(client.call('nps.reviews', 'active'))
    expect(f.appError.code).toBe('TIMEOUT')
    expect(calls).toHaveLength(2)
  })

  it('reports TLS errors without retrying', async () => {
    const { client, calls } = setup([netError('CERT_HAS_EXPIRED')])
    const f = await failure(client.call('nps.reviews', 'active'))
    expect(f.appError.code).toBe('TLS_ERROR')
    expect(calls).toHaveLength(1)
  })

  it('reports NETWORK_UNREACHABLE when the host stays unreachable', async () => {
    const { client, calls } = setup([netError('ENOTFOUND')], { maxRetries: 2 })
    const f = await failure(client.call('nps.reviews', 'active'))
    expect(f.appError.code).toBe('NETWORK_UNREACHABLE')
    expect(calls).toHaveLength(3)
  })

  it('cancels: before sending, while waiting to retry, and mid-flight', async () => {
    const pre = new AbortController()
    pre.abort()
    const a = setup([json(200, [])])
    expect(
      (await failure(a.client.call('nps.reviews', 'active', {}, { signal: pre.signal }))).appError
        .code,
    ).toBe('CANCELLED')
    expect(a.calls).toHaveLength(0)
    expect(a.records[0]?.outcome).toBe('cancelled')

    const during = new AbortController()
    const b = setup([json(503, {})], {
      sleep: async () => {
        during.abort()
        throw new Error('aborted')
      },
    })
    const fb = await failure(b.client.call('nps.reviews', 'active', {}, { signal: during.signal }))
    expect(fb.appError.code).toBe('CANCELLED')

    // A send cancelled mid-flight may have reached the server: unknown, not cancelled.
    const mid = new AbortController()
    const c = setup(['hang'])
    const p = c.client.call(
      'transact',
      'active',
      { code: 'X', email: 'a@b.c' },
      { signal: mid.signal },
    )
    setTimeout(() => mid.abort(), 5)
    expect((await failure(p)).appError.code).toBe('OUTCOME_UNKNOWN')
  })

  it('limits concurrency per shop', async () => {
    let inFlight = 0
    let peak = 0
    const transport: Transport = async () => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise((r) => setTimeout(r, 5))
      inFlight--
      return json(200, [])
    }
    const client = createApiClient({
      transport,
      credentials: credentialsOf(shop),
      secrets: new SecretRegistry(),
      concurrency: 2,
    })
    await Promise.all(Array.from({ length: 8 }, () => client.call('nps.channels', 'active')))
    expect(peak).toBe(2)
  })

  it('keeps the secret out of errors even when the API echoes it', async () => {
    const { client } = setup([
      json(403, { status: 'error', message: `wrong secret ${shop.secret}` }),
    ])
    const f = await failure(client.call('nps.reviews', 'active'))
    expect(f.appError.code).toBe('API_WRONG_SECRET')
    expect(JSON.stringify(f.appError)).not.toContain(shop.secret)
    expect(f.message).not.toContain(shop.secret)
  })

  it('records refused input without touching the network', async () => {
    const { client, calls, records } = setup([json(200, {})])
    const f = await failure(client.call('segments.add', 'active', { email: 'a@b.c' }))
    expect(f.appError.code).toBe('INVALID_INPUT')
    expect(calls).toHaveLength(0)
    expect(records[0]).toMatchObject({ outcome: 'error', errorCode: 'INVALID_INPUT' })
  })

  it('survives an activity hook that throws', async () => {
    const { client } = setup([json(200, [])], {
      onCall: () => {
        throw new Error('disk full')
      },
    })
    await expect(client.call('nps.channels', 'active')).resolves.toMatchObject({ data: [] })
  })
})

describe('api client output', () => {
  it('scrubs a secret the API echoes back in data', async () => {
    const { client } = setup([
      json(200, { email: 'a@b.c', phone: null, note: `key ${shop.secret}` }),
    ])
    const res = await client.call('profile.get', 'active', { email: 'a@b.c' })
    expect(res.data).toEqual({ email: 'a@b.c', phone: null, note: 'key [redacted]' })
  })
})

describe('answers of a shape the console does not know', () => {
  it('fail a read once, keyed, with the endpoint and a scrubbed excerpt; the record says so', async () => {
    const body = [{ id: 1, name: 'VIP', available: 'many', echo: shop.secret }]
    const { client, calls, records } = setup([json(200, body)])
    const f = await failure(client.call('promoCodes.list', 'active'))
    expect(f.appError).toMatchObject({
      code: 'API_UNEXPECTED_RESPONSE',
      message: expect.stringContaining('a shape the console does not know') as string,
      details: { messageKey: 'answer-unknown', endpoint: 'promoCodes.list', status: 200 },
    })
    const details = f.appError.details ?? {}
    expect(details.issue).toBe('0.available: Invalid input')
    expect(details.excerpt).toContain('"available":"many"')
    expect(JSON.stringify(f.appError)).not.toContain(shop.secret)
    // A shape problem is not transient: asked once, not retried.
    expect(calls).toHaveLength(1)
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ outcome: 'error', errorCode: 'API_UNEXPECTED_RESPONSE' })
  })

  it('cut the excerpt short', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ row: i }))
    const { client } = setup([json(200, rows)])
    const f = await failure(client.call('segments.get', 'active', { email: 'a@b.c' }))
    const excerpt = String(f.appError.details?.excerpt)
    expect(excerpt.length).toBeLessThanOrEqual(201)
    expect(excerpt.endsWith('…')).toBe(true)
  })

  it('reached through the envelope check fail the same way (a list that is not a list)', async () => {
    const { client } = setup([json(200, { status: 'success', payload: { reviews: 'none' } })])
    const f = await failure(client.call('nps.reviews', 'active'))
    expect(f.appError.details).toMatchObject({
      messageKey: 'answer-unknown',
      endpoint: 'nps.reviews',
    })
  })

  it('make a send unknown, never sent and never resent', async () => {
    for (const body of [{ queued: true }, ['ok'], '<html>OK</html>']) {
      const { client, calls, records } = setup([
        typeof body === 'string' ? new Response(body, { status: 200 }) : json(200, body),
      ])
      const f = await failure(
        client.call('transact', 'active', { code: 'welcome', email: 'a@b.c' }),
      )
      expect(f.appError).toMatchObject({
        code: 'API_UNEXPECTED_RESPONSE',
        details: {
          messageKey: 'send-answer-unknown',
          mayHaveBeenProcessed: true,
          endpoint: 'transact',
        },
      })
      expect(calls).toHaveLength(1)
      expect(records[0]).toMatchObject({ outcome: 'unknown' })
    }
  })
})
