import type { RowIssue } from '../../../shared/import'
import type { TableRow } from '../table-file'
import type { RowVerdict } from './row-validator'

/**
 * A run of checked rows, packed for the trip from a checking thread to the thread that
 * de-duplicates and writes (structured clone copies a few byte arrays far faster than a
 * million small objects). Text is kept as UTF-8 bytes from the moment it is made: a million
 * JSON strings held until the run is sent would survive garbage collections and be copied
 * by each (it cost more than making them). Row `i` of the run:
 * - `rowNumber[i]`: as the spreadsheet shows it, counted from the run's first record;
 * - `valid[i]`: 1 when the row is kept (possibly with warnings), 0 when rejected;
 * - its fields as JSON in `fields` up to `fieldsEnd[i]` (for the error report);
 * - kept rows: the row to upload as a JSON line in `rows` up to `rowsEnd[i]`, the email in
 *   `emails` up to `emailsEnd[i]` (none: empty), the phone's digits as a number in
 *   `phones[i]` (none: NaN; not digits: in `otherPhones`);
 * - `problems`: the rejected row's reasons or the kept row's warnings, by `i`, when any.
 */
export interface CheckedRows {
  count: number
  /** Row numbers the run used (records, less a hidden `sep=` line), to offset the next run. */
  rowNumbers: number
  rowNumber: Int32Array
  valid: Uint8Array
  fields: Uint8Array
  fieldsEnd: Int32Array
  rows: Uint8Array
  rowsEnd: Int32Array
  emails: Uint8Array
  emailsEnd: Int32Array
  phones: Float64Array
  otherPhones: Map<number, string>
  problems: Map<number, RowIssue[]>
  /** Bytes of the file up to the first undecodable row's line, when the run has one. */
  firstUndecodableAt?: number
}

/** The typed arrays of a run, to transfer rather than copy between threads. */
export function transferables(run: CheckedRows): ArrayBuffer[] {
  const { rowNumber, valid, fields, fieldsEnd, rows, rowsEnd, emails, emailsEnd, phones } = run
  const views: ArrayBufferView[] = [rowNumber, valid, fields, fieldsEnd, rows, rowsEnd, emails]
  views.push(emailsEnd, phones)
  return views.map((v) => v.buffer as ArrayBuffer)
}

/** Text appended as UTF-8 to one growing buffer. */
class Utf8Sink {
  private buf: Buffer
  length = 0
  constructor(initial: number) {
    // Above the pool size, so the buffer owns its memory and can be transferred.
    this.buf = Buffer.allocUnsafeSlow(Math.max(initial, 64 * 1024))
  }
  append(text: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.length + text.length * 3 > this.buf.length) {
      const grown = Buffer.allocUnsafeSlow(
        Math.max(this.buf.length * 2, this.length + text.length * 3),
      )
      this.buf.copy(grown, 0, 0, this.length)
      this.buf = grown
    }
    this.length += this.buf.write(text, this.length)
    return this.length
  }
  bytes(): Uint8Array {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.length)
  }
}

/**
 * A phone's digits (country code first, never a leading 0, at most 15) fit a double exactly.
 * Anything else (a custom column named "phone") keeps its text, in `otherPhones`.
 */
const CANONICAL_PHONE = /^[1-9]\d{0,14}$/

/** Checks `rows` with `check` and packs the verdicts. `bytes`: the run's size in the file. */
export function checkRows(
  rows: readonly TableRow[],
  rowNumbers: number,
  check: (fields: readonly string[]) => RowVerdict,
  bytes = 64 * 1024,
): CheckedRows {
  const n = rows.length
  const rowNumber = new Int32Array(n)
  const valid = new Uint8Array(n)
  const fieldsEnd = new Int32Array(n)
  const rowsEnd = new Int32Array(n)
  const emailsEnd = new Int32Array(n)
  const phones = new Float64Array(n).fill(NaN)
  const otherPhones = new Map<number, string>()
  const problems = new Map<number, RowIssue[]>()
  const fields = new Utf8Sink(bytes * 1.25)
  const lines = new Utf8Sink(bytes * 1.25)
  const emails = new Utf8Sink(bytes / 3)
  for (let i = 0; i < n; i++) {
    const row = rows[i]!
    rowNumber[i] = row.rowNumber
    fieldsEnd[i] = fields.append(JSON.stringify(row.fields))
    const v: RowVerdict = row.undecodable
      ? { ok: false, problems: [{ field: 'row', reason: 'encoding-invalid' }] }
      : check(row.fields)
    if (!v.ok) problems.set(i, v.problems)
    else {
      valid[i] = 1
      if (v.warnings.length) problems.set(i, v.warnings)
      lines.append(JSON.stringify(v.row) + '\n')
      if (v.row.email !== undefined) emails.append(String(v.row.email))
      if (v.row.phone !== undefined) {
        const p = String(v.row.phone)
        if (CANONICAL_PHONE.test(p)) phones[i] = Number(p)
        else otherPhones.set(i, p)
      }
    }
    rowsEnd[i] = lines.length
    emailsEnd[i] = emails.length
  }
  return {
    count: n,
    rowNumbers,
    rowNumber,
    valid,
    fields: fields.bytes(),
    fieldsEnd,
    rows: lines.bytes(),
    rowsEnd,
    emails: emails.bytes(),
    emailsEnd,
    phones,
    otherPhones,
    problems,
  }
}
