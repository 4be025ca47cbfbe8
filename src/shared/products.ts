import { z } from 'zod'
export { productFailures } from './failures/products'

/**
 * Product stats: the types both sides share, the inputs main parses, and the pure maths the
 * screen and main agree on (conversion, trends, top movers). Counters come from
 * /products/counters: "daily" = the last 24 hours, "now" = the last 15 minutes.
 */

export const itemIdSchema = z.string().trim().min(1).max(200)

export const counterMetrics = ['view', 'cart', 'purchase'] as const
export type CounterMetric = (typeof counterMetrics)[number]

export interface CounterSet {
  view: number
  cart: number
  purchase: number
}

export interface ProductCounters {
  /** The last 24 hours. */
  daily: CounterSet
  /** The last 15 minutes. */
  now: CounterSet
}

/** Shares 0…1; null when there is nothing to convert from (no views, no carts). */
export interface Conversion {
  viewToCart: number | null
  cartToPurchase: number | null
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)

export function conversionOf(c: CounterSet): Conversion {
  return { viewToCart: share(c.cart, c.view), cartToPurchase: share(c.purchase, c.cart) }
}

export interface ProductCard {
  itemId: string
  name: string
  description: string
  price: number | null
  currency: string
  url: string
  /** A data: URI the screen may show (the CSP allows nothing else); null when none. */
  picture: string | null
}

export interface ProductLookup {
  card: ProductCard
  counters: ProductCounters
  conversion: { daily: Conversion; now: Conversion }
  /** When the counters were read (the API's clock when it tells it). */
  at: string
}

export const lookupSchema = z.object({ itemId: itemIdSchema }).strict()

// ---- catalogue gaps: /products/not_widgetable

/** Why a product cannot appear in search, recommendations or messages. */
export const gapReasons = ['name', 'price', 'url', 'image', 'image-error'] as const
export type GapReason = (typeof gapReasons)[number]

export interface GapRow {
  itemId: string
  name: string
  price: number | null
  url: string
  imageUrl: string
  /** PersonaClick's own description of the failed download ('' when none). */
  imageError: string
  reasons: GapReason[]
}

export interface CatalogueGaps {
  /** What the API says under `total`. */
  total: number
  rows: GapRow[]
  /** Products per reason (a product with two reasons counts in both). */
  counts: Record<GapReason, number>
}

export const gapsFilterSchema = z
  .object({ reason: z.enum(gapReasons).optional(), text: z.string().max(200).optional() })
  .strict()
export type GapsFilter = z.infer<typeof gapsFilterSchema>

/** Reasons of one not-widgetable item: a blank field, or the image download's error. */
export function gapReasonsOf(item: {
  name?: string | null
  price?: number | null
  url?: string | null
  image_url?: string | null
  image_downloading_error?: string | null
}): GapReason[] {
  const blank = (v: string | null | undefined): boolean => !v || !v.trim()
  const out: GapReason[] = []
  if (blank(item.name)) out.push('name')
  if (item.price === null || item.price === undefined) out.push('price')
  if (blank(item.url)) out.push('url')
  if (blank(item.image_url)) out.push('image')
  else if (!blank(item.image_downloading_error)) out.push('image-error')
  return out
}

const matchesText = (text: string | undefined, ...fields: string[]): boolean => {
  const q = text?.trim().toLowerCase()
  return !q || fields.some((f) => f.toLowerCase().includes(q))
}

export function filterGaps(rows: readonly GapRow[], f: GapsFilter): GapRow[] {
  return rows.filter(
    (r) =>
      (!f.reason || r.reasons.includes(f.reason)) &&
      matchesText(f.text, r.itemId, r.name, r.imageError),
  )
}

// ---- categories: /products/categories

export interface CategoryNode {
  id: string
  externalId: string | null
  name: string
  url: string
  children: CategoryNode[]
}

// ---- search gaps: /search/no_result_queries

export interface SearchGap {
  /** 1 = the most searched query that found nothing. */
  rank: number
  query: string
  quantity: number
}

export interface SearchGaps {
  rows: SearchGap[]
  /** Rows the API sent without a query (the reference's own example has one). */
  skipped: number
}

export const searchGapsFilterSchema = z.object({ text: z.string().max(200).optional() }).strict()
export type SearchGapsFilter = z.infer<typeof searchGapsFilterSchema>

export function filterSearchGaps(rows: readonly SearchGap[], f: SearchGapsFilter): SearchGap[] {
  return rows.filter((r) => matchesText(f.text, r.query))
}

// ---- waiting customers: /products/subscribers/stock and /price

export const waitKinds = ['stock', 'price'] as const
export type WaitKind = (typeof waitKinds)[number]

