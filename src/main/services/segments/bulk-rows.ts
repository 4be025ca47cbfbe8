import type { UnitLine } from '../../jobs/runner'
import type {
  RowOutcome,
  RowRejection,
  SegmentBulkAction,
  SegmentBulkReview,
  SegmentBulkSource,
} from '../../../shared/segments'
import { normaliseEmail, normalisePhone } from '../audience-import/normalise'
import type { BulkRow } from '../sends/bulk-rows'

/** One row as the job will treat it: the contact to send, or why it is not sent. */
export interface SegmentRow {
  rowNumber: number
  email: string | null
  phone: string | null
  /** The identifiers as the file had them (for the report of a rejected row). */
  raw: string
  rejection: RowRejection | null
}

/** Where a source's rows come from: the table-file reader for a file, the list itself. */
export type RawRows = (
  source: SegmentBulkSource,
) => AsyncIterable<{ rowNumber: number; email: string; phone: string }>

/**
 * Reads every row with the import's rule (`normalise.ts` over `shared/contacts.ts`): a bad
 * email or phone rejects the row, a row without either is rejected, and a contact already
 * seen in an earlier row is a duplicate (sending it again would change nothing).
 */
export async function* classify(
  rows: AsyncIterable<{ rowNumber: number; email: string; phone: string }>,
  country: string,
): AsyncIterable<SegmentRow> {
  const seen = new Set<string>()
  for await (const { rowNumber, email: e, phone: p } of rows) {
    const raw = [e.trim(), p.trim()].filter(Boolean).join(' ')
    const email = normaliseEmail(e)
    const phone = normalisePhone(p, country)
    const row = { rowNumber, email: null, phone: null, raw }
    if (email && 'error' in email) yield { ...row, rejection: 'email-invalid' }
    else if (phone && 'error' in phone) yield { ...row, rejection: 'phone-invalid' }
    else if (!email && !phone) yield { ...row, rejection: 'no-identifier' }
    else {
      const ok = {
        ...row,
        email: email ? String(email.value) : null,
        phone: phone ? String(phone.value) : null,
      }
      const keys = [ok.email && `e:${ok.email}`, ok.phone && `p:${ok.phone}`].filter(
        (k): k is string => Boolean(k),
      )
      const duplicate = keys.some((k) => seen.has(k))
      for (const k of keys) seen.add(k)
      yield { ...ok, rejection: duplicate ? 'duplicate' : null }
    }
  }
}

const SAMPLES = 20

/** Counts for the review step, and the first rejected rows to show. */
export async function review(rows: AsyncIterable<SegmentRow>): Promise<SegmentBulkReview> {
  const out: SegmentBulkReview = { total: 0, valid: 0, rejected: 0, duplicates: 0, samples: [] }
  for await (const r of rows) {
    out.total++
    if (r.rejection === null) out.valid++
    else if (r.rejection === 'duplicate') out.duplicates++
    else out.rejected++
    if (r.rejection && out.samples.length < SAMPLES)
      out.samples.push({ row: r.rowNumber, value: r.raw, reason: r.rejection })
  }
  return out
}

/** A row in the job's snapshot (`rows.jsonl`, the bulk sends' format: fields by position). */
export function toSnapshot(r: SegmentRow): BulkRow {
  return {
    rowNumber: r.rowNumber,
    fields: [r.email ?? '', r.phone ?? '', r.raw, r.rejection ?? ''],
  }
}

export function fromSnapshot(row: BulkRow): SegmentRow {
  const [email = '', phone = '', raw = '', rejection = ''] = row.fields
  return {
    rowNumber: row.rowNumber,
    email: email || null,
    phone: phone || null,
    raw,
    rejection: (rejection || null) as RowRejection | null,
  }
}

/** What `job.json` holds. */
export interface SegmentJobConfig {
  id: string
  profileId: string
  sourceName: string
  action: SegmentBulkAction
  segmentId: number
  ratePerSecond: number
  total: number
  createdAt: string
}

/** A row's line in the journal (`r`: its row number). */
export interface SegmentLine extends UnitLine {
  s: 'pending' | RowOutcome
  /** Requests beyond the first (429, 5xx, a dropped connection): the row was retried. */
  n?: number
  /** The error code and PersonaClick's own reason, for a failed row. */
  err?: string
  am?: string
}
