import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import type {
  DuplicateRule,
  FieldIssueSummary,
  IssueReason,
  RowIssue,
  ValidationCounts,
} from '../../../shared/import'
import { fieldsJson, type CheckedRows } from './checked-rows'
import { ContactIndex } from './contact-index'

/**
 * Appends text to a file, waiting when the disk falls behind (a million rows never pile up).
 * Up to 1 MiB waits in memory: with the stream's default 16 KiB, every piece's rows (~600
 * KiB) waited for the disk before the next piece could be merged, and a million-row check
 * took 5–10% longer.
 */
export class TextOut {
  private readonly out: WriteStream
  /** Why the file cannot be written (a full disk, say): later writes fail with it. */
  private failure: Error | null = null
  constructor(path: string) {
    this.out = createWriteStream(path, { highWaterMark: 1 << 20 })
    // Without a listener a failed write, or one still in flight when `destroy` is called,
    // would be an uncaught exception that ends the thread instead of failing the check.
    this.out.on('error', (err) => (this.failure ??= err))
  }
  async write(text: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure
    if (text.length && !this.out.write(text)) await once(this.out, 'drain')
  }
  async close(): Promise<void> {
    if (this.failure) throw this.failure
    this.out.end()
    await once(this.out, 'finish')
  }
  destroy(): void {
    this.out.destroy()
  }
}

/** The most keys `expectRows` makes room for in one index (~50 MiB of tables). */
const MAX_RESERVED_KEYS = 4_000_000

/** An error-report line: the keys in the order the report has always had them. */
export function issueLine(
  rowNumber: number,
  fieldsJson: string,
  rejected: boolean,
  issues: readonly RowIssue[],
): string {
  return `{"rowNumber":${rowNumber},"fields":${fieldsJson},"rejected":${rejected},"issues":${JSON.stringify(issues)}}\n`
}

/**
 * Puts checked rows together in file order: counts, the per-field summary, and the
 * de-duplication. A contact is its email; only a row without one is known by its phone.
 * Different emails sharing a phone are different people (families, shared work phones):
 * both are kept and the later one says so. Kept rows go to the first-pass rows file (a
 * row a later duplicate replaces is dropped afterwards, see `superseded`), problems to the
 * error report.
 */
export class Merge {
  readonly counts: ValidationCounts = {
    total: 0,
    valid: 0,
    rejected: 0,
    duplicates: 0,
    withWarnings: 0,
    toUpload: 0,
  }
  readonly issues = new Map<string, FieldIssueSummary>()
  /** Kept line in the first pass → the row number of the later row that replaces it. */
  readonly superseded = new Map<number, number>()
  /** Row number of each kept line of the first pass. */
  lineRows = new Int32Array(1024)
  /** Kept lines so far. */
  line = 0
  /** Row numbers used by the runs merged so far (runs number their rows from 1). */
  private base = 0
  /** How far the file has been read, for progress. */
  bytes = 0
  firstUndecodableAt: number | null = null

  /** Contacts: email → its kept line; phone of a row without email → its line. */
  private readonly byEmail = new ContactIndex()
  private readonly byPhone = new ContactIndex()
  /** Phone → the line that first carried it, to tell a shared phone from a duplicate. */
  private readonly phoneOwners = new ContactIndex()

  constructor(
    private readonly rule: DuplicateRule,
    private readonly rowsOut: TextOut,
    private readonly issuesOut: TextOut,
    private readonly onProgress: (rowsRead: number, bytesRead: number) => void,
  ) {}

  note(field: string, reason: IssueReason, rowNumber: number): void {
    const k = `${field}\u0000${reason}`
    const s = this.issues.get(k) ?? { field, reason, count: 0, examples: [] }
    s.count++
    if (s.examples.length < 5) s.examples.push(rowNumber)
    this.issues.set(k, s)
  }

