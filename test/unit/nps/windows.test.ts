import { describe, expect, it } from 'vitest'
import {
  contiguousRanges,
  fetchSplit,
  type FetchWindow,
} from '../../../src/main/services/nps/windows'
import { daysBetween } from '../../../src/shared/days'
import { AppFailure } from '../../../src/shared/errors'

const DAY = 86_400_000

/** Reviews per day → one fake review each, evenly spread over its day. */
function makeRows(perDay: Record<string, number>) {
  const rows: { id: number; created_at: string; t: number }[] = []
  let id = 1
  for (const [day, n] of Object.entries(perDay)) {
    const start = Date.parse(`${day}T00:00:00Z`)
    for (let i = 0; i < n; i++) {
      const t = start + Math.floor(((i + 0.5) / n) * DAY)
      rows.push({ id: id++, created_at: new Date(t).toISOString(), t })
    }
  }
  return rows.sort((a, b) => a.t - b.t)
}

/** The API as the reference and the sandbox describe it: oldest `limit` matches, no paging. */
function fakeApi(
  rows: ReturnType<typeof makeRows>,
  limit: number,
  mode: 'timestamps' | 'days-only' | 'rejects-timestamps' = 'timestamps',
) {
  const calls: [string, string][] = []
  const bound = (s: string, end: boolean): number => {
    if (s.length === 10 || mode === 'days-only') {
      const day = Date.parse(`${s.slice(0, 10)}T00:00:00Z`)
      return end ? day + DAY - 1 : day
    }
    if (mode === 'rejects-timestamps') throw new AppFailure('API_BAD_REQUEST', 'bad date')
    return Date.parse(s)
  }
  const fetch: FetchWindow = async (from, to) => {
    calls.push([from, to])
    const a = bound(from, false)
    const b = bound(to, true)
    return rows.filter((r) => r.t >= a && r.t <= b).slice(0, limit)
  }
  return { fetch, calls }
}

const ids = (rows: unknown[]) => new Set(rows.map((r) => (r as { id: number }).id))

describe('day helpers', () => {
  it('lists days and groups them into capped runs', () => {
    expect(daysBetween('2024-02-27', '2024-03-01')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ])
    const days = [...daysBetween('2025-01-01', '2025-01-05'), '2025-01-09', '2025-01-10']
    expect(contiguousRanges(days)).toEqual([
      ['2025-01-01', '2025-01-05'],
      ['2025-01-09', '2025-01-10'],
    ])
    expect(contiguousRanges(days, 2)).toEqual([
      ['2025-01-01', '2025-01-02'],
      ['2025-01-03', '2025-01-04'],
      ['2025-01-05', '2025-01-05'],
      ['2025-01-09', '2025-01-10'],
    ])
    expect(contiguousRanges([])).toEqual([])
  })
})

describe('fetchSplit (window splitting)', () => {
  it('one request when the window is under the cap', async () => {
    const rows = makeRows({ '2025-01-01': 3, '2025-01-02': 4 })
    const api = fakeApi(rows, 10)
    const r = await fetchSplit('2025-01-01', '2025-01-02', api.fetch, { limit: 10, zone: 'UTC' })
    expect(r.rows).toHaveLength(7)
    expect(r.requests).toBe(1)
    expect(r.truncatedDays).toEqual([])
  })

  it('splits a full window by days until each answer is under the cap', async () => {
    const rows = makeRows({ '2025-01-01': 6, '2025-01-02': 6, '2025-01-03': 6, '2025-01-04': 6 })
    const api = fakeApi(rows, 10)
    const r = await fetchSplit('2025-01-01', '2025-01-04', api.fetch, { limit: 10, zone: 'UTC' })
    expect(ids(r.rows)).toEqual(ids(rows))
    expect(r.rows).toHaveLength(24)
    // whole window, then 01–02 and 03–04 (12 each, full), then the four single days
    expect(api.calls).toHaveLength(7)
    expect(api.calls.filter(([a, b]) => a === b)).toHaveLength(4)
  })

  it('a window of exactly the cap is treated as possibly full', async () => {
    const rows = makeRows({ '2025-01-01': 5, '2025-01-02': 5 })
    const api = fakeApi(rows, 10)
    const r = await fetchSplit('2025-01-01', '2025-01-02', api.fetch, { limit: 10, zone: 'UTC' })
    expect(r.requests).toBe(3)
    expect(r.rows).toHaveLength(10)
  })

  it('splits a full single day by time and gets every review', async () => {
    const rows = makeRows({ '2025-01-01': 3, '2025-01-02': 95, '2025-01-03': 2 })
    const api = fakeApi(rows, 10)
    const r = await fetchSplit('2025-01-01', '2025-01-03', api.fetch, { limit: 10, zone: 'UTC' })
    expect(ids(r.rows)).toEqual(ids(rows))
    expect(r.truncatedDays).toEqual([])
    expect(api.calls.some(([a]) => a.includes('T'))).toBe(true)
  })

  it('flags a day when the API ignores the time of day', async () => {
    const rows = makeRows({ '2025-01-01': 3, '2025-01-02': 25 })
    const api = fakeApi(rows, 10, 'days-only')
    const r = await fetchSplit('2025-01-01', '2025-01-02', api.fetch, { limit: 10, zone: 'UTC' })
    expect(r.truncatedDays).toEqual(['2025-01-02'])
    // The day keeps its first 10 (no duplicates, nothing invented); the other day is whole.
    expect(ids(r.rows).size).toBe(13)
    expect(r.rows).toHaveLength(13)
  })

  it('flags a day when the API refuses timestamps (400)', async () => {
    const rows = makeRows({ '2025-01-02': 25 })
    const api = fakeApi(rows, 10, 'rejects-timestamps')
    const r = await fetchSplit('2025-01-02', '2025-01-02', api.fetch, { limit: 10, zone: 'UTC' })
    expect(r.truncatedDays).toEqual(['2025-01-02'])
    expect(r.rows).toHaveLength(10)
  })

  it('flags a day whose reviews share one instant beyond the cap', async () => {
    const at = '2025-01-02T10:00:00.000Z'
    const rows = Array.from({ length: 15 }, (_, i) => ({
      id: i + 1,
      created_at: at,
      t: Date.parse(at),
    }))
    const api = fakeApi(rows, 10)
    const r = await fetchSplit('2025-01-02', '2025-01-02', api.fetch, { limit: 10, zone: 'UTC' })
    expect(r.truncatedDays).toEqual(['2025-01-02'])
    expect(api.calls.length).toBeLessThan(80)
  })

  it('other failures propagate', async () => {
    const fetch: FetchWindow = () => Promise.reject(new AppFailure('TIMEOUT', 'slow'))
    await expect(
      fetchSplit('2025-01-01', '2025-01-02', fetch, { limit: 10, zone: 'UTC' }),
    ).rejects.toThrow('slow')
  })
})
