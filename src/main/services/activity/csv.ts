import { toCsv, type CsvValue } from '../files/csv'
import type { ActivityRecord } from '../../../shared/activity'

const HEADER = [
  'id',
  'time',
  'profile',
  'shop_id',
  'method',
  'path',
  'status',
  'outcome',
  'error_code',
  'duration_ms',
  'bytes',
  'retries',
  'params',
] as const

function row(r: ActivityRecord): CsvValue[] {
  return [
    r.id,
    r.time,
    r.profileId,
    r.shopId,
    r.method,
    r.path,
    r.status,
    r.outcome,
    r.errorCode ?? '',
    r.durationMs,
    r.bytes,
    r.retries,
    JSON.stringify(r.params),
  ]
}

/** The activity log as a spreadsheet-safe CSV document (BOM, CRLF, formulas neutralised). */
export function activityCsv(records: readonly ActivityRecord[]): string {
  return toCsv(HEADER, records.map(row))
}
