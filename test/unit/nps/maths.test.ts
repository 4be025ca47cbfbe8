import { describe, expect, it } from 'vitest'
import {
  aggregate,
  bucketsOf,
  compareScores,
  previousPeriod,
  scoreOf,
} from '../../../src/main/services/nps/maths'
import type { Review } from '../../../src/main/services/nps/parse'

const counts = (promoters: number, passives: number, detractors: number) => ({
  n: promoters + passives + detractors,
  promoters,
  passives,
  detractors,
})

describe('scoreOf (NPS and its 95% margin)', () => {
  it('is empty for no responses', () => {
    expect(scoreOf(counts(0, 0, 0))).toMatchObject({ n: 0, nps: null, margin: null })
  })

  it('all promoters: +100 with no variance', () => {
    expect(scoreOf(counts(20, 0, 0))).toMatchObject({ nps: 100, margin: 0 })
  })

  it('all detractors: −100 with no variance', () => {
    expect(scoreOf(counts(0, 0, 7))).toMatchObject({ nps: -100, margin: 0 })
  })

  it('all passives: 0 with no variance', () => {
    expect(scoreOf(counts(0, 5, 0))).toMatchObject({ nps: 0, margin: 0 })
  })

  it('n = 1 of each group', () => {
    expect(scoreOf(counts(1, 0, 0))).toMatchObject({ n: 1, nps: 100, margin: 0 })
    expect(scoreOf(counts(0, 1, 0))).toMatchObject({ n: 1, nps: 0, margin: 0 })
    expect(scoreOf(counts(0, 0, 1))).toMatchObject({ n: 1, nps: -100, margin: 0 })
  })

  it('half promoters, half detractors: 0 ± 1.96·100/√n', () => {
    // p = d = 0.5: Var = 100²·(1 − 0) = 10,000; n = 100 → SE = 10 → margin 19.6.
    const s = scoreOf(counts(50, 0, 50))
    expect(s.nps).toBe(0)
    expect(s.margin).toBeCloseTo(19.6, 10)
  })

  it('a mixed case worked by hand', () => {
    // 60 promoters, 25 passives, 15 detractors of 100: NPS = 45.
    // Var = 10,000·(0.6 + 0.15 − 0.45²) = 10,000·0.5475 = 5,475; SE = √54.75 = 7.3993…
    // margin = 1.96 · 7.3993 = 14.5027…
    const s = scoreOf(counts(60, 25, 15))
    expect(s.nps).toBeCloseTo(45, 10)
    expect(s.margin).toBeCloseTo(1.96 * Math.sqrt(54.75), 10)
    expect(s.margin).toBeCloseTo(14.5027, 3)
  })

  it('the margin shrinks with √n', () => {
    const small = scoreOf(counts(6, 2, 2)).margin ?? 0
    const big = scoreOf(counts(600, 200, 200)).margin ?? 0
    expect(small / big).toBeCloseTo(10, 10)
  })
})

describe('compareScores', () => {
  it('uses the margin of the difference, √(m₁² + m₂²)', () => {
    const cur = scoreOf(counts(60, 25, 15)) // 45 ± 14.50
    const prev = scoreOf(counts(50, 0, 50)) // 0 ± 19.6
    const c = compareScores(cur, prev, { from: '2025-01-01', to: '2025-01-31' })
    expect(c.delta).toBeCloseTo(45, 10)
    expect(c.margin).toBeCloseTo(Math.sqrt(14.5027 ** 2 + 19.6 ** 2), 2)
    expect(c.significant).toBe(true)
  })

  it('a change inside the margin is not significant', () => {
    const c = compareScores(scoreOf(counts(6, 2, 2)), scoreOf(counts(5, 3, 2)), {
      from: 'a',
      to: 'b',
    })
    expect(c.delta).toBeCloseTo(10, 10)
    expect(c.significant).toBe(false)
  })

  it('has no delta when a period is empty', () => {
    const c = compareScores(scoreOf(counts(1, 0, 0)), scoreOf(counts(0, 0, 0)), {
      from: 'a',
      to: 'b',
    })
    expect(c).toMatchObject({ delta: null, margin: null, significant: false })
  })
})

