import { describe, expect, it } from 'vitest'
import { aggregate } from '../../../src/main/services/nps/maths'
import type { Review } from '../../../src/main/services/nps/parse'
import { fetchSplit, windowBounds } from '../../../src/main/services/nps/windows'
import { AppFailure } from '../../../src/shared/errors'
import { npsTimeZone } from '../../../src/shared/days'

/**
 * NPS days are the shop's days: a review written just after midnight in Berlin belongs to
 * that Berlin day, also on the 23- and 25-hour days daylight saving makes.
 */

let nextId = 1
const review = (iso: string, rate = 10): Review => ({
  id: nextId++,
  time: Date.parse(iso),
  rate,
  channel: 'email',
  category: 'delivery',
  comment: null,
})

const perDay = (reviews: Review[], from: string, to: string, zone: string) =>
  aggregate(reviews, { from, to, bucket: 'day', zone }).trend.map((p) => [p.from, p.n])

describe('NPS days in the shop’s time zone', () => {
  it('Berlin, spring forward (29 March 2026 has 23 hours): reviews near midnight stay on their local day', () => {
    const reviews = [
      review('2026-03-27T23:30:00Z'), // 00:30 CET on 28 March (UTC still says 27)
      review('2026-03-28T22:59:59Z'), // 23:59 CET on 28 March
      review('2026-03-28T23:00:00Z'), // 00:00 CET on 29 March: the day starts
      review('2026-03-29T00:59:00Z'), // 01:59 CET, a minute before the clocks jump
      review('2026-03-29T01:00:00Z'), // 03:00 CEST
      review('2026-03-29T21:59:59Z'), // 23:59 CEST on 29 March: its last second
      review('2026-03-29T22:00:00Z'), // 00:00 CEST on 30 March
    ]
    expect(perDay(reviews, '2026-03-28', '2026-03-30', 'Europe/Berlin')).toEqual([
      ['2026-03-28', 2],
      ['2026-03-29', 4],
      ['2026-03-30', 1],
    ])
    // The same reviews by UTC day, as the screen counted before: a different picture.
    expect(perDay(reviews, '2026-03-28', '2026-03-30', 'UTC')).toEqual([
      ['2026-03-28', 2],
      ['2026-03-29', 4],
      ['2026-03-30', 0],
    ])
  })

  it('Berlin, fall back (25 October 2026 has 25 hours): the extra hour is still 25 October', () => {
    const reviews = [
      review('2026-10-24T22:00:00Z'), // 00:00 CEST on 25 October
      review('2026-10-25T00:30:00Z'), // 02:30 CEST
      review('2026-10-25T01:30:00Z'), // 02:30 CET, the repeated hour
      review('2026-10-25T22:59:59Z'), // 23:59 CET: 24h59m after the day began
      review('2026-10-25T23:00:00Z'), // 00:00 CET on 26 October
      review('2026-10-26T22:30:00Z'), // 23:30 CET on 26 October (UTC says 26 too)
      review('2026-10-26T23:30:00Z'), // 00:30 on 27 October: outside the period
    ]
    expect(perDay(reviews, '2026-10-25', '2026-10-26', 'Europe/Berlin')).toEqual([
      ['2026-10-25', 4],
      ['2026-10-26', 2],
    ])
    const week = aggregate(reviews, {
      from: '2026-10-19',
      to: '2026-10-26',
      bucket: 'week',
      zone: 'Europe/Berlin',
    })
    // Monday 26 October starts a new week in Berlin; its six reviews split 4 + 2.
    expect(week.trend.map((p) => [p.from, p.to, p.n])).toEqual([
      ['2026-10-19', '2026-10-25', 4],
      ['2026-10-26', '2026-10-26', 2],
    ])
  })

  it('New York, both changes of 2026: an evening review is not moved to the next day', () => {
    const reviews = [
      review('2026-03-08T04:59:00Z'), // 23:59 EST on 7 March
      review('2026-03-08T05:00:00Z'), // 00:00 EST on 8 March
      review('2026-03-09T03:30:00Z'), // 23:30 EDT on 8 March (a 23-hour day)
      review('2026-03-09T04:00:00Z'), // 00:00 EDT on 9 March
      review('2026-11-01T04:00:00Z'), // 00:00 EDT on 1 November
      review('2026-11-02T04:30:00Z'), // 23:30 EST on 1 November (a 25-hour day)
      review('2026-11-02T05:00:00Z'), // 00:00 EST on 2 November
    ]
    expect(perDay(reviews, '2026-03-07', '2026-03-09', 'America/New_York')).toEqual([
      ['2026-03-07', 1],
      ['2026-03-08', 2],
      ['2026-03-09', 1],
    ])
    expect(perDay(reviews, '2026-11-01', '2026-11-02', 'America/New_York')).toEqual([
      ['2026-11-01', 2],
      ['2026-11-02', 1],
    ])
  })

  it('a shop without a usable zone counts in UTC', () => {
    expect(npsTimeZone('Europe/Berlin')).toBe('Europe/Berlin')
    expect(npsTimeZone('')).toBe('UTC')
    expect(npsTimeZone(undefined)).toBe('UTC')
    expect(npsTimeZone('Mars/Olympus_Mons')).toBe('UTC')
  })
})

