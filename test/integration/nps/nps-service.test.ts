import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../../../src/main/api/client'
import { SecretRegistry } from '../../../src/main/log/redact'
import { NpsService } from '../../../src/main/services/nps/nps-service'
import { DEMO_SHOP, NPS_REVIEWS_LIMIT, startSandbox, type Sandbox } from '../../../src/sandbox'
import { npsLoadSchema, npsPeriodSchema, npsReviewsSchema } from '../../../src/shared/nps'
import { oneShop } from '../../support/shops'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

/**
 * The NPS service against the real Demo shop sandbox over loopback HTTP: every review of
 * the period arrives, including days with more than the API's 1,000-per-request cap.
 */
const NOW = '2025-06-30T12:00:00.000Z'
const DAY = 86_400_000

let sandbox: Sandbox
const dirs: string[] = []
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW })
})
afterAll(async () => {
  await sandbox.close()
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function service(dataDir?: string) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'nps-it-')))
  dirs.push(dir)
  const paths: string[] = []
  const shop = oneShop(sandbox.url)
  const client = createApiClient({
    transport: (url, init) => {
      paths.push(new URL(url).pathname + new URL(url).search)
      return fetch(url, init)
    },
    credentials: shop.credentials,
    secrets: new SecretRegistry(),
  })
  const nps = new NpsService({
    dataDir: dir,
    api: client,
    shops: shop.shops,
    now: () => Date.parse(NOW),
  })
  return { nps, dir, paths, profile: shop.profile }
}

/** The sandbox's own truth for a period, by UTC day of created_at. */
function truth(from: string, to: string, filter: (r: { channel: string }) => boolean = () => true) {
  const a = Date.parse(`${from}T00:00:00Z`)
  const b = Date.parse(`${to}T00:00:00Z`) + DAY
  return sandbox.state.main.npsReviews.filter((r) => r.time >= a && r.time < b && filter(r))
}

function busiestDays(n: number): string[] {
  const m = new Map<string, number>()
  for (const r of sandbox.state.main.npsReviews) {
    const d = r.created_at.slice(0, 10)
    m.set(d, (m.get(d) ?? 0) + 1)
  }
  return [...m.entries()]
    .filter(([, c]) => c > NPS_REVIEWS_LIMIT)
    .map(([d]) => d)
    .slice(0, n)
}

const load = (nps: NpsService, input: Parameters<typeof npsLoadSchema.parse>[0]) =>
  nps.load(npsLoadSchema.parse(input))

describe.each(['legacy', 'current'] as const)('NPS service, %s envelopes', (envelope) => {
  beforeAll(() => sandbox.setEnvelope(envelope))

  it('the total for 12 months equals the sandbox count exactly, over-cap days included', async () => {
    const { nps, paths } = await service()
    const from = '2024-07-01'
    const to = '2025-06-30'
    const busy = busiestDays(10)
    expect(busy.length).toBeGreaterThanOrEqual(3)
    expect(busy.every((d) => d >= from && d <= to)).toBe(true)

    const report = await load(nps, { from, to, bucket: 'month' })
    const expected = truth(from, to)
    expect(report.summary.n).toBe(expected.length)
    expect(report.truncatedDays).toEqual([])
    expect(report.skipped).toBe(0)
    expect(report.trend.reduce((s, p) => s + p.n, 0)).toBe(expected.length)
    expect(report.distribution.reduce((s, n) => s + n, 0)).toBe(expected.length)
    expect(report.summary.promoters).toBe(expected.filter((r) => r.rate >= 9).length)
    expect(report.summary.detractors).toBe(expected.filter((r) => r.rate <= 6).length)
    // Time slices were used for the over-cap days.
    expect(paths.some((p) => p.includes('date_from=') && p.includes('T'))).toBe(true)

    // Each over-cap day on its own is complete too.
    for (const day of busy) {
      const r = await load(nps, { from: day, to: day, bucket: 'day' })
      expect(r.summary.n).toBe(truth(day, day).length)
      expect(r.summary.n).toBeGreaterThan(NPS_REVIEWS_LIMIT)
    }
    // API names for channels and categories.
    expect(report.channels).toContainEqual({ code: 'ios_app', name: 'iOS mobile app' })
    expect(report.byCategory.find((c) => c.code === 'delivery')?.name).toBe(
      'Delivery quality survey',
    )
  })

  it('filters by channel, compares with the previous period and pages reviews', async () => {
    const { nps } = await service()
    const report = await load(nps, { from: '2025-05-01', to: '2025-05-31', channel: 'email' })
    expect(report.summary.n).toBe(
      truth('2025-05-01', '2025-05-31', (r) => r.channel === 'email').length,
    )
    expect(report.byChannel.map((c) => c.code)).toEqual(['email'])
    expect(report.comparison).toMatchObject({ from: '2025-03-31', to: '2025-04-30' })
    expect(report.comparison.previous.n).toBe(
      truth('2025-03-31', '2025-04-30', (r) => r.channel === 'email').length,
    )
    expect(report.comparison.delta).not.toBeNull()

    const q = {
      from: '2025-05-01',
      to: '2025-05-31',
      channel: 'email',
      group: 'detractor' as const,
    }
    const page = await nps.reviews(npsReviewsSchema.parse({ ...q, limit: 50 }))
    const expected = truth('2025-05-01', '2025-05-31', (r) => r.channel === 'email').filter(
      (r) => r.rate <= 6 && r.comment,
    )
    expect(page.total).toBe(expected.length)
    expect(page.rows).toHaveLength(50)
    expect(page.rows.every((r) => r.group === 'detractor' && r.comment)).toBe(true)
    // Newest first by default.
    expect(page.rows[0]!.time >= page.rows[1]!.time).toBe(true)
  })

  it('caches per shop: a second service on the same folder makes no requests', async () => {
    const first = await service()
    await load(first.nps, { from: '2025-06-01', to: '2025-06-20' })
    const second = await service(first.dir)
    const r = await load(second.nps, { from: '2025-06-01', to: '2025-06-20' })
    expect(r.requests).toBe(0)
    expect(second.paths).toEqual([])
    expect(r.summary.n).toBe(truth('2025-06-01', '2025-06-20').length)
    expect(r.lastRefreshed).toBe(NOW)
    // A refresh asks only for the most recent days (the period is long over: none) + labels.
    const refreshed = await load(second.nps, {
      from: '2025-06-01',
      to: '2025-06-30',
      refresh: true,
    })
    const reviewCalls = second.paths.filter((p) => p.startsWith('/nps/reviews'))
    const days = new Set(
      reviewCalls.map((p) => new URLSearchParams(p.split('?')[1]).get('date_from')?.slice(0, 10)),
    )
    expect([...days].every((d) => d !== undefined && d >= '2025-05-02')).toBe(true)
    expect(refreshed.summary.n).toBe(truth('2025-06-01', '2025-06-30').length)
  })

  it('exports the period as formula-safe CSV with a BOM', async () => {
    const { nps } = await service()
    await load(nps, { from: '2025-06-01', to: '2025-06-07' })
    const file = await nps.exportCsv(
      npsPeriodSchema.parse({ from: '2025-06-01', to: '2025-06-07' }),
      PLAIN_CSV,
    )
    expect(file.filename).toBe('nps-reviews-2025-06-01-to-2025-06-07.csv')
    expect(file.content.startsWith('\uFEFFResponse ID,Time (UTC),Score,Group,Channel')).toBe(true)
    expect(file.content.trimEnd().split('\r\n')).toHaveLength(
      truth('2025-06-01', '2025-06-07').length + 1,
    )
    expect(await readFile(join(dirs.at(-1)!, 'nps', 'demo.json'), 'utf8')).not.toContain(
      DEMO_SHOP.secret,
    )
  })
})