export interface WaitingProduct {
  itemId: string
  barcode: string
  /** From /products/get (cached); null when the catalogue does not know the product. */
  name: string | null
  subscribers: number
  /** Date of the last subscription (YYYY-MM-DD), as the API gives it. */
  lastDate: string
}

export const waitingSchema = z.object({ kind: z.enum(waitKinds) }).strict()
export const waitingProductSchema = z
  .object({ kind: z.enum(waitKinds), itemId: itemIdSchema })
  .strict()

// ---- watchlist: snapshots of pinned products' counters, kept per shop

/** Snapshots are taken this often while the console runs. */
export const SNAPSHOT_INTERVAL_MS = 15 * 60_000
/** Two snapshots further apart than this have a gap between them (the app was closed). */
export const SNAPSHOT_GAP_MS = 2 * SNAPSHOT_INTERVAL_MS
export const MAX_COMPARE = 5
export const MAX_WATCHED = 50

export interface WatchedProduct {
  itemId: string
  name: string
  pinnedAt: string
}

export interface Snapshot {
  at: string
  /** Counters per pinned product; a product whose read failed is missing. */
  counters: Record<string, ProductCounters>
}

export interface Watchlist {
  items: WatchedProduct[]
  snapshots: Snapshot[]
  /** A run is under way (the schedule's or one asked for). */
  running: boolean
  lastRunAt: string | null
  /** Products whose counters could not be read in the last run. */
  lastRunFailed: string[]
}

export const pinSchema = z.object({ itemId: itemIdSchema }).strict()
export const watchExportSchema = z
  .object({ itemIds: z.array(itemIdSchema).max(MAX_WATCHED).optional() })
  .strict()

/** A point of a trend line; null values are gaps the chart leaves open. */
export interface TrendPoint {
  x: number
  y: number | null
}

/**
 * One product's line over the snapshots: the 24-hour counter of `metric` at each snapshot.
 * A gap longer than `gapMs` between two snapshots (the console was closed) gets a null
 * point between them, so the line breaks instead of drawing a slope nobody measured.
 */
export function trendOf(
  snapshots: readonly Snapshot[],
  itemId: string,
  metric: CounterMetric,
  gapMs: number = SNAPSHOT_GAP_MS,
): TrendPoint[] {
  const points: TrendPoint[] = []
  let last: number | null = null
  for (const s of [...snapshots].sort((a, b) => a.at.localeCompare(b.at))) {
    const x = Date.parse(s.at)
    const c = s.counters[itemId]
    if (last !== null && x - last > gapMs) points.push({ x: last + (x - last) / 2, y: null })
    points.push({ x, y: c ? c.daily[metric] : null })
    last = x
  }
  return points
}

export interface Mover {
  itemId: string
  name: string
  before: number
  after: number
  change: number
  /** Relative change; null when `before` is 0. */
  changeShare: number | null
}

/** How far from exactly 24 hours before the latest snapshot "yesterday's" may be. */
export const MOVER_WINDOW_MS = 3 * 60 * 60_000

/**
 * Biggest change of the 24-hour `metric` between the latest snapshot and the one nearest to
 * 24 hours before it (within MOVER_WINDOW_MS); biggest absolute change first, ties by the
 * larger relative change, then by item id, so the order never depends on input order.
 */
export function topMovers(
  snapshots: readonly Snapshot[],
  items: readonly WatchedProduct[],
  metric: CounterMetric,
): Mover[] {
  const sorted = [...snapshots].sort((a, b) => a.at.localeCompare(b.at))
  const latest = sorted.at(-1)
  if (!latest) return []
  const target = Date.parse(latest.at) - 24 * 60 * 60_000
  let yesterday: Snapshot | null = null
  for (const s of sorted) {
    const d = Math.abs(Date.parse(s.at) - target)
    if (d <= MOVER_WINDOW_MS && (!yesterday || d < Math.abs(Date.parse(yesterday.at) - target)))
      yesterday = s
  }
  if (!yesterday) return []
  const movers: Mover[] = []
  for (const item of items) {
    const a = yesterday.counters[item.itemId]
    const b = latest.counters[item.itemId]
    if (!a || !b) continue
    const before = a.daily[metric]
    const after = b.daily[metric]
    movers.push({
      itemId: item.itemId,
      name: item.name,
      before,
      after,
      change: after - before,
      changeShare: before > 0 ? (after - before) / before : null,
    })
  }
  const rel = (m: Mover): number => Math.abs(m.changeShare ?? Infinity)
  return movers.sort(
    (x, y) =>
      Math.abs(y.change) - Math.abs(x.change) ||
      rel(y) - rel(x) ||
      x.itemId.localeCompare(y.itemId),
  )
}
