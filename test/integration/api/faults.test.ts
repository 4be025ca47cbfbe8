import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { failureOf, harness, journalSettles, type Harness } from './sandbox-client'

/**
 * Fault behaviour against the real sandbox. Waits between retries go through the injected
 * sleep, which records the delay the client chose and (where a test needs it) changes the
 * sandbox's faults before the next attempt: deterministic, no wall-clock assertions.
 */
const open: Sandbox[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function start(...args: Parameters<typeof harness>): Promise<Harness> {
  const h = await harness(...args)
  open.push(h.sandbox)
  return h
}

const send = { code: 'welcome', email: 'fault.test@example.com', variables: { a: 1 } }

describe('faults against the Demo shop sandbox', () => {
  it('429: waits at least Retry-After, then succeeds (reads and sends)', async () => {
    const h: Harness = await start(
      { faults: { rate429: 1, retryAfterSeconds: 3 } },
      { beforeRetry: () => h.sandbox.setFaults({}) },
    )
    const read = await h.client.call('promoCodes.list', 'active')
    expect(read.retries).toBe(1)
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(3000)

    h.sandbox.setFaults({ rate429: 1, retryAfterSeconds: 2 })
    h.sleeps.length = 0
    const sent = await h.client.call('transact', 'active', send)
    expect(sent.retries).toBe(1)
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(2000)
    // The 429 was refused before processing: exactly one message went out.
    expect(h.sandbox.state.main.sends).toHaveLength(1)
    expect(h.sandbox.journal.count({ path: '/transact' })).toBe(2)
    expect(h.records.at(-1)).toMatchObject({ outcome: 'ok', retries: 1, status: 200 })
  })

  it('reads retry on 5xx until the sandbox recovers', async () => {
    let failuresLeft = 2
    const h: Harness = await start(
      { faults: { rate5xx: 1 } },
      {
        beforeRetry: () => {
          if (--failuresLeft === 0) h.sandbox.setFaults({})
        },
      },
    )
    const res = await h.client.call('nps.channels', 'active')
    expect(Array.isArray(res.data)).toBe(true)
    expect(res.retries).toBe(2)
    const statuses = h.sandbox.journal.entries().map((e) => e.status)
    expect(statuses.slice(0, 2).every((s) => s === 500 || s === 503)).toBe(true)
    expect(statuses[2]).toBe(200)
  })

  it('a read that keeps failing ends with a typed error after maxRetries', async () => {
    const h = await start({ faults: { rate5xx: 1 } }, { maxRetries: 2 })
    const f = await failureOf(h.client.call('nps.categories', 'active'))
    expect(['API_SERVER_ERROR', 'API_UNAVAILABLE']).toContain(f.appError.code)
    expect(h.sandbox.journal.count({ path: '/nps/categories' })).toBe(3)
    expect(h.records[0]).toMatchObject({ outcome: 'error', retries: 2 })
  })

  it('a send answered with 5xx is not resent', async () => {
    const h = await start({ faults: { rate5xx: 1 } })
    const f = await failureOf(h.client.call('transact', 'active', send))
    expect(['API_SERVER_ERROR', 'API_UNAVAILABLE']).toContain(f.appError.code)
    expect(h.sandbox.journal.count({ path: '/transact' })).toBe(1)
  })

  it('a send that times out is reported unknown and is NOT resent', async () => {
    const h = await start({ faults: { latencyMs: 400 } }, { timeoutMs: 100 })
    const f = await failureOf(h.client.call('transact', 'active', send))
    expect(f.appError.code).toBe('OUTCOME_UNKNOWN')
    expect(h.records[0]).toMatchObject({ outcome: 'unknown', status: null, retries: 0 })
    // The sandbox journals after its latency: wait for it, then make sure nothing else came.
    await journalSettles(h.sandbox, () => h.sandbox.journal.count({ path: '/transact' }) >= 1)
    await new Promise((r) => setTimeout(r, 500))
    expect(h.sandbox.journal.count({ path: '/transact' })).toBe(1)
    // Which is exactly why it is "unknown": the server did send the message.
    expect(h.sandbox.state.main.sends).toHaveLength(1)
    expect(h.sleeps).toEqual([])
  })

  it('a send whose answer is lost after processing is unknown and not resent', async () => {
    const h = await start({ faults: { dropRate: 1, dropAfterProcessing: true } })
    const f = await failureOf(
      h.client.call('sms.transactional', 'active', {
        ...send,
        code: 'sms_one_time_code',
        phone: '+15550001111',
      }),
    )
    expect(f.appError.code).toBe('OUTCOME_UNKNOWN')
    await journalSettles(h.sandbox, () => h.sandbox.journal.count() >= 1)
    expect(h.sandbox.journal.count({ path: '/sms/transactional' })).toBe(1)
    expect(h.sandbox.state.main.sends).toHaveLength(1)
  })

  it('a read whose connection drops is retried', async () => {
    const h: Harness = await start(
      { faults: { dropRate: 1 } },
      { beforeRetry: () => h.sandbox.setFaults({}) },
    )
    const res = await h.client.call('search.noResultQueries', 'active')
    expect(res.retries).toBe(1)
    expect(h.sandbox.journal.entries().map((e) => e.fault ?? null)).toEqual(['drop', null])
  })

  it('a send refused at connect time (nothing listening) is retried safely', async () => {
    // Find a free port, leave it closed for the first attempt, start the sandbox on it
    // before the retry: the first attempt provably never reached any server.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port
        s.close(() => resolve(p))
      })
    })
    let late: Sandbox | undefined
    const h = await start(
      {},
      {
        beforeRetry: async () => {
          if (late) return
          late = await startSandbox({ port })
          open.push(late)
        },
      },
    )
    const shop = h.variant({ apiHost: `http://127.0.0.1:${port}` })
    const res = await h.client.call('transact', shop, send)
    expect(res.retries).toBe(1)
    expect(late?.journal.count({ path: '/transact' })).toBe(1)
    expect(late?.state.main.sends).toHaveLength(1)
  })

  it('a host that never answers ends as NETWORK_UNREACHABLE, with no secret in the error', async () => {
    const h = await start({}, { maxRetries: 1 })
    const shop = h.variant({ apiHost: 'http://127.0.0.1:9' })
    const f = await failureOf(h.client.call('nps.reviews', shop))
    expect(f.appError.code).toBe('NETWORK_UNREACHABLE')
    expect(JSON.stringify(f.appError)).not.toContain(h.shop.secret)
  })

  it('an rps cap keeps a burst under the server rate limit', async () => {
    const h = await start({ faults: { hardRateLimitPerSecond: 5 } }, { rps: 4, maxRetries: 0 })
    const calls = Array.from({ length: 10 }, () => h.client.call('nps.channels', 'active'))
    await Promise.all(calls)
    expect(h.sandbox.journal.entries().filter((e) => e.status === 429)).toHaveLength(0)
  })

  it('wrong shop id and wrong secret map to their own codes', async () => {
    const h = await start()
    const a = await failureOf(h.client.call('nps.reviews', h.variant({ shopId: 'nope-shop' })))
    expect(a.appError.code).toBe('API_WRONG_SHOP_ID')
    const b = await failureOf(
      h.client.call('nps.reviews', h.variant({ secret: 'wrong-secret-value' })),
    )
    expect(b.appError.code).toBe('API_WRONG_SECRET')
    expect(JSON.stringify(b.appError)).not.toContain('wrong-secret-value')
    expect(h.sandbox.journal.count()).toBe(2)
  })
})