describe('NPS service, a shop outside UTC', () => {
  beforeAll(() => sandbox.setEnvelope('current'))

  /** The sandbox's reviews on the days `from`..`to` of Moscow (UTC+3 all year). */
  const moscowTruth = (from: string, to: string) => {
    const a = Date.parse(`${from}T00:00:00+03:00`)
    const b = Date.parse(`${to}T00:00:00+03:00`) + DAY
    return sandbox.state.main.npsReviews.filter((r) => r.time >= a && r.time < b)
  }

  it('counts the shop’s own days, asks for them by local midnight, and starts over when the zone changes', async () => {
    const { nps, paths, profile, dir } = await service()
    profile.timeZone = 'Europe/Moscow'
    const report = await load(nps, { from: '2025-06-10', to: '2025-06-12' })
    expect(report.timeZone).toBe('Europe/Moscow')
    expect(report.summary.n).toBe(moscowTruth('2025-06-10', '2025-06-12').length)
    const days = ['2025-06-10', '2025-06-11', '2025-06-12']
    expect(report.trend.map((p) => p.n)).toEqual(days.map((d) => moscowTruth(d, d).length))
    // The demo shop has reviews around midnight: UTC days would count differently.
    expect(report.trend.map((p) => p.n)).not.toEqual(days.map((d) => truth(d, d).length))
    const firstFrom = paths
      .filter((p) => p.startsWith('/nps/reviews'))
      .map((p) => new URLSearchParams(p.split('?')[1]).get('date_from'))
    expect(firstFrom).toContain('2025-06-06T21:00:00.000Z') // the previous period's first day
    expect(JSON.parse(await readFile(join(dir, 'nps', 'demo.json'), 'utf8'))).toMatchObject({
      timeZone: 'Europe/Moscow',
    })

    // The shop is edited to UTC: Moscow's cached days cover other hours, so they are dropped.
    profile.timeZone = 'UTC'
    const utc = await load(nps, { from: '2025-06-10', to: '2025-06-12' })
    expect(utc.requests).toBeGreaterThan(0)
    expect(utc.timeZone).toBe('UTC')
    expect(utc.summary.n).toBe(truth('2025-06-10', '2025-06-12').length)
  })
})

describe('NPS service, cached only (the Overview’s glance)', () => {
  it('never fetches: says what it lacks on an empty cache, answers in full once loaded', async () => {
    const { nps, paths } = await service()
    const period = { from: '2025-06-01', to: '2025-06-30', bucket: 'week' as const }
    const empty = await load(nps, { ...period, cachedOnly: true })
    expect(paths).toEqual([])
    expect(empty).toMatchObject({ complete: false, requests: 0 })
    await load(nps, period)
    const fetched = paths.length
    const cached = await load(nps, { ...period, cachedOnly: true })
    expect(paths).toHaveLength(fetched)
    expect(cached.complete).toBe(true)
    expect(cached.summary.n).toBe(truth('2025-06-01', '2025-06-30').length)
  })
})
