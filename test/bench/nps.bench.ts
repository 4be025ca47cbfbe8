import { aggregate, compareScores, previousPeriod } from '../../src/main/services/nps/maths'
import type { Review } from '../../src/main/services/nps/parse'
import { compare, type BenchResult } from './harness'

/**
 * NPS aggregation of 1,000,000 reviews over 12 months: every metric the screen shows
 * (summary, daily trend with margins, distribution, channel and category breakdowns, and
 * the previous-period comparison) against a plain loop that only sums the scores.
 */
export async function npsBenchmarks(): Promise<BenchResult[]> {
  const N = 1_000_000
  const from = '2025-01-01'
  const to = '2025-12-31'
  const start = Date.parse(`${from}T00:00:00Z`)
  const span = 365 * 86_400_000
  const channels = ['website', 'ios_app', 'android_app', 'pos', 'email', 'popup']
  const categories = ['website', 'checkout', 'delivery', 'support']
  let seed = 42
  const rnd = (): number => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
  const reviews: Review[] = Array.from({ length: N }, (_, i) => ({
    id: i + 1,
    time: start + Math.floor((i / N) * span),
    rate: 1 + Math.floor(rnd() * 10),
    channel: channels[i % channels.length] ?? 'website',
    category: categories[i % categories.length] ?? 'checkout',
    comment: null,
  }))

  const everything = (): number => {
    const q = { from, to, bucket: 'day' as const, zone: 'UTC' }
    const cur = aggregate(reviews, q)
    const prev = aggregate(reviews, { ...q, ...previousPeriod(from, to), bucket: 'month' })
    return compareScores(cur.summary, prev.summary, previousPeriod(from, to)).delta ?? 0
  }
  const sumScores = (): number => {
    let s = 0
    for (let i = 0; i < reviews.length; i++) s += (reviews[i] as Review).rate
    return s
  }
  const weekly = (): number =>
    aggregate(reviews, { from, to, bucket: 'week', zone: 'UTC' }).trend.length

  return [
    await compare(
      'NPS: all metrics, 1,000,000 reviews, daily buckets',
      everything,
      'sum of scores (plain loop)',
      sumScores,
    ),
    await compare(
      'NPS: all metrics, 1,000,000 reviews, weekly buckets',
      weekly,
      'sum of scores (plain loop)',
      sumScores,
    ),
  ]
}
