import { z } from 'zod'
import type { AppError } from './errors'
export { promoFailures } from './failures/promo-codes'

/**
 * Promo-code lists of the active shop: types and rules shared by main and the renderer.
 * Lists are created in PersonaClick's back office; the console lists them, uploads codes,
 * purges unsent codes and deletes codes. It never fetches a code (`/promo_codes/fetch`
 * hands a real code out for good).
 */

/** Warn when a list has fewer codes available than this, unless the marketer set another. */
export const DEFAULT_THRESHOLD = 500
/** Codes per upload request unless the marketer chose another size. */
export const DEFAULT_BATCH_SIZE = 10_000
export const MAX_BATCH_SIZE = 50_000
export const MAX_GENERATED = 1_000_000
export const MAX_CODE_LENGTH = 64
/** A snapshot of every list is taken on each refresh and this often while the app is open. */
export const SNAPSHOT_EVERY_MS = 30 * 60_000

/**
 * Characters of generated codes: capitals and digits without the look-alikes 0/O, 1/I/L,
 * so a code read off a screen or a receipt is typed right.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
/** In a pattern, each of these is one random character; everything else is kept. */
export const PATTERN_SLOT = 'X'

const listId = z.string().trim().min(1).max(40)

/** One available-count reading of a list, for the sparkline and the forecast. */
export interface StockPoint {
  /** ISO time. */
  t: string
  available: number
}

/** When a list runs out at the recent pace, or why that cannot be said. */
export type Forecast =
  | { kind: 'days'; days: number }
  | { kind: 'empty' }
  | { kind: 'steady' }
  | { kind: 'not-enough-history' }

export interface PromoList {
  id: string
  name: string
  available: number
  threshold: number
  /** Fewer codes available than the threshold. */
  low: boolean
  /** Readings, oldest first (at most the last 30 days). */
  history: StockPoint[]
  forecast: Forecast
}

export interface PromoListsState {
  lists: PromoList[]
  /** When the lists were read from PersonaClick. */
  fetchedAt: string
}

/** A list fell under its threshold (pushed as an event; the screen shows a toast). */
export interface LowStockAlert {
  profileId: string
  listId: string
  name: string
  available: number
  threshold: number
}

export const thresholdSchema = z
  .object({ listId, threshold: z.number().int().min(0).max(100_000_000) })
  .strict()

/** Where the codes of an upload (or a deletion) come from. */
export const codeSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('file'),
      fileId: z.string().uuid(),
      /** Zero-based column holding the codes. */
      column: z.number().int().min(0).max(1000).default(0),
      hasHeader: z.boolean().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('paste'), text: z.string().max(20_000_000) }).strict(),
  z
    .object({
      kind: z.literal('generate'),
      pattern: z.string().max(MAX_CODE_LENGTH),
      count: z.number().int().min(1).max(MAX_GENERATED),
    })
    .strict(),
])
export type CodeSource = z.input<typeof codeSourceSchema>

export const reviewInputSchema = z.object({ listId, source: codeSourceSchema }).strict()
export type ReviewInput = z.input<typeof reviewInputSchema>

export const invalidReasons = ['empty', 'whitespace', 'too-long', 'control'] as const
export type InvalidReason = (typeof invalidReasons)[number]

export interface InvalidCode {
  /** Line (paste) or spreadsheet row (file) it came from. */
  line: number
  /** The code as read, cut to 80 characters, control characters shown as `�`. */
  code: string
  reason: InvalidReason
}

/** What an upload would send, shown before anything is sent. */
export interface UploadReview {
  reviewId: string
  listId: string
  /** Codes read (or generated), before anything was removed. */
  read: number
  /** Codes that will be sent. */
  count: number
  /** Repeats within this upload (each kept once). */
  duplicates: number
  /** Codes this console already uploaded to the list (not sent again). */
  alreadyUploaded: number
  invalidCount: number
  /** The first invalid codes (at most 100). */
  invalid: InvalidCode[]
  /** The first few codes, to check the column or the pattern. */
  sample: string[]
}

export const uploadStartSchema = z
  .object({
    reviewId: z.string().uuid(),
    batchSize: z.number().int().min(1).max(MAX_BATCH_SIZE).default(DEFAULT_BATCH_SIZE),
  })
  .strict()
export type UploadStart = z.input<typeof uploadStartSchema>

export const uploadControlSchema = z
  .object({ jobId: z.string().uuid(), action: z.enum(['pause', 'resume', 'cancel']) })
  .strict()

/** An upload job as the screen shows it. */
export interface UploadJobState {
  id: string
  profileId: string
  listId: string
  listName: string
  status: 'running' | 'paused' | 'done' | 'cancelled'
  total: number
  /** Codes in acknowledged batches. */
  sent: number
  batchSize: number
  /** Available codes in the list just before the upload, and after it finished. */
  before: number | null
  after: number | null
  createdAt: string
  /** Came back from a crash or a quit while it ran. */
  interrupted: boolean
  error?: AppError
}

export const purgeSchema = z.object({ listId, confirmName: z.string().max(500) }).strict()

/** Available codes before and after a purge (or a deletion). */
export interface StockChange {
  before: number
  after: number
}

export const deleteSchema = z
  .object({
    listId,
    source: codeSourceSchema,
    batchSize: z.number().int().min(1).max(MAX_BATCH_SIZE).optional(),
  })
  .strict()

export interface DeleteResult extends StockChange {
  requested: number
  deleted: number
  notFound: number
}

/** Why a code cannot be uploaded, or null when it can (after trimming the ends). */
export function invalidReason(code: string): InvalidReason | null {
  if (code === '') return 'empty'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(code)) return 'control'
  if (/\s/.test(code)) return 'whitespace'
  if (code.length > MAX_CODE_LENGTH) return 'too-long'
  return null
}

/** Why a pattern cannot make `count` distinct codes, or null when it can. */
export function patternProblem(
  pattern: string,
  count: number,
): 'no-slots' | 'invalid' | 'too-few-combinations' | null {
  const slots = [...pattern].filter((c) => c === PATTERN_SLOT).length
  if (slots === 0) return 'no-slots'
  if (invalidReason(pattern) !== null) return 'invalid'
  // At most a quarter of the combinations, so random draws rarely collide.
  if (CODE_ALPHABET.length ** slots < count * 4) return 'too-few-combinations'
  return null
}

const DAY_MS = 86_400_000
/** The pace is read from the last week of readings. */
const PACE_WINDOW_MS = 7 * DAY_MS
/** Readings less than an hour apart say nothing about a pace. */
const MIN_SPAN_MS = 60 * 60_000

/**
 * When a list runs out at its recent pace: codes handed out (drops in the available count;
 * rises are uploads, not negative use) over the last week of readings.
 */
export function forecast(history: readonly StockPoint[], available: number): Forecast {
  if (available <= 0) return { kind: 'empty' }
  const end = history.length ? Date.parse(history[history.length - 1]!.t) : 0
  const recent = history.filter((p) => end - Date.parse(p.t) <= PACE_WINDOW_MS)
  if (recent.length < 2) return { kind: 'not-enough-history' }
  const span = end - Date.parse(recent[0]!.t)
  if (span < MIN_SPAN_MS) return { kind: 'not-enough-history' }
  let used = 0
  for (let i = 1; i < recent.length; i++)
    used += Math.max(0, recent[i - 1]!.available - recent[i]!.available)
  if (used === 0) return { kind: 'steady' }
  const perDay = (used / span) * DAY_MS
  return { kind: 'days', days: Math.max(0, Math.round((available / perDay) * 10) / 10) }
}
