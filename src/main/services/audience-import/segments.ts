import type { TableReadSettings } from '../../../shared/table-file'
import { DataRows, eachPlainRecord, parseSegmentWithPlaces, type TableRow } from '../table-file'
import { checkRows, RunPacker, type CheckedRows } from './checked-rows'
import { rowValidator, type RowValidatorConfig } from './row-validator'

/** What every checking thread is told once. */
export interface SegmentSetup {
  table: TableReadSettings
  validator: RowValidatorConfig
  maxRecordBytes: number
}

/** One piece of the file: whole records, `offset` bytes into it. */
export interface SegmentJob {
  id: number
  offset: number
  bytes: Uint8Array
}

let cached: { setup: SegmentSetup; check: ReturnType<typeof rowValidator> } | null = null

/** Parses and checks one piece; row numbers count from the piece's first record. */
export function checkSegment(setup: SegmentSetup, job: SegmentJob): CheckedRows {
  if (cached?.setup !== setup) cached = { setup, check: rowValidator(setup.validator) }
  const { check } = cached
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength)
  const startsFile = job.offset === 0
  // Most pieces: each record checked as the strict reader reads it.
  let numbering = new DataRows(setup.table, startsFile)
  const run = new RunPacker(check, bytes.length, Math.ceil(bytes.length / 48), true)
  let undecodable = false
  const text = eachPlainRecord(bytes, setup.table, startsFile, setup.maxRecordBytes, (f, a, b) => {
    const row = numbering.next(f)
    if (!row) return
    run.add(row, a, b)
    // A replacement character written in the file itself.
    if (row.undecodable) undecodable = true
  })
  if (text) {
    const result = run.finish(numbering.rowNumber, text, setup.table.delimiter)
    if (undecodable) result.firstUndecodableAt = job.offset + firstBrokenLine(bytes)
    return result
  }
  // The rest (another encoding, a lenient parse): the whole piece at once.
  numbering = new DataRows(setup.table, startsFile)
  const {
    records,
    text: utf8,
    places,
  } = parseSegmentWithPlaces(bytes, setup.table, startsFile, setup.maxRecordBytes)
  const rows: TableRow[] = []
  const at: number[] = []
  for (let k = 0; k < records.length; k++) {
    const row = numbering.next(records[k]!)
    if (!row) continue
    rows.push(row)
    if (places) at.push(places[2 * k]!, places[2 * k + 1]!)
  }
  const rowPlaces =
    utf8 && places ? { text: utf8, delimiter: setup.table.delimiter, at: new Int32Array(at) } : null
  const result = checkRows(rows, numbering.rowNumber, check, bytes.length, rowPlaces)
  if (rows.some((r) => r.undecodable))
    result.firstUndecodableAt = job.offset + firstBrokenLine(bytes)
  return result
}

/** Where the first line that is not valid UTF-8 starts (0 when every line is). */
function firstBrokenLine(bytes: Buffer): number {
  const strict = new TextDecoder('utf-8', { fatal: true })
  for (let start = 0; start < bytes.length;) {
    const nl = bytes.indexOf(0x0a, start)
    const end = nl === -1 ? bytes.length : nl + 1
    try {
      strict.decode(bytes.subarray(start, end))
    } catch {
      return start
    }
    start = end
  }
  return 0
}
