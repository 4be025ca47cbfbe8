import type { TableReadSettings } from '../../../shared/table-file'
import { DataRows, eachPlainRecord, parseSegmentWithPlaces } from '../table-file'
import { RunPacker, type CheckedRows } from './checked-rows'
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
  /** Numbers, checks and packs the piece's records, as they come. */
  const packer = (keepsPlaces: boolean) => {
    const numbering = new DataRows(setup.table, startsFile)
    const run = new RunPacker(check, bytes.length, Math.ceil(bytes.length / 48), keepsPlaces)
    let undecodable = false
    return {
      add(fields: string[], from = 0, to = 0): void {
        const row = numbering.next(fields)
        if (!row) return
        run.add(row, from, to)
        if (row.undecodable) undecodable = true
      },
      finish(text: Buffer | null): CheckedRows {
        const result = run.finish(numbering.rowNumber, text, setup.table.delimiter)
        if (undecodable) result.firstUndecodableAt = job.offset + firstBrokenLine(bytes)
        return result
      },
    }
  }
  // Most pieces: each record checked as the strict reader reads it.
  const strict = packer(true)
  const text = eachPlainRecord(bytes, setup.table, startsFile, setup.maxRecordBytes, strict.add)
  if (text) return strict.finish(text)
  // The rest (another encoding, a lenient parse): the piece's records read whole.
  const whole = parseSegmentWithPlaces(bytes, setup.table, startsFile, setup.maxRecordBytes)
  const lenient = packer(whole.places !== null)
  whole.records.forEach((fields, k) =>
    lenient.add(fields, whole.places?.[2 * k], whole.places?.[2 * k + 1]),
  )
  return lenient.finish(whole.text)
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
