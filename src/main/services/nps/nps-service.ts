import { setMaxListeners } from 'node:events'
import { addDays, dayEnd, dayStart, daysBetween, npsTimeZone, today } from '../../../shared/days'
import type { ExportedFile } from '../../../shared/files'
import {
  npsGroupOf,
  type NpsLabel,
  type NpsProgress,
  type NpsReport,
  type NpsReviewPage,
  type npsLoadSchema,
  type npsPeriodSchema,
  type npsReviewsSchema,
} from '../../../shared/nps'
import type { z } from 'zod'
import type { ApiClient } from '../../api'
import { csvExport, headerOf, type CsvDialect } from '../files/csv'
import type { ShopDirectory, ShopProfile } from '../shops/shop-directory'
import { ShopCache, type DayState } from './cache'
import { aggregate, compareScores, previousPeriod } from './maths'
import { parseLabels, parseReviews, type Review } from './parse'
import { contiguousRanges, fetchSplit } from './windows'

/** The reference: "Limited to 1000 reviews per request." */
export const NPS_REVIEWS_LIMIT = 1000

/** An unfinished day fetched longer ago than this is fetched again on an ordinary load. */
const STALE_MS = 10 * 60 * 1000

export interface NpsServiceOptions {
  dataDir: string
  api: ApiClient
  /** The screen shows the active shop's reviews. */
  shops: ShopDirectory
  onProgress?: (p: NpsProgress) => void
  now?: () => number
  /** Days up to today that a refresh always fetches again. Default 2 (today, yesterday). */
  recentDays?: number
}

type LoadInput = z.output<typeof npsLoadSchema>
type PeriodInput = z.output<typeof npsPeriodSchema>
type ReviewsInput = z.output<typeof npsReviewsSchema>

/** The demo shop's port changes every launch; the same shop should keep its cache. */
function shopKeyOf(c: ShopProfile): string {
  try {
    const u = new URL(c.apiHost)
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
    return `${loopback ? `${u.protocol}//${u.hostname}` : u.origin}|${c.shopId}`
  } catch {
    return `${c.apiHost}|${c.shopId}`
  }
}

export class NpsService {
  private readonly caches = new Map<string, Promise<ShopCache>>()
  private readonly locks = new Map<string, Promise<unknown>>()
  private memo: { key: string; source: Review[]; rows: Review[] } | null = null
  /** The loads fetching now, so the marketer can stop a long one. */
  private readonly running = new Set<AbortController>()
  private readonly now: () => number

  constructor(private readonly opts: NpsServiceOptions) {
    this.now = opts.now ?? Date.now
  }

  /** Fetches what the cache lacks for the period and its previous period, then aggregates. */
  async load(input: LoadInput): Promise<NpsReport> {
    const shop = this.activeShop()
    const abort = new AbortController()
    // Every request of a load (dozens wait in the shop's queue) listens on this one signal
    // until it ends, and p-queue removes its listener then: Node's leak warning at eleven
    // listeners would be a false alarm in the log on every long load.
    setMaxListeners(0, abort.signal)
    this.running.add(abort)
    try {
      return await this.exclusive(shop.profileId, async () => {
        const cache = await this.cacheFor(shop)
        const { from, to } = this.clamp(input, cache.zone)
        const prev = previousPeriod(from, to)
        const days = daysBetween(prev.from, to)
        const requests = input.cachedOnly
          ? 0
          : await this.fill(cache, shop, days, input.refresh, abort.signal)
        return this.report(cache, { ...input, from, to }, requests)
      })
    } finally {
      this.running.delete(abort)
    }
  }

  /** Stops every running load: requests in flight are abandoned, nothing is cached. */
  cancel(): { cancelled: boolean } {
    const any = this.running.size > 0
    for (const abort of this.running) abort.abort()
    return { cancelled: any }
  }

  async reviews(q: ReviewsInput): Promise<NpsReviewPage> {
    const cache = await this.cacheFor(this.activeShop())
    const rows = this.filtered(cache, q)
    return {
      total: rows.length,
      offset: q.offset,
      rows: rows.slice(q.offset, q.offset + q.limit).map((r) => ({
        id: r.id,
        time: new Date(r.time).toISOString(),
        rate: r.rate,
        group: npsGroupOf(r.rate),
        channel: r.channel,
        category: r.category,
        comment: r.comment,
      })),
    }
  }

