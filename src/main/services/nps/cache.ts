import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UTC, dayEnd, dayStart, type TimeZone } from '../../../shared/days'
import type { NpsLabel } from '../../../shared/nps'
import { writeFileAtomic } from '../../store/json-file'
import { lowerBound } from './maths'
import type { Review } from './parse'

/**
 * One shop's reviews on disk (<dataDir>/nps/<profile>.json), so reopening the screen or
 * widening the period asks PersonaClick only for the days it has not seen. Rows are stored
 * as tuples (a year of a busy shop is a few MB instead of three times that) and validated by
 * hand on read: a zod pass over a million tuples would take longer than the fetch it saves.
 */

export interface DayState {
  /** When the day was last fetched (epoch ms). */
  fetchedAt: number
  /** Rows the API sent for this day that could not be counted. */
  skipped: number
  /** The narrowest request for this day still returned the cap. */
  truncated: boolean
}

type Tuple = [number, number, number, string, string, string | null]

interface CacheFile {
  version: 1
  /** Which shop the rows came from; a different shop ID behind the profile drops them. */
  shopKey: string
  /**
   * The zone the `days` are days of. A shop whose zone changed gets an empty cache: its
   * fetched days cover other hours. Files from before zones were kept are UTC.
   */
  timeZone?: TimeZone
  lastRefreshed: number | null
  days: Record<string, [number, number, 0 | 1]>
  channels: NpsLabel[]
  categories: NpsLabel[]
  reviews: Tuple[]
}

export class ShopCache {
  /** Sorted by time; replaced (never mutated in place) so readers can hold on to it. */
  reviews: Review[] = []
  days = new Map<string, DayState>()
  channels: NpsLabel[] = []
  categories: NpsLabel[] = []
  lastRefreshed: number | null = null

  constructor(
    readonly file: string,
    readonly shopKey: string,
    readonly zone: TimeZone,
  ) {}

  /**
   * Replaces the given days' rows with `fresh` (deduplicated by id) and marks them fetched.
   * Fresh rows outside those days (an API that widened the window) are not kept.
   */
  merge(days: Map<string, DayState>, fresh: readonly Review[], now: number): void {
    const inDays = this.spans([...days.keys()])
    const byId = new Map<number, Review>()
    for (const r of this.reviews) if (!inDays(r.time)) byId.set(r.id, r)
    for (const r of fresh) if (inDays(r.time)) byId.set(r.id, r)
    this.reviews = [...byId.values()].sort((a, b) => a.time - b.time || a.id - b.id)
    for (const [day, state] of days) this.days.set(day, state)
    this.lastRefreshed = now
  }

  /** Whether an instant lies on one of `days` in this cache's zone (a lookup per review). */
  private spans(days: readonly string[]): (time: number) => boolean {
    const starts = days.map((d) => [dayStart(d, this.zone), dayEnd(d, this.zone)] as const)
    starts.sort((a, b) => a[0] - b[0])
    return (time) => {
      let lo = 0
      let hi = starts.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((starts[mid] as readonly [number, number])[1] <= time) lo = mid + 1
        else hi = mid
      }
      const span = starts[lo]
      return span !== undefined && span[0] <= time
    }
  }

  /** A day is over (and its fetch final) once SETTLE_MS after its end in this zone. */
  isSettled(day: string, state: DayState): boolean {
    return state.fetchedAt >= dayEnd(day, this.zone) + SETTLE_MS
  }

  /** Reviews of the days `from`..`to` (inclusive), as a slice of the sorted array. */
  range(fromMs: number, toMsExclusive: number): Review[] {
    return this.reviews.slice(
      lowerBound(this.reviews, fromMs),
      lowerBound(this.reviews, toMsExclusive),
    )
  }

  async save(): Promise<void> {
    const days: CacheFile['days'] = {}
    for (const [day, s] of this.days) days[day] = [s.fetchedAt, s.skipped, s.truncated ? 1 : 0]
    const body: CacheFile = {
      version: 1,
      shopKey: this.shopKey,
      timeZone: this.zone,
      lastRefreshed: this.lastRefreshed,
      days,
      channels: this.channels,
      categories: this.categories,
      reviews: this.reviews.map((r) => [r.id, r.time, r.rate, r.channel, r.category, r.comment]),
    }
    await writeFileAtomic(this.file, JSON.stringify(body))
  }

  static fileFor(dataDir: string, profileId: string): string {
    return join(dataDir, 'nps', `${profileId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`)
  }

  /** A missing, corrupt, other-shop or other-zone file gives an empty cache: it is only a cache. */
  static async load(file: string, shopKey: string, zone: TimeZone): Promise<ShopCache> {
    const cache = new ShopCache(file, shopKey, zone)
    let raw: unknown
    try {
      raw = JSON.parse(await readFile(file, 'utf8'))
    } catch {
      return cache
    }
    const f = raw as Partial<CacheFile> | null
    if (!f || f.version !== 1 || f.shopKey !== shopKey || !Array.isArray(f.reviews)) return cache
    if ((f.timeZone ?? UTC) !== zone) return cache
    const reviews: Review[] = []
    for (const t of f.reviews as unknown[]) {
      if (!Array.isArray(t) || t.length !== 6) continue
      const [id, time, rate, channel, category, comment] = t as unknown[]
      if (typeof id !== 'number' || typeof time !== 'number' || typeof rate !== 'number') continue
      if (typeof channel !== 'string' || typeof category !== 'string') continue
      if (rate < 1 || rate > 10) continue
      reviews.push({
        id,
        time,
        rate,
        channel,
        category,
        comment: typeof comment === 'string' ? comment : null,
      })
    }
    cache.reviews = reviews.sort((a, b) => a.time - b.time || a.id - b.id)
    for (const [day, s] of Object.entries(f.days ?? {})) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !Array.isArray(s)) continue
      const [fetchedAt, skipped, truncated] = s as unknown[]
      if (typeof fetchedAt !== 'number') continue
      cache.days.set(day, {
        fetchedAt,
        skipped: typeof skipped === 'number' ? skipped : 0,
        truncated: truncated === 1,
      })
    }
    cache.channels = labels(f.channels)
    cache.categories = labels(f.categories)
    cache.lastRefreshed = typeof f.lastRefreshed === 'number' ? f.lastRefreshed : null
    return cache
  }
}

function labels(v: unknown): NpsLabel[] {
  if (!Array.isArray(v)) return []
  return v.filter(
    (l): l is NpsLabel =>
      typeof l === 'object' &&
      l !== null &&
      typeof (l as NpsLabel).code === 'string' &&
      typeof (l as NpsLabel).name === 'string',
  )
}

/** A day is over (and its fetch final) once this long after its end has passed. */
export const SETTLE_MS = 60 * 60 * 1000
