import {
  addDays,
  dayCount,
  dayEnd,
  dayStart,
  daysBetween,
  weekStart,
  type TimeZone,
} from '../../../shared/days'
import {
  type NpsBreakdownRow,
  type NpsBucket,
  type NpsComparison,
  type NpsCounts,
  type NpsScore,
  type NpsTrendPoint,
} from '../../../shared/nps'
import type { Review } from './parse'

/**
 * NPS maths, pure and single-pass: one walk over a time-sorted array fills every counter
 * (summary, buckets, distribution, breakdowns), so a million reviews take tens of ms.
 */

/** Two-sided 95% normal quantile. */
const Z95 = 1.96

/**
 * NPS with its 95% margin: NPS = 100·(p − d); Var = 100²·[p + d − (p − d)²] / n, the
 * variance of the mean of a variable that is +100 (promoter), 0 or −100 (detractor).
 */
export function scoreOf(c: NpsCounts): NpsScore {
  if (c.n <= 0) return { ...c, nps: null, margin: null }
  const p = c.promoters / c.n
  const d = c.detractors / c.n
  // Rounding can leave a tiny negative where the true variance is 0 (all one group).
  const variance = Math.max(0, 10_000 * (p + d - (p - d) ** 2))
  return { ...c, nps: 100 * (p - d), margin: Z95 * Math.sqrt(variance / c.n) }
}

/**
 * Current against previous period. The two samples are independent, so the margin of the
 * difference is √(m₁² + m₂²), wider than either margin: comparing the delta with one
 * period's margin alone would call noise a change.
 */
export function compareScores(
  current: NpsScore,
  previous: NpsScore,
  period: { from: string; to: string },
): NpsComparison {
  if (current.nps === null || previous.nps === null) {
    return { ...period, previous, delta: null, margin: null, significant: false }
  }
  const delta = current.nps - previous.nps
  const margin = Math.sqrt((current.margin ?? 0) ** 2 + (previous.margin ?? 0) ** 2)
  return { ...period, previous, delta, margin, significant: Math.abs(delta) > margin }
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const len = dayCount(from, to)
  return { from: addDays(from, -len), to: addDays(from, -1) }
}

/** Index of the first review at or after `time`; `reviews` is sorted by time. */
export function lowerBound(reviews: readonly Review[], time: number): number {
  let lo = 0
  let hi = reviews.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((reviews[mid] as Review).time < time) lo = mid + 1
    else hi = mid
  }
  return lo
}

function bucketKey(day: string, bucket: NpsBucket): string {
  if (bucket === 'day') return day
  if (bucket === 'month') return day.slice(0, 7)
  return weekStart(day)
}

/** The period's buckets (clipped to it) and, for each day of the period, its bucket. */
export function bucketsOf(
  from: string,
  to: string,
  bucket: NpsBucket,
): { ranges: { from: string; to: string }[]; dayToBucket: Int32Array } {
  const days = daysBetween(from, to)
  const dayToBucket = new Int32Array(days.length)
  const ranges: { from: string; to: string }[] = []
  let key = ''
  for (const [i, day] of days.entries()) {
    const k = bucketKey(day, bucket)
    if (k !== key) {
      ranges.push({ from: day, to: day })
      key = k
    }
    const last = ranges[ranges.length - 1] as { from: string; to: string }
    last.to = day
    dayToBucket[i] = ranges.length - 1
  }
  return { ranges, dayToBucket }
}

export interface AggregateQuery {
  from: string
  to: string
  bucket: NpsBucket
  /** The zone whose days `from`, `to` and the buckets are. */
  zone: TimeZone
  /** Today in `zone`: the bucket holding it is marked partial. None when omitted. */
  today?: string
  channel?: string | undefined
  category?: string | undefined
  /** The API's display names; unknown codes show as themselves. */
  channelName?: (code: string) => string
  categoryName?: (code: string) => string
}

export interface Aggregate {
  summary: NpsScore
  trend: NpsTrendPoint[]
  distribution: number[]
  byChannel: NpsBreakdownRow[]
  byCategory: NpsBreakdownRow[]
}

const countsOf = (a: ArrayLike<number>, i = 0): NpsCounts => {
  const promoters = a[i] ?? 0
  const passives = a[i + 1] ?? 0
  const detractors = a[i + 2] ?? 0
  return { n: promoters + passives + detractors, promoters, passives, detractors }
}

function breakdown(map: Map<string, Int32Array>, name: (code: string) => string) {
  return [...map.entries()]
    .map(([code, c]): NpsBreakdownRow => ({ code, name: name(code), ...scoreOf(countsOf(c)) }))
    .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code))
}

/** Every metric for `from`..`to` (inclusive days) over `reviews`, sorted by time. */
export function aggregate(reviews: readonly Review[], q: AggregateQuery): Aggregate {
  const fromMs = dayStart(q.from, q.zone)
  const end = dayEnd(q.to, q.zone)
  const { ranges, dayToBucket } = bucketsOf(q.from, q.to, q.bucket)
  // Where each day after the first starts: in a zone with daylight saving a day is 23 or
  // 25 hours long, so the day index comes from walking these (the reviews are sorted)
  // rather than from dividing by 24 hours.
  const nextDayStarts = daysBetween(addDays(q.from, 1), q.to).map((d) => dayStart(d, q.zone))
  let day = 0
  let nextDay = nextDayStarts[0] ?? end
  // Group index per review: 0 promoter, 1 passive, 2 detractor, in flat typed arrays.
  const perBucket = new Int32Array(ranges.length * 3)
  const distribution = new Int32Array(10)
  const byChannel = new Map<string, Int32Array>()
  const byCategory = new Map<string, Int32Array>()
  const total = new Int32Array(3)
  const { channel, category } = q
  for (let i = lowerBound(reviews, fromMs), n = reviews.length; i < n; i++) {
    const r = reviews[i] as Review
    if (r.time >= end) break
    if (channel !== undefined && r.channel !== channel) continue
    if (category !== undefined && r.category !== category) continue
    const rate = r.rate
    const g = rate >= 9 ? 0 : rate >= 7 ? 1 : 2
    total[g]!++
    distribution[rate - 1]!++
    while (r.time >= nextDay) nextDay = nextDayStarts[++day] ?? end
    const b = dayToBucket[day] as number
    perBucket[b * 3 + g]!++
    let ch = byChannel.get(r.channel)
    if (!ch) byChannel.set(r.channel, (ch = new Int32Array(3)))
    ch[g]!++
    let cat = byCategory.get(r.category)
    if (!cat) byCategory.set(r.category, (cat = new Int32Array(3)))
    cat[g]!++
  }
  const same = (code: string): string => code
  return {
    summary: scoreOf(countsOf(total)),
    trend: ranges.map((range, i) => ({
      ...range,
      ...scoreOf(countsOf(perBucket, i * 3)),
      partial: q.today !== undefined && range.to >= q.today,
    })),
    distribution: Array.from(distribution),
    byChannel: breakdown(byChannel, q.channelName ?? same),
    byCategory: breakdown(byCategory, q.categoryName ?? same),
  }
}