  async exportCsv(q: PeriodInput, dialect: CsvDialect): Promise<ExportedFile> {
    const cache = await this.cacheFor(this.activeShop())
    const rows = this.filtered(cache, { ...q, withComment: false, sortField: 'time', sortOrder: 1 })
    const chName = nameLookup(cache.channels)
    const catName = nameLookup(cache.categories)
    const { columns, values } = dialect.words
    return csvExport(
      `nps-reviews-${q.from}-to-${q.to}.csv`,
      headerOf(columns.nps),
      rows.map((r) => [
        r.id,
        new Date(r.time).toISOString(),
        r.rate,
        values.npsGroup[npsGroupOf(r.rate)],
        r.channel,
        chName(r.channel),
        r.category,
        catName(r.category),
        r.comment,
      ]),
      dialect,
    )
  }

  /** Resolved once per request, so a shop switch mid-load never mixes two shops' reviews. */
  private activeShop(): ShopProfile {
    return this.opts.shops.callable('active')
  }

  /** One load per shop at a time: two windows fetching the same days would double the calls. */
  private exclusive<T>(key: string, run: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(key) ?? Promise.resolve()
    const next = prev.then(run, run)
    this.locks.set(
      key,
      next.catch(() => undefined),
    )
    return next
  }

  /**
   * The shop's cache in the zone its record names now (main's own record, never a zone
   * from the renderer). A changed zone starts an empty cache: days of another zone cover
   * other hours and must not be mixed with these.
   */
  private cacheFor(shop: ShopProfile): Promise<ShopCache> {
    const zone = npsTimeZone(shop.timeZone)
    const key = `${shop.profileId}|${shopKeyOf(shop)}|${zone}`
    let cache = this.caches.get(key)
    if (!cache) {
      for (const k of this.caches.keys())
        if (k.startsWith(`${shop.profileId}|`)) this.caches.delete(k)
      const file = ShopCache.fileFor(this.opts.dataDir, shop.profileId)
      cache = ShopCache.load(file, shopKeyOf(shop), zone)
      this.caches.set(key, cache)
    }
    return cache
  }

  /** No days after today: they cannot have reviews yet and must not be cached as empty. */
  private clamp(p: { from: string; to: string }, zone: string): { from: string; to: string } {
    const last = today(zone, this.now())
    const to = p.to > last ? last : p.to
    return { from: p.from > to ? to : p.from, to }
  }

  /** Fetches the days that need it; returns the number of requests made. */
  private async fill(
    cache: ShopCache,
    shop: ShopProfile,
    days: string[],
    refresh: boolean,
    signal: AbortSignal,
  ): Promise<number> {
    const now = this.now()
    const recentFrom = addDays(today(cache.zone, now), -((this.opts.recentDays ?? 2) - 1))
    const wanted = days.filter((day) => {
      const state = cache.days.get(day)
      if (!state) return true
      if (cache.isSettled(day, state)) return refresh && day >= recentFrom
      return refresh || now - state.fetchedAt > STALE_MS
    })
    const labelsNeeded = refresh || cache.channels.length === 0 || cache.categories.length === 0
    if (wanted.length === 0 && !labelsNeeded) return 0

    let requests = 0
    let reviews = 0
    const fetchWindow = async (from: string, to: string): Promise<unknown[]> => {
      const res = await this.opts.api.call(
        'nps.reviews',
        { profileId: shop.profileId },
        { date_from: from, date_to: to },
        { signal },
      )
      return res.data
    }
    const onRequest = (rows: number): void => {
      requests++
      reviews += rows
      this.opts.onProgress?.({ requests, reviews })
    }
    const [labels, results] = await Promise.all([
      labelsNeeded ? this.fetchLabels(shop) : null,
      Promise.all(
        contiguousRanges(wanted).map(async ([from, to]) => ({
          from,
          result: await fetchSplit(from, to, fetchWindow, {
            limit: NPS_REVIEWS_LIMIT,
            zone: cache.zone,
            onRequest,
          }),
        })),
      ),
    ])
    if (labels) {
      // A failed label call keeps the names we had: codes still work as names.
      if (labels.channels.length) cache.channels = labels.channels
      if (labels.categories.length) cache.categories = labels.categories
    }
    if (wanted.length === 0) {
      await cache.save()
      return requests
    }

    const states = new Map<string, DayState>()
    for (const day of wanted) states.set(day, { fetchedAt: now, skipped: 0, truncated: false })
    const fresh: Review[] = []
    for (const { from, result } of results) {
      const parsed = parseReviews(result.rows, cache.zone)
      for (const r of parsed.reviews) fresh.push(r)
      for (const s of parsed.skipped) {
        // Undated rows are charged to the window's first day so they are still shown.
        const state = states.get(s.day ?? from) ?? states.get(from)
        if (state) state.skipped++
      }
      for (const day of result.truncatedDays) {
        const state = states.get(day)
        if (state) state.truncated = true
      }
    }
    cache.merge(states, fresh, now)
    await cache.save()
    this.memo = null
    return requests
  }

