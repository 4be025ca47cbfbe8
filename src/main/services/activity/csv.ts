import { headerOf, toCsv, type CsvDialect, type CsvValue } from '../files/csv'
import type { ActivityRecord } from '../../../shared/activity'

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
export function activityCsv(records: readonly ActivityRecord[], dialect: CsvDialect): string {
  return toCsv(headerOf(dialect.words.columns.activity), records.map(row), dialect)
}
