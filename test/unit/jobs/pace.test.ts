import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pacer } from '../../../src/main/jobs/pace'

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

/** Starts `n` units at once through one pacer, as units in flight together do. */
async function startTimes(pace: () => Promise<void>, n: number): Promise<number[]> {
  const times: number[] = []
  const all = Array.from({ length: n }, () => pace().then(() => times.push(Date.now())))
  await vi.runAllTimersAsync()
  await Promise.all(all)
  return times.map((t) => t - 1_000_000)
}

describe('pacer', () => {
  it('spaces starts evenly across units in flight at once', async () => {
    expect(
      await startTimes(
        pacer(() => 20),
        5,
      ),
    ).toEqual([0, 50, 100, 150, 200])
  })

  it('follows a new rate from the next start; 0 means no limit', async () => {
    let rate = 10
    const pace = pacer(() => rate)
    await pace()
    rate = 0
    expect(await startTimes(pace, 3)).toEqual([0, 0, 0])
  })

  it('a start a little late keeps the schedule; one far behind starts afresh without a burst', async () => {
    const pace = pacer(() => 10)
    await pace() // at 0; the next is due at 100
    vi.setSystemTime(1_000_150) // 50 ms late: this one goes now, the next stays due at 200
    await pace()
    vi.setSystemTime(1_000_200)
    const onTime = Date.now()
    await pace()
    expect(Date.now()).toBe(onTime)
    vi.setSystemTime(1_005_000) // far behind: no catching up
    await pace()
    const t = Date.now()
    const next = pace()
    await vi.advanceTimersByTimeAsync(100)
    await next
    expect(Date.now() - t).toBe(100)
  })
})