  private async fetchLabels(
    shop: ShopProfile,
  ): Promise<{ channels: NpsLabel[]; categories: NpsLabel[] }> {
    const ref = { profileId: shop.profileId }
    const [ch, cat] = await Promise.allSettled([
      this.opts.api.call('nps.channels', ref),
      this.opts.api.call('nps.categories', ref),
    ])
    return {
      channels: ch.status === 'fulfilled' ? parseLabels(ch.value.data) : [],
      categories: cat.status === 'fulfilled' ? parseLabels(cat.value.data) : [],
    }
  }

  private report(cache: ShopCache, q: LoadInput, requests: number): NpsReport {
    const channelName = nameLookup(cache.channels)
    const categoryName = nameLookup(cache.categories)
    const zone = cache.zone
    const base = { channel: q.channel, category: q.category, channelName, categoryName, zone }
    const current = aggregate(cache.reviews, {
      ...base,
      from: q.from,
      to: q.to,
      bucket: q.bucket,
      today: today(zone, this.now()),
    })
    const prev = previousPeriod(q.from, q.to)
    const previous = aggregate(cache.reviews, { ...base, ...prev, bucket: 'month' })
    let skipped = 0
    const truncatedDays: string[] = []
    for (const day of daysBetween(q.from, q.to)) {
      const s = cache.days.get(day)
      if (!s) continue
      skipped += s.skipped
      if (s.truncated) truncatedDays.push(day)
    }
    return {
      from: q.from,
      to: q.to,
      timeZone: zone,
      bucket: q.bucket,
      ...current,
      comparison: compareScores(current.summary, previous.summary, prev),
      skipped,
      truncatedDays,
      lastRefreshed:
        cache.lastRefreshed === null ? null : new Date(cache.lastRefreshed).toISOString(),
      channels: withSeen(cache.channels, current.byChannel),
      categories: withSeen(cache.categories, current.byCategory),
      requests,
      complete: daysBetween(prev.from, q.to).every((day) => cache.days.has(day)),
    }
  }

  /** The period's reviews after the explorer's filters, sorted; the last answer is kept for paging. */
  private filtered(
    cache: ShopCache,
    q: Omit<ReviewsInput, 'offset' | 'limit'> & Partial<Pick<ReviewsInput, 'offset' | 'limit'>>,
  ): Review[] {
    const { offset: _o, limit: _l, ...filter } = q
    const key = JSON.stringify(filter)
    if (this.memo?.key === key && this.memo.source === cache.reviews) return this.memo.rows
    const text = q.text?.trim().toLocaleLowerCase() ?? ''
    const rows = cache
      .range(dayStart(q.from, cache.zone), dayEnd(q.to, cache.zone))
      .filter(
        (r) =>
          (q.channel === undefined || r.channel === q.channel) &&
          (q.category === undefined || r.category === q.category) &&
          (q.group === undefined || npsGroupOf(r.rate) === q.group) &&
          (!q.withComment || r.comment !== null) &&
          (text === '' || (r.comment?.toLocaleLowerCase().includes(text) ?? false)),
      )
    const dir = q.sortOrder
    if (q.sortField === 'rate') rows.sort((a, b) => dir * (a.rate - b.rate) || b.time - a.time)
    else if (dir === -1) rows.reverse()
    this.memo = { key, source: cache.reviews, rows }
    return rows
  }
}

function nameLookup(labels: readonly NpsLabel[]): (code: string) => string {
  const map = new Map(labels.map((l) => [l.code, l.name]))
  return (code) => map.get(code) ?? code
}

/** The API's labels plus any code that only appears in the reviews. */
function withSeen(labels: readonly NpsLabel[], seen: readonly { code: string; name: string }[]) {
  const out = [...labels]
  for (const s of seen)
    if (s.code !== '' && !out.some((l) => l.code === s.code))
      out.push({ code: s.code, name: s.name })
  return out
}
