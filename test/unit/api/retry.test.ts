import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  defaultSleep,
  parseRetryAfter,
  retryDelay,
} from '../../../src/main/api/retry'

const NOW = Date.parse('2025-01-01T00:00:00Z')

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000)
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0)
  })

  it('reads HTTP-dates (IMF-fixdate, RFC 850, asctime) relative to now', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', NOW)).toBe(5000)
    expect(parseRetryAfter('Wednesday, 01-Jan-25 00:00:07 GMT', NOW)).toBe(7000)
    expect(parseRetryAfter('Wed Jan  1 00:00:09 2025', NOW)).toBe(9000)
    // A date in the past means "now".
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', NOW)).toBe(0)
  })

  it('rejects garbage, negatives and absence', () => {
    for (const v of ['', 'soon', '-5', '1.5', '1 2', 'Wed, 99 Foo 2025 99:99:99 GMT', null]) {
      expect(parseRetryAfter(v, NOW)).toBeNull()
    }
    expect(parseRetryAfter(undefined, NOW)).toBeNull()
  })
})

describe('backoff', () => {
  const o = (r: number) => ({ baseDelayMs: 100, maxDelayMs: 1000, random: () => r })

  it('is full jitter between 0 and min(cap, base * 2^attempt)', () => {
    expect(backoffDelay(0, o(0))).toBe(0)
    expect(backoffDelay(0, o(0.999999))).toBe(99)
    expect(backoffDelay(2, o(0.5))).toBe(200)
    // Capped.
    expect(backoffDelay(10, o(0.999999))).toBe(999)
    for (let a = 0; a < 12; a++) {
      for (const r of [0, 0.3, 0.7, 0.99]) {
        const d = backoffDelay(a, o(r))
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThan(Math.min(1000, 100 * 2 ** a) + 1)
      }
    }
  })

  it('clamps a misbehaving random source', () => {
    expect(backoffDelay(0, o(7))).toBe(100)
    expect(backoffDelay(0, o(-1))).toBe(0)
  })

  it('waits at least Retry-After', () => {
    expect(retryDelay(0, 5000, o(0.5))).toBe(5000)
    expect(retryDelay(3, 10, o(0.5))).toBe(400)
    expect(retryDelay(3, null, o(0.5))).toBe(400)
  })
})

describe('defaultSleep', () => {
  it('rejects at once when cancelled', async () => {
    const c = new AbortController()
    const p = defaultSleep(60_000, c.signal)
    c.abort(new Error('stop'))
    await expect(p).rejects.toThrow('stop')
  })
})