describe('periods and buckets', () => {
  it('the previous period has the same length and ends the day before', () => {
    expect(previousPeriod('2025-03-01', '2025-03-31')).toEqual({
      from: '2025-01-29',
      to: '2025-02-28',
    })
    expect(previousPeriod('2025-01-01', '2025-01-01')).toEqual({
      from: '2024-12-31',
      to: '2024-12-31',
    })
  })

  it('weeks start on Monday and are clipped to the period', () => {
    // 2025-01-01 is a Wednesday.
    const { ranges, dayToBucket } = bucketsOf('2025-01-01', '2025-01-14', 'week')
    expect(ranges).toEqual([
      { from: '2025-01-01', to: '2025-01-05' },
      { from: '2025-01-06', to: '2025-01-12' },
      { from: '2025-01-13', to: '2025-01-14' },
    ])
    expect(Array.from(dayToBucket)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2])
  })

  it('months follow the calendar', () => {
    const { ranges } = bucketsOf('2024-01-15', '2024-03-02', 'month')
    expect(ranges).toEqual([
      { from: '2024-01-15', to: '2024-01-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-02' },
    ])
  })
})

let nextId = 1
const review = (at: string, rate: number, channel = 'email', category = 'delivery'): Review => ({
  id: nextId++,
  time: Date.parse(at),
  rate,
  channel,
  category,
  comment: null,
})

describe('aggregate', () => {
  const reviews = [
    review('2024-12-31T23:59:59Z', 1), // before the period
    review('2025-01-01T00:00:00Z', 10, 'email', 'delivery'),
    review('2025-01-01T12:00:00Z', 9, 'popup', 'delivery'),
    review('2025-01-02T08:00:00Z', 7, 'popup', 'checkout'),
    review('2025-01-03T23:59:59.999Z', 3, 'email', 'checkout'),
    review('2025-01-04T00:00:00Z', 10), // after the period
  ]

  it('counts every metric for the period only', () => {
    const a = aggregate(reviews, {
      from: '2025-01-01',
      to: '2025-01-03',
      bucket: 'day',
      zone: 'UTC',
    })
    expect(a.summary).toMatchObject({ n: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 })
    expect(a.distribution).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 1, 1])
    expect(a.trend.map((p) => [p.from, p.n, p.nps])).toEqual([
      ['2025-01-01', 2, 100],
      ['2025-01-02', 1, 0],
      ['2025-01-03', 1, -100],
    ])
    expect(a.byChannel.map((r) => [r.code, r.n, r.nps])).toEqual([
      ['email', 2, 0],
      ['popup', 2, 50],
    ])
    expect(a.byCategory.map((r) => [r.code, r.promoters, r.passives, r.detractors])).toEqual([
      ['checkout', 0, 1, 1],
      ['delivery', 2, 0, 0],
    ])
  })

  it('filters by channel and category and names codes', () => {
    const a = aggregate(reviews, {
      from: '2025-01-01',
      to: '2025-01-03',
      bucket: 'month',
      zone: 'UTC',
      channel: 'popup',
      category: 'checkout',
      channelName: (c) => c.toUpperCase(),
    })
    expect(a.summary).toMatchObject({ n: 1, passives: 1, nps: 0 })
    expect(a.trend).toHaveLength(1)
    expect(a.byChannel).toEqual([expect.objectContaining({ code: 'popup', name: 'POPUP' })])
  })

  it('an empty period has empty buckets, not a crash', () => {
    const a = aggregate([], { from: '2025-01-01', to: '2025-01-31', bucket: 'week', zone: 'UTC' })
    expect(a.summary).toMatchObject({ n: 0, nps: null, margin: null })
    expect(a.trend.every((p) => p.n === 0 && p.nps === null)).toBe(true)
    expect(a.distribution).toEqual(Array(10).fill(0))
    expect(a.byChannel).toEqual([])
  })
})
