import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { AUTH, NOW, get, sendJson } from './helpers'

let sb: Sandbox | undefined
afterEach(async () => {
  await sb?.close()
  sb = undefined
})

/** Sends one raw HTTP request; resolves with what the server wrote before closing. */
function rawRequest(
  port: number,
  path: string,
): Promise<{ data: string; closedWithoutData: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
    })
    let data = ''
    socket.on('data', (chunk) => (data += chunk.toString()))
    socket.on('error', reject)
    socket.on('close', () => resolve({ data, closedWithoutData: data === '' }))
  })
}

describe('fault injection', () => {
  it('wrongShape answers valid JSON no endpoint documents, after doing the work', async () => {
    sb = await startSandbox({ port: 0, now: NOW, faults: { wrongShape: 'reads' } })
    const read = await get(sb, '/promo_codes', AUTH)
    expect(read.status).toBe(200)
    expect(read.body).toEqual([{ unexpected: 'shape' }])
    expect(sb.journal.entries().at(-1)).toMatchObject({ status: 200, fault: 'shape' })
    // 'reads' leaves writes alone.
    const before = sb.state.main.sends.length
    const write = await sendJson(sb, '/transact', {
      ...AUTH,
      code: 'welcome',
      email: 'a@example.com',
    })
    expect(write.body).toEqual({ code: expect.any(String) })
    // A write under the fault still takes effect; only its answer is odd.
    sb.setFaults({ wrongShape: ['/transact'] })
    sb.setEnvelope('current')
    const odd = await sendJson(sb, '/transact', {
      ...AUTH,
      code: 'welcome',
      email: 'a@example.com',
    })
    expect(odd.body).toEqual({ status: 'success', payload: [{ unexpected: 'shape' }] })
    expect(sb.state.main.sends.length).toBe(before + 2)
    // Errors stay errors: an unknown campaign is still refused.
    const refused = await sendJson(sb, '/transact', {
      ...AUTH,
      code: 'nope',
      email: 'a@example.com',
    })
    expect(refused.status).toBe(404)
  })

  it('rate429 = 1 answers 429 with Retry-After', async () => {
    sb = await startSandbox({ port: 0, now: NOW, faults: { rate429: 1, retryAfterSeconds: 7 } })
    const r = await get(sb, '/promo_codes', AUTH)
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('7')
    expect(r.body).toEqual({ status: 'error', message: expect.any(String) })
    expect(sb.journal.entries().at(-1)).toMatchObject({ status: 429, fault: '429' })
  })

  it('rate5xx = 1 answers 500 or 503 and never changes state', async () => {
    sb = await startSandbox({ port: 0, now: NOW, faults: { rate5xx: 1 } })
    const before = sb.state.main.sends.length
    for (let i = 0; i < 10; i++) {
      const r = await sendJson(sb, '/transact', {
        ...AUTH,
        code: 'welcome',
        email: 'a@example.com',
      })
      expect([500, 503]).toContain(r.status)
    }
    expect(sb.state.main.sends.length).toBe(before)
  })

  it('rates between 0 and 1 fault some requests, reproducibly for a faultSeed', async () => {
    const run = async (): Promise<number[]> => {
      const s = await startSandbox({
        port: 0,
        now: NOW,
        faultSeed: 7,
        faults: { rate429: 0.3, rate5xx: 0.3 },
      })
      const statuses: number[] = []
      for (let i = 0; i < 30; i++)
        statuses.push((await get(s, '/nps/channels', { shop_id: AUTH.shop_id })).status)
      await s.close()
      return statuses
    }
    const a = await run()
    expect(a).toContain(200)
    expect(a.some((s) => s === 429)).toBe(true)
    expect(a.some((s) => s >= 500)).toBe(true)
    expect(await run()).toEqual(a)
  })

  it('dropRate = 1 (before processing) destroys the socket and applies nothing', async () => {
    sb = await startSandbox({
      port: 0,
      now: NOW,
      faults: { dropRate: 1, dropAfterProcessing: false },
    })
    const before = sb.state.main.sends.length
    await expect(
      sendJson(sb, '/transact', { ...AUTH, code: 'welcome', email: 'a@example.com' }),
    ).rejects.toThrow()
    expect(sb.state.main.sends.length).toBe(before)
    const raw = await rawRequest(sb.port, `/nps/channels?shop_id=${AUTH.shop_id}`)
    expect(raw.closedWithoutData).toBe(true)
    expect(sb.journal.entries().every((e) => e.fault === 'drop' && e.status === 0)).toBe(true)
  })

  it('dropAfterProcessing applies the write, then loses the response', async () => {
    sb = await startSandbox({
      port: 0,
      now: NOW,
      faults: { dropRate: 1, dropAfterProcessing: true },
    })
    const before = sb.state.main.sends.length
    await expect(
      sendJson(sb, '/transact', { ...AUTH, code: 'welcome', email: 'a@example.com' }),
    ).rejects.toThrow()
    expect(sb.state.main.sends.length).toBe(before + 1)
    sb.setFaults({})
    expect((await get(sb, '/nps/channels', { shop_id: AUTH.shop_id })).status).toBe(200)
  })

  it('hardRateLimitPerSecond answers 429 beyond the limit, per shop', async () => {
    sb = await startSandbox({ port: 0, now: NOW, faults: { hardRateLimitPerSecond: 3 } })
    const s = sb
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () =>
        get(s, '/nps/channels', { shop_id: AUTH.shop_id }).then((r) => r.status),
      ),
    )
    expect(statuses.filter((x) => x === 200).length).toBeLessThanOrEqual(3)
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThanOrEqual(9)
    const limited = sb.journal.entries().find((e) => e.status === 429)
    expect(limited?.fault).toBe('rate-limit')
  })

  it('setFaults switches faults at runtime and latency still answers', async () => {
    sb = await startSandbox({ port: 0, now: NOW })
    expect((await get(sb, '/nps/channels', { shop_id: AUTH.shop_id })).status).toBe(200)
    sb.setFaults({ rate429: 1 })
    expect((await get(sb, '/nps/channels', { shop_id: AUTH.shop_id })).status).toBe(429)
    sb.setFaults({ latencyMs: 20 })
    expect((await get(sb, '/nps/channels', { shop_id: AUTH.shop_id })).status).toBe(200)
  })
})