  async add(run: CheckedRows, offsetsRowNumbers: boolean): Promise<void> {
    const { counts, rule } = this
    const base = this.base
    if (offsetsRowNumbers) this.base += run.rowNumbers
    if (this.firstUndecodableAt === null && run.firstUndecodableAt !== undefined)
      this.firstUndecodableAt = run.firstUndecodableAt
    const report: string[] = []
    const fields = (i: number) => fieldsJson(run, i)
    // Kept rows are written in stretches; a duplicate that is left out ends one.
    let keepFrom = 0
    const rows: Uint8Array[] = []
    for (let i = 0; i < run.count; i++) {
      const rowNumber = base + run.rowNumber[i]!
      counts.total++
      if (counts.total % 20_000 === 0) this.onProgress(counts.total, this.bytes)
      const problems = run.problems.get(i)
      if (!run.valid[i]) {
        counts.rejected++
        for (const p of problems!) this.note(p.field, p.reason, rowNumber)
        report.push(issueLine(rowNumber, fields(i), true, problems!))
        continue
      }
      counts.valid++
      const emailFrom = i ? run.emailsEnd[i - 1]! : 0
      const emailTo = run.emailsEnd[i]!
      const phone: number | string | undefined = Number.isNaN(run.phones[i])
        ? run.otherPhones.get(i)
        : run.phones[i]
      const clash =
        emailTo > emailFrom
          ? this.byEmail.getBytes(run.emails, emailFrom, emailTo)
          : this.byPhone.getPhone(phone!)
      if (clash !== -1) {
        if (rule === 'first') {
          counts.duplicates++
          this.note('row', 'duplicate-first-kept', rowNumber)
          const issue: RowIssue = {
            field: 'row',
            reason: 'duplicate-of',
            row: this.lineRows[clash]!,
          }
          report.push(issueLine(rowNumber, fields(i), true, [issue]))
          rows.push(run.rows.subarray(keepFrom, i ? run.rowsEnd[i - 1] : 0))
          keepFrom = run.rowsEnd[i]!
          continue
        }
        if (!this.superseded.has(clash)) {
          this.superseded.set(clash, rowNumber)
          counts.duplicates++
          this.note('row', 'duplicate-last-kept', this.lineRows[clash]!)
        }
      }
      const phoneOwner = phone === undefined ? -1 : this.phoneOwners.getPhone(phone)
      let warnings = problems ?? []
      if (phoneOwner !== -1 && phoneOwner !== clash) {
        const shared: RowIssue = {
          field: 'phone',
          reason: 'shares-phone-with',
          row: this.lineRows[phoneOwner]!,
        }
        warnings = [...warnings, shared]
      }
      if (warnings.length) {
        counts.withWarnings++
        for (const w of warnings)
          this.note(
            w.field,
            w.reason === 'shares-phone-with' ? 'phone-shared' : w.reason,
            rowNumber,
          )
        report.push(issueLine(rowNumber, fields(i), false, warnings))
      }
      const line = this.line++
      if (emailTo > emailFrom) this.byEmail.setBytes(run.emails, emailFrom, emailTo, line)
      else this.byPhone.setPhone(phone!, line)
      if (phone !== undefined && (phoneOwner === -1 || phoneOwner === clash))
        this.phoneOwners.setPhone(phone, line)
      if (line === this.lineRows.length) {
        const grown = new Int32Array(this.lineRows.length * 2)
        grown.set(this.lineRows)
        this.lineRows = grown
      }
      this.lineRows[line] = rowNumber
    }
    rows.push(run.rows.subarray(keepFrom))
    for (const stretch of rows) await this.rowsOut.write(stretch)
    await this.issuesOut.write(report.join(''))
  }

  /**
   * Makes room in the index for about `rows` more rows like those merged so far, so that it
   * does not grow (rehashing every key at each doubling) on the way there. At most a few
   * million keys: an estimate from a file's first rows can be far off.
   */
  expectRows(rows: number): void {
    const merged = this.counts.total
    if (merged === 0) return
    for (const index of [this.byEmail, this.byPhone, this.phoneOwners])
      index.reserve(Math.min(MAX_RESERVED_KEYS, Math.ceil((rows * index.size) / merged)))
  }

  /** The de-duplication index is not needed for the second pass: let it go. */
  dropIndex(): void {
    this.byEmail.clear()
    this.byPhone.clear()
    this.phoneOwners.clear()
  }
}
