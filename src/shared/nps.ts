import { z } from 'zod'
import { withCsvChoice } from './csv-export'
import { dayCount, isDay, isTimeZone, type TimeZone } from './days'

/**
 * NPS analytics: the types both sides share and the inputs main parses. Days are
 * YYYY-MM-DD in the shop's time zone (its record's `timeZone`), so a review written at
 * 00:30 in Berlin counts on the Berlin day the marketer lives in, not on the UTC day before.
 */

export const npsTimeZoneSchema = z.string().refine(isTimeZone, 'not an IANA time zone')

/** The API's scale is 1–10: promoters 9–10, passives 7–8, detractors 1–6. */
export const npsGroups = ['promoter', 'passive', 'detractor'] as const
export type NpsGroup = (typeof npsGroups)[number]

export function npsGroupOf(rate: number): NpsGroup {
  return rate >= 9 ? 'promoter' : rate >= 7 ? 'passive' : 'detractor'
}

export const npsBuckets = ['day', 'week', 'month'] as const
export type NpsBucket = (typeof npsBuckets)[number]

/** The longest period one request may ask for (a year and its previous year, roughly). */
export const NPS_MAX_PERIOD_DAYS = 800

const daySchema = z.string().refine(isDay, 'not a calendar day (YYYY-MM-DD)')

const code = z.string().min(1).max(100)

const periodShape = {
  from: daySchema,
  to: daySchema,
  channel: code.optional(),
  category: code.optional(),
}

const orderedPeriod = <T extends { from: string; to: string }>(v: T): boolean =>
  isDay(v.from) && isDay(v.to) && v.from <= v.to && dayCount(v.from, v.to) <= NPS_MAX_PERIOD_DAYS

export const npsPeriodSchema = z
  .object(periodShape)
  .strict()
  .refine(orderedPeriod, 'from must not be after to, and the period must be under 800 days')
export type NpsPeriod = z.infer<typeof npsPeriodSchema>

/** The period's reviews as a spreadsheet, with the marketer's separator. */
export const npsExportSchema = withCsvChoice(z.object(periodShape).strict()).refine(
  orderedPeriod,
  'from must not be after to, and the period must be under 800 days',
)

export const npsLoadSchema = z
  .object({
    ...periodShape,
    bucket: z.enum(npsBuckets).default('day'),
    /** Also re-fetch the most recent days (and any fetched before they were over). */
    refresh: z.boolean().default(false),
    /** Answer from the cache only, never fetch (a glance that must not cost requests). */
    cachedOnly: z.boolean().default(false),
  })
  .strict()
  .refine(orderedPeriod, 'from must not be after to, and the period must be under 800 days')
export type NpsLoadInput = z.input<typeof npsLoadSchema>

export const npsReviewsSchema = z
  .object({
    ...periodShape,
    group: z.enum(npsGroups).optional(),
    text: z.string().max(200).optional(),
    withComment: z.boolean().default(true),
    sortField: z.enum(['time', 'rate']).default('time'),
    sortOrder: z.union([z.literal(1), z.literal(-1)]).default(-1),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
  .refine(orderedPeriod, 'from must not be after to, and the period must be under 800 days')
export type NpsReviewsQuery = z.input<typeof npsReviewsSchema>

export interface NpsCounts {
  n: number
  promoters: number
  passives: number
  detractors: number
}

export interface NpsScore extends NpsCounts {
  /** −100…100; null when there are no responses. */
  nps: number | null
  /** 95% margin of error in NPS points; null when there are no responses. */
  margin: number | null
}

export interface NpsComparison {
  from: string
  to: string
  previous: NpsScore
  /** Current − previous NPS; null when either period has no responses. */
  delta: number | null
  /** 95% margin of the difference of two independent NPS values. */
  margin: number | null
  significant: boolean
}

export interface NpsTrendPoint extends NpsScore {
  /** First and last day of the bucket, clipped to the period. */
  from: string
  to: string
  /** The bucket is still running (it holds today): its reviews are not all in yet. */
  partial: boolean
}

export interface NpsLabel {
  code: string
  name: string
}

export interface NpsBreakdownRow extends NpsScore, NpsLabel {}

export interface NpsReport {
  from: string
  to: string
  /** The IANA zone the days are counted in: the shop's, or UTC when it has none. */
  timeZone: TimeZone
  bucket: NpsBucket
  summary: NpsScore
  comparison: NpsComparison
  trend: NpsTrendPoint[]
  /** Responses per score, index 0 = score 1 … index 9 = score 10. */
  distribution: number[]
  byChannel: NpsBreakdownRow[]
  byCategory: NpsBreakdownRow[]
  /** Rows in the period the API sent that were malformed or scored outside 1–10. */
  skipped: number
  /** Days where even the narrowest request returned the cap: possibly incomplete. */
  truncatedDays: string[]
  /** ISO time of the last successful fetch from PersonaClick for this shop. */
  lastRefreshed: string | null
  channels: NpsLabel[]
  categories: NpsLabel[]
  /** Requests this load made (0 when everything came from the cache). */
  requests: number
  /** Every day of the period and of its previous period has been fetched at least once. */
  complete: boolean
}

export interface NpsReviewRow {
  id: number
  time: string
  rate: number
  group: NpsGroup
  channel: string
  category: string
  comment: string | null
}

export interface NpsReviewPage {
  total: number
  offset: number
  rows: NpsReviewRow[]
}

/** Pushed while a load fetches from PersonaClick. */
export interface NpsProgress {
  requests: number
  reviews: number
}
