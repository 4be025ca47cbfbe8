import type { RowIssue } from '../../../shared/import'
import type { TableRow } from '../table-file'
import type { RowVerdict } from './row-validator'

/**
 * A run of checked rows, packed for the trip from a checking thread to the thread that
 * de-duplicates and writes (structured clone copies a few long strings and typed arrays far
 * faster than a million small objects). Row `i` of the run:
 * - `rowNumber[i]`: as the spreadsheet shows it, counted from the run's first record;
 * - `valid[i]`: 1 when the row is kept (possibly with warnings), 0 when rejected;
 * - its fields as JSON in `fieldsText` up to `fieldsEnd[i]` (for the error report);
 * - kept rows: the row to upload as a JSON line in `rowsText` up to `rowsEnd[i]`, the email
 *   as UTF-8 in `emails` up to `emailsEnd[i]` (none: empty), the phone's digits as a number
 *   in `phones[i]` (none: NaN; not digits: in `otherPhones`);
 * - `problems`: the rejected row's reasons or the kept row's warnings, by `i`, when any.
 */
export interface CheckedRows {
  rows: number
  /** Row numbers the run used (records, less a hidden `sep=` line), to offset the next run. */
  rowNumbers: number
  rowNumber: Int32Array
  valid: Uint8Array
  fieldsText: string
  fieldsEnd: Int32Array
  rowsText: string
  rowsEnd: Int32Array
  emails: Uint8Array
  emailsEnd: Int32Array
  phones: Float64Array
  otherPhones: Map<number, string>
  problems: Map<number, RowIssue[]>
  /** Bytes of the file up to the first undecodable row's line, when the run has one. */
  firstUndecodableAt?: number
}

/**
 * A phone's digits (country code first, never a leading 0, at most 15) fit a double exactly.
 * Anything else (a custom column named "phone") keeps its text, in `otherPhones`.
 */
const CANONICAL_PHONE = /^[1-9]\d{0,14}$/

/** Checks `rows` with `check` and packs the verdicts. */
export function checkRows(
  rows: readonly TableRow[],
  rowNumbers: number,
  check: (fields: readonly string[]) => RowVerdict,
): CheckedRows {
  const n = rows.length
  const rowNumber = new Int32Array(n)
  const valid = new Uint8Array(n)
  const fieldsEnd = new Int32Array(n)
  const rowsEnd = new Int32Array(n)
  const emailsEnd = new Int32Array(n)
  const phones = new Float64Array(n)
  const otherPhones = new Map<number, string>()
  const problems = new Map<number, RowIssue[]>()
  const fields: string[] = []
  const lines: string[] = []
  const emails: string[] = []
  let fieldsLength = 0
  let rowsLength = 0
  let emailsLength = 0
  for (let i = 0; i < n; i++) {
    const row = rows[i]!
    rowNumber[i] = row.rowNumber
    const f = JSON.stringify(row.fields)
    fields.push(f)
    fieldsEnd[i] = fieldsLength += f.length
    const v: RowVerdict = row.undecodable
      ? { ok: false, problems: [{ field: 'row', reason: 'encoding-invalid' }] }
      : check(row.fields)
    phones[i] = NaN
    if (!v.ok) {
      problems.set(i, v.problems)
    } else {
      valid[i] = 1
      if (v.warnings.length) problems.set(i, v.warnings)
      const line = JSON.stringify(v.row) + '\n'
      lines.push(line)
      rowsLength += line.length
      const email = v.row.email
      if (email !== undefined) {
        const e = String(email)
        emails.push(e)
        emailsLength += Buffer.byteLength(e)
      }
      if (v.row.phone !== undefined) {
        const p = String(v.row.phone)
        if (CANONICAL_PHONE.test(p)) phones[i] = Number(p)
        else otherPhones.set(i, p)
      }
    }
    rowsEnd[i] = rowsLength
    emailsEnd[i] = emailsLength
  }
  const emailBytes = new Uint8Array(emailsLength)
  Buffer.from(emailBytes.buffer).write(emails.join(''))
  return {
    rows: n,
    rowNumbers,
    rowNumber,
    valid,
    fieldsText: fields.join(''),
    fieldsEnd,
    rowsText: lines.join(''),
    rowsEnd,
    emails: emailBytes,
    emailsEnd,
    phones,
    otherPhones,
    problems,
  }
}
