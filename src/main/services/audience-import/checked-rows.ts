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
  const run = new RunPacker(check, bytes, rows.length, places !== null)
  for (let i = 0; i < rows.length; i++)
    run.add(rows[i]!, places ? places.at[2 * i]! : 0, places ? places.at[2 * i + 1]! : 0)
  return run.finish(rowNumbers, places?.text ?? null, places?.delimiter ?? ',')
}

/**
 * Checks rows one at a time and packs the verdicts into a run (`CheckedRows`), so a row's
 * fields are garbage as soon as it is checked. `keepsPlaces`: the rows' records are places
 * (`add`'s `from` and `to`) in UTF-8 text the run is given at the end; otherwise each row's
 * fields are kept as JSON.
 */
export class RunPacker {
  private n = 0
  private rowNumber: Int32Array
  private valid: Uint8Array
  private rowsEnd: Int32Array
  private emailsEnd: Int32Array
  private fieldsEnd: Int32Array
  private phones: Float64Array
  private at: Int32Array
  private readonly otherPhones = new Map<number, string>()
  private readonly problems = new Map<number, RowIssue[]>()
  private readonly fields: Utf8Sink
  private readonly lines: Utf8Sink
  private readonly emails: Utf8Sink

  constructor(
    private readonly check: (fields: readonly string[]) => RowVerdict,
    bytes: number,
    /** Rows expected; the arrays grow past it. */
    rows: number,
    private readonly keepsPlaces: boolean,
  ) {
    const n = Math.max(16, rows)
    this.rowNumber = new Int32Array(n)
    this.valid = new Uint8Array(n)
    this.rowsEnd = new Int32Array(n)
    this.emailsEnd = new Int32Array(n)
    this.fieldsEnd = new Int32Array(keepsPlaces ? 0 : n)
    this.phones = new Float64Array(n)
    this.at = new Int32Array(keepsPlaces ? 2 * n : 0)
    this.fields = new Utf8Sink(keepsPlaces ? 0 : bytes * 1.25)
    // A row's JSON line is about twice its bytes in the file (keys, quotes).
    this.lines = new Utf8Sink(bytes * 2.5)
    this.emails = new Utf8Sink(bytes / 3)
  }

  /** Checks one row; its record is at `from`–`to` of the text, when there is one. */
  add(row: TableRow, from: number, to: number): void {
    const i = this.n++
    if (i === this.rowNumber.length) this.grow()
    this.rowNumber[i] = row.rowNumber
    this.phones[i] = NaN
    if (this.keepsPlaces) {
      this.at[2 * i] = from
      this.at[2 * i + 1] = to
    } else this.fieldsEnd[i] = this.fields.append(JSON.stringify(row.fields))
    if (row.undecodable)
      this.problems.set(
        i,
        UNDECODABLE.map((p) => ({ ...p })),
      )
    else {
      const v = this.check(row.fields)
      if (!v.ok) this.problems.set(i, v.issues!)
      else {
        this.valid[i] = 1
        if (v.issues) this.problems.set(i, v.issues)
        this.lines.append(v.line)
        if (v.email !== undefined) this.emails.append(v.email)
        if (v.phone !== undefined) {
          if (CANONICAL_PHONE.test(v.phone)) this.phones[i] = Number(v.phone)
          else this.otherPhones.set(i, v.phone)
        }
      }
    }
    this.rowsEnd[i] = this.lines.length
    this.emailsEnd[i] = this.emails.length
  }

  private grow(): void {
    const n = this.rowNumber.length * 2
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(a: T, length: number): T => {
      const b = new (a.constructor as new (n: number) => T)(length)
      b.set(a)
      return b
    }
    this.rowNumber = grown(this.rowNumber, n)
    this.valid = grown(this.valid, n)
    this.rowsEnd = grown(this.rowsEnd, n)
    this.emailsEnd = grown(this.emailsEnd, n)
    if (!this.keepsPlaces) this.fieldsEnd = grown(this.fieldsEnd, n)
    this.phones = grown(this.phones, n)
    if (this.keepsPlaces) this.at = grown(this.at, 2 * n)
  }

  /**
   * The run. `rowNumbers`: the row numbers it used, to offset the next run's; `text`: the
   * text its places are in (when it keeps places), whose fields are `delimiter`-separated.
   */
  finish(rowNumbers: number, text: Buffer | null, delimiter: string): CheckedRows {
    const n = this.n
    return {
      count: n,
      rowNumbers,
      rowNumber: this.rowNumber.subarray(0, n),
      valid: this.valid.subarray(0, n),
      places: text ? { text, delimiter, at: this.at.subarray(0, 2 * n) } : null,
      fields: this.fields.bytes(),
      fieldsEnd: this.fieldsEnd.subarray(0, this.keepsPlaces ? 0 : n),
      rows: this.lines.bytes(),
      rowsEnd: this.rowsEnd.subarray(0, n),
      emails: this.emails.bytes(),
      emailsEnd: this.emailsEnd.subarray(0, n),
      phones: this.phones.subarray(0, n),
      otherPhones: this.otherPhones,
      problems: this.problems,
    }
  }
}
