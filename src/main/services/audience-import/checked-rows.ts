import type { RowIssue } from '../../../shared/import'
import { recordAt, type TableRow } from '../table-file'
import type { RowVerdict } from './row-validator'

/**
 * A run of checked rows, packed for the thread that de-duplicates and writes. Row `i` of
 * the run:
 * - `rowNumber[i]`: as the spreadsheet shows it, counted from the run's first record;
 * - `valid[i]`: 1 when the row is kept (possibly with warnings), 0 when rejected;
 * - its fields, for the error report, which needs them for a few rows only (and only the
 *   merge knows which duplicates): when the strict reader read the piece's UTF-8, where
 *   its record is in it (`places`, which moves between threads with the run), read again
 *   when needed; otherwise as JSON in UTF-8 in `fields` up to `fieldsEnd[i]`.
 *   Kept as strings they outlived young-generation collections, 20 MiB more heap at a
 *   million rows; made JSON for every row they were a JSON.stringify a row.
 * - kept rows: the row to upload as a JSON line in `rows` up to `rowsEnd[i]` (one string
 *   for the run: a string per row was as many objects to collect), the email as UTF-8 in
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
  places: RecordPlaces | null
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

/** Where each row's record is in UTF-8 text the strict reader read whole. */
export interface RecordPlaces {
  text: Buffer
  delimiter: string
  /** Row i's record: from `at[2i]` to `at[2i + 1]`, line end excluded. */
  at: Int32Array
}

/** Row `i`'s fields as the error report writes them (a JSON array of text). */
export function fieldsJson(run: CheckedRows, i: number): string {
  const p = run.places
  if (p) return JSON.stringify(recordAt(p.text, p.at[2 * i]!, p.at[2 * i + 1]!, p.delimiter))
  const fields = Buffer.from(run.fields.buffer, run.fields.byteOffset, run.fields.length)
  return fields.toString('utf8', i ? run.fieldsEnd[i - 1] : 0, run.fieldsEnd[i])
}

/**
 * The typed arrays of a run, to move rather than copy between threads. A piece's text and
 * its records' places go back whole (the piece's own memory, moved in from the reading
 * thread): the report reads a few rows' fields from them. Writing every row's fields as
 * JSON for the move instead was a tenth of a checking thread's time.
 */
export function transferables(run: CheckedRows): ArrayBuffer[] {
  const { rowNumber, valid, fields, fieldsEnd, rows, rowsEnd, emails, emailsEnd, phones } = run
  const views: ArrayBufferView[] = [rowNumber, valid, fields, fieldsEnd, rows, rowsEnd, emails]
  views.push(emailsEnd, phones)
  if (run.places) views.push(run.places.text, run.places.at)
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))]
}

/**
 * A run as it arrives from another thread: a Buffer comes over as a plain byte array, so
 * the piece's text is made a Buffer again (a view, no copy) for the report to read.
 */
export function unpackFromThread(run: CheckedRows): CheckedRows {
  const p = run.places
  if (!p || Buffer.isBuffer(p.text)) return run
  const text = p.text as Uint8Array
  return { ...run, places: { ...p, text: Buffer.from(text.buffer, text.byteOffset, text.length) } }
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

const UNDECODABLE: RowIssue[] = [{ field: 'row', reason: 'encoding-invalid' }]

/**
 * Checks `rows` with `check` and packs the verdicts. `bytes`: the run's size in the file.
 * `places`: where the rows' records are, when known (else their fields are kept as JSON).
 */
export function checkRows(
  rows: readonly TableRow[],
  rowNumbers: number,
  check: (fields: readonly string[]) => RowVerdict,
  bytes = 64 * 1024,
  places: RecordPlaces | null = null,
): CheckedRows {
  const n = rows.length
  const rowNumber = new Int32Array(n)
  const valid = new Uint8Array(n)
  const rowsEnd = new Int32Array(n)
  const emailsEnd = new Int32Array(n)
  const phones = new Float64Array(n).fill(NaN)
  const otherPhones = new Map<number, string>()
  const problems = new Map<number, RowIssue[]>()
  const fieldsEnd = new Int32Array(n)
  const fields = new Utf8Sink(places ? 0 : bytes * 1.25)
  // A row's JSON line is about twice its bytes in the file (keys, quotes).
  const lines = new Utf8Sink(bytes * 2.5)
  const emails = new Utf8Sink(bytes / 3)
  for (let i = 0; i < n; i++) {
    const row = rows[i]!
    rowNumber[i] = row.rowNumber
    if (!places) fieldsEnd[i] = fields.append(JSON.stringify(row.fields))
    if (row.undecodable)
      problems.set(
        i,
        UNDECODABLE.map((p) => ({ ...p })),
      )
    else {
      const v = check(row.fields)
      if (!v.ok) problems.set(i, v.issues!)
      else {
        valid[i] = 1
        if (v.issues) problems.set(i, v.issues)
        lines.append(v.line)
        if (v.email !== undefined) emails.append(v.email)
        if (v.phone !== undefined) {
          if (CANONICAL_PHONE.test(v.phone)) phones[i] = Number(v.phone)
          else otherPhones.set(i, v.phone)
        }
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
    places,
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
