import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { AUTH, NOW, get } from './helpers'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: NOW })
})
afterAll(async () => {
  await sb.close()
})

type Review = { id: number; created_at: string; channel: string; category: string; rate: number }
const reviews = async (params: Record<string, string>): Promise<Review[]> => {
  const r = await get(sb, '/nps/reviews', { ...AUTH, ...params })
  expect(r.status).toBe(200)
  return r.body as Review[]
}

/** Days (YYYY-MM-DD) with their review counts, from the sandbox's state. */
function countsByDay(): Map<string, number> {
  const m = new Map<string, number>()
  for (const r of sb.state.main.npsReviews)
    m.set(r.created_at.slice(0, 10), (m.get(r.created_at.slice(0, 10)) ?? 0) + 1)
  return m
}

describe('/nps/reviews: the 1,000 cap', () => {
  it('the demo data spans 12 months and has days with more than 1,000 reviews', () => {
    const all = sb.state.main.npsReviews
    const first = Date.parse(all[0]?.created_at ?? '')
    const last = Date.parse(all.at(-1)?.created_at ?? '')
    expect(last).toBeLessThanOrEqual(Date.parse(NOW))
    expect(Date.parse(NOW) - first).toBeGreaterThan(360 * 86_400_000)
    expect([...countsByDay().values()].filter((n) => n > 1000).length).toBeGreaterThanOrEqual(3)
    const comments = all.map((r) => r.comment ?? '')
    expect(comments.some((c) => /[а-яё]/i.test(c))).toBe(true)
    expect(comments.some((c) => /^[A-Za-z]/.test(c))).toBe(true)
  })

  it('a request over the whole year returns exactly 1,000 reviews, the oldest first', async () => {
    const got = await reviews({})
    expect(got).toHaveLength(1000)
    expect(got.map((r) => r.id)).toEqual(sb.state.main.npsReviews.slice(0, 1000).map((r) => r.id))
  })

  it('a single busy day is capped too; splitting it by timestamps recovers every review', async () => {
    const [day, count] = [...countsByDay()].find(([, n]) => n > 1000) ?? ['', 0]
    expect(count).toBeGreaterThan(1000)
    expect(await reviews({ date_from: day, date_to: day })).toHaveLength(1000)
    const ids = new Set<number>()
    for (let h = 0; h < 24; h += 6) {
      const from = `${day}T${String(h).padStart(2, '0')}:00:00.000Z`
      const to = new Date(Date.parse(from) + 6 * 3_600_000 - 1).toISOString()
      const part = await reviews({ date_from: from, date_to: to })
      expect(part.length).toBeLessThan(1000)
      for (const r of part) ids.add(r.id)
    }
    expect(ids.size).toBe(count)
  })

  it('a quiet day returns all of its reviews, inside the day', async () => {
    const [day, count] = [...countsByDay()].find(([d, n]) => n < 300 && d < NOW.slice(0, 10)) ?? [
      '',
      0,
    ]
    const got = await reviews({ date_from: day, date_to: day })
    expect(got).toHaveLength(count)
    expect(got.every((r) => r.created_at.startsWith(day))).toBe(true)
  })

  it('channel and category filters apply before the cap', async () => {
    const got = await reviews({ channel: 'pos', category: 'delivery' })
    expect(got).toHaveLength(1000)
    expect(got.every((r) => r.channel === 'pos' && r.category === 'delivery')).toBe(true)
  })

  it('date_from after date_to is a 400', async () => {
    expect(
      (await get(sb, '/nps/reviews', { ...AUTH, date_from: '2025-06-02', date_to: '2025-06-01' }))
        .status,
    ).toBe(400)
  })
})