describe('requests for the shop’s days', () => {
  it('a UTC shop asks in plain days; elsewhere from local midnight to the last instant of the day', () => {
    expect(windowBounds('2026-03-29', '2026-03-29', 'UTC')).toEqual(['2026-03-29', '2026-03-29'])
    expect(windowBounds('2026-03-29', '2026-03-29', 'Europe/Berlin')).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T21:59:59.999Z',
    ])
    expect(windowBounds('2026-10-24', '2026-10-25', 'Europe/Berlin')).toEqual([
      '2026-10-23T22:00:00.000Z',
      '2026-10-25T22:59:59.999Z',
    ])
    expect(windowBounds('2026-11-01', '2026-11-01', 'America/New_York')).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T04:59:59.999Z',
    ])
  })

  it('a full day is split by time inside its local bounds, and every review arrives', async () => {
    // 40 reviews, one every 37.5 minutes over Berlin's 25-hour 25 October.
    const start = Date.parse('2026-10-24T22:00:00Z')
    const times = Array.from({ length: 40 }, (_, i) => start + i * 37.5 * 60_000)
    const rows = times.map((t, i) => ({ id: i + 1, created_at: new Date(t).toISOString() }))
    const calls: [string, string][] = []
    const result = await fetchSplit(
      '2026-10-25',
      '2026-10-25',
      async (from, to) => {
        calls.push([from, to])
        const a = Date.parse(from)
        const b = Date.parse(to)
        return rows
          .filter((r) => Date.parse(r.created_at) >= a && Date.parse(r.created_at) <= b)
          .slice(0, 10)
      },
      { limit: 10, zone: 'Europe/Berlin' },
    )
    expect(calls[0]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999Z'])
    expect(new Set(result.rows.map((r) => (r as { id: number }).id)).size).toBe(40)
    expect(result.truncatedDays).toEqual([])
    const bounds = calls.flat().map(Date.parse)
    expect(Math.min(...bounds)).toBe(start)
    expect(Math.max(...bounds)).toBe(Date.parse('2026-10-25T22:59:59.999Z'))
  })
})

describe('an API that refuses timestamps', () => {
  it('is asked for the UTC days covering the shop’s days, and only the local days’ rows are kept', async () => {
    const at = [
      '2026-03-28T22:30:00Z',
      '2026-03-28T23:30:00Z',
      '2026-03-29T21:30:00Z',
      '2026-03-29T22:30:00Z',
    ]
    const rows = at.map((t, i) => ({ id: i + 1, created_at: t }))
    const calls: [string, string][] = []
    const result = await fetchSplit(
      '2026-03-29',
      '2026-03-29',
      async (from, to) => {
        calls.push([from, to])
        if (from.includes('T')) throw new AppFailure('API_BAD_REQUEST', 'bad date')
        const a = Date.parse(`${from}T00:00:00Z`)
        const b = Date.parse(`${to}T23:59:59.999Z`)
        return rows.filter((r) => Date.parse(r.created_at) >= a && Date.parse(r.created_at) <= b)
      },
      { limit: 1000, zone: 'Europe/Berlin' },
    )
    // Berlin's 29 March runs from 23:00 UTC on the 28th to 21:59:59.999 UTC on the 29th.
    expect(calls.at(-1)).toEqual(['2026-03-28', '2026-03-29'])
    expect(result.rows.map((r) => (r as { id: number }).id)).toEqual([2, 3])
  })
})

describe('the running period', () => {
  const reviews = [review('2026-11-27T10:00:00Z'), review('2026-11-30T10:00:00Z', 3)]

  it('only the bucket that holds the shop’s today is partial', () => {
    const q = { from: '2026-11-01', to: '2026-11-30', zone: 'Europe/Berlin', today: '2026-11-30' }
    const days = aggregate(reviews, { ...q, bucket: 'day' }).trend
    expect(days.filter((p) => p.partial).map((p) => p.from)).toEqual(['2026-11-30'])
    const weeks = aggregate(reviews, { ...q, bucket: 'week' }).trend
    expect(weeks.filter((p) => p.partial).map((p) => p.from)).toEqual(['2026-11-30'])
    const months = aggregate(reviews, { ...q, bucket: 'month' }).trend
    expect(months.map((p) => p.partial)).toEqual([true])
  })

  it('a period that ended before today has no partial bucket', () => {
    const q = { from: '2026-11-01', to: '2026-11-29', zone: 'UTC', today: '2026-11-30' }
    expect(aggregate(reviews, { ...q, bucket: 'day' }).trend.some((p) => p.partial)).toBe(false)
  })
})
