import { dayOf, type TimeZone } from '../../../shared/days'
import type { NpsLabel } from '../../../shared/nps'
import type { EndpointAnswer } from '../../api'

/**
 * Readers for /nps/* answers. The client has already removed the envelope and checked the
 * shape (answers.ts); a row's values can still be nonsense (a score of 11, an unreadable
 * date), so such a row is counted and dropped here instead of breaking the screen.
 */

/** A review as the console keeps it: no e-mail, phone or client id (analytics needs none). */
export interface Review {
  id: number
  /** created_at, epoch ms. */
  time: number
  /** 1–10. */
  rate: number
  channel: string
  category: string
  comment: string | null
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function intOf(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v
  return typeof n === 'number' && Number.isInteger(n) ? n : null
}

const textOf = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''

/** One row, or null when it cannot be counted (no id, no valid date, score outside 1–10). */
export function parseReview(row: unknown): Review | null {
  if (!isRecord(row)) return null
  const id = intOf(row.id)
  const rate = intOf(row.rate)
  const time = typeof row.created_at === 'string' ? Date.parse(row.created_at) : NaN
  if (id === null || rate === null || rate < 1 || rate > 10 || Number.isNaN(time)) return null
  const comment = typeof row.comment === 'string' && row.comment.trim() !== '' ? row.comment : null
  return { id, time, rate, channel: textOf(row.channel), category: textOf(row.category), comment }
}

export interface ParsedReviews {
  reviews: Review[]
  /** Rows dropped, with the day they belong to when their date could be read. */
  skipped: { day: string | null }[]
}

/** `zone`: the shop's, whose day a dropped row is charged to. */
export function parseReviews(rows: readonly unknown[], zone: TimeZone): ParsedReviews {
  const reviews: Review[] = []
  const skipped: { day: string | null }[] = []
  for (const row of rows) {
    const r = parseReview(row)
    if (r) {
      reviews.push(r)
      continue
    }
    const at =
      isRecord(row) && typeof row.created_at === 'string' ? Date.parse(row.created_at) : NaN
    skipped.push({ day: Number.isNaN(at) ? null : dayOf(at, zone) })
  }
  return { reviews, skipped }
}

/** /nps/channels and /nps/categories: {code, name}; the name falls back to the code. */
export function parseLabels(rows: EndpointAnswer<'nps.channels' | 'nps.categories'>): NpsLabel[] {
  const out: NpsLabel[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    const code = textOf(row.code)
    // The reference's own example lists ios_app twice: keep the first.
    if (code === '' || seen.has(code)) continue
    seen.add(code)
    const name = textOf(row.name)
    out.push({ code, name: name === '' ? code : name })
  }
  return out
}
