import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../src/main/api'
import { SnapshotScheduler } from '../../../src/main/services/products/scheduler'
import { WatchlistService } from '../../../src/main/services/products/watchlist'
import type { ShopDirectory } from '../../../src/main/services/shops/shop-directory'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const MIN = 60_000

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A run that takes `ms` of (fake) time, counting how many run at once. */
function slowRun(ms: number) {
  const stats = { started: 0, inFlight: 0, maxInFlight: 0 }
  const run = async () => {
    stats.started++
    stats.inFlight++
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    await new Promise((r) => setTimeout(r, ms))
    stats.inFlight--
  }
  return { stats, run }
}

/** stop() waits for the run under way, which needs (fake) time to end. */
async function stopAfterRun(s: SnapshotScheduler): Promise<void> {
  const stopped = s.stop()
  await vi.advanceTimersByTimeAsync(60 * MIN)
  await stopped
}

describe('snapshot scheduling', () => {
  it('runs every interval, counted from the end of the previous run', async () => {
    const { stats, run } = slowRun(5 * MIN)
    const s = new SnapshotScheduler({ intervalMs: 15 * MIN, run })
    s.start()
    await vi.advanceTimersByTimeAsync(14 * MIN)
    expect(stats.started).toBe(0)
    await vi.advanceTimersByTimeAsync(1 * MIN)
    expect(stats.started).toBe(1)
    // 15 + 5 (run) + 15 = 35 minutes for the second start.
    await vi.advanceTimersByTimeAsync(19 * MIN)
    expect(stats.started).toBe(1)
    await vi.advanceTimersByTimeAsync(1 * MIN)
    expect(stats.started).toBe(2)
    await stopAfterRun(s)
  })

  it('never overlaps runs: a slow API stretches the schedule instead of piling up', async () => {
    const { stats, run } = slowRun(40 * MIN) // slower than the interval
    const s = new SnapshotScheduler({ intervalMs: 15 * MIN, run })
    s.start()
    const asked = [s.runNow(), s.runNow(), s.runNow()]
    await vi.advanceTimersByTimeAsync(4 * 60 * MIN)
    await Promise.all(asked)
    expect(stats.maxInFlight).toBe(1)
    // Four hours of 40-minute runs with 15-minute pauses: at most five starts.
    expect(stats.started).toBeLessThanOrEqual(5)
    expect(stats.started).toBeGreaterThanOrEqual(4)
    await stopAfterRun(s)
  })

  it('asking while a run is under way joins it and counts the next run from its end', async () => {
    const { stats, run } = slowRun(2 * MIN)
    const s = new SnapshotScheduler({ intervalMs: 15 * MIN, run })
    s.start()
    await vi.advanceTimersByTimeAsync(10 * MIN)
    const first = s.runNow()
    expect(s.runNow()).toBe(first)
    await vi.advanceTimersByTimeAsync(2 * MIN)
    await first
    expect(stats.started).toBe(1)
    await vi.advanceTimersByTimeAsync(14 * MIN) // not at the old 15-minute mark
    expect(stats.started).toBe(1)
    await vi.advanceTimersByTimeAsync(1 * MIN)
    expect(stats.started).toBe(2)
    await stopAfterRun(s)
  })

  it('stops: no run after stop()', async () => {
    const { stats, run } = slowRun(1)
    const s = new SnapshotScheduler({ intervalMs: 15 * MIN, run })
    s.start()
    await s.stop()
    await vi.advanceTimersByTimeAsync(60 * MIN)
    expect(stats.started).toBe(0)
  })
})

describe('watchlist snapshots against a slow API', () => {
  it('sends one request per pinned product per run, however often the timer fires', async () => {
    vi.useRealTimers()
    const dir = await mkdtemp(join(tmpdir(), 'watch-unit-'))
    try {
      // Answers are held until the test lets them go: an API as slow as we like.
      const pending: (() => void)[] = []
      let counterCalls = 0
      const zero = { view: 1, cart: 0, purchase: 0 }
      const api = {
        call: (endpoint: string) => {
          if (endpoint === 'products.get')
            return Promise.resolve({ data: { name: 'P' }, serverTime: null })
          counterCalls++
          return new Promise((resolve) =>
            pending.push(() => resolve({ data: { daily: zero, now: zero }, serverTime: null })),
          )
        },
        forget: () => undefined,
      } as unknown as ApiClient
      const profile = {
        profileId: 'p1',
        label: 'Shop',
        apiHost: 'https://api.example.com',
        shopId: 's',
        defaultCountry: 'RU',
        timeZone: 'UTC',
      }
      const shops: ShopDirectory = { profile: () => profile, callable: () => profile }
      let timer: (() => void) | null = null
      const service = await WatchlistService.open({
        dataDir: dir,
        api,
        shops,
        setTimer: (fn) => (timer = fn),
        clearTimer: () => (timer = null),
      })
      for (const itemId of ['1', '2', '3']) await service.pin({ itemId })
      const fire = () => {
        const fn = timer
        timer = null
        fn?.()
      }

      const manual = service.snapshot()
      await vi.waitFor(() => expect(pending).toHaveLength(3))
      // While the answers hang: more asks and timer ticks join the run under way.
      const again = service.snapshot()
      fire()
      fire()
      await new Promise((r) => setTimeout(r, 20))
      expect(counterCalls).toBe(3)
      expect(timer).toBeNull() // nothing is scheduled while a run is under way

      pending.splice(0).forEach((go) => go())
      await Promise.all([manual, again])
      expect((await service.watchlist()).snapshots).toHaveLength(1)
      expect(timer).not.toBeNull() // the next run is scheduled from the end of this one

      fire()
      await vi.waitFor(() => expect(pending).toHaveLength(3))
      expect(counterCalls).toBe(6)
      pending.splice(0).forEach((go) => go())
      await vi.waitFor(async () => expect((await service.watchlist()).snapshots).toHaveLength(2))
      await service.dispose()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
