import { isUtf8 } from 'node:buffer'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import type { TableEncoding, TableReadSettings } from '../../../shared/table-file'
import { parserOptions } from './read'

/**
 * Cutting a table file into pieces that start and end on record boundaries, so that the
 * pieces can be parsed apart (in worker threads) and give the very records one continuous
 * parse gives.
 *
 * The scanner follows csv-parse's quoting with the reader's options (`relax_quotes`, quote
 * and escape `"`, no comments, no trimming): a quote opens a quoted field only as a field's
 * first character; inside one, `""` is a quote and any other quote ends the quoting (followed
 * by a delimiter or line end it closes the field; otherwise csv-parse keeps it as text and
 * reads on unquoted). A line feed read outside quotes therefore ends a record, whether it
 * follows a CR or not. Only bytes are looked at, which is exact for every encoding whose
 * delimiter, quote, CR and LF are single ASCII bytes no other character contains: UTF-8 and
 * the 8-bit code pages, not UTF-16.
 */

const QUOTE = 0x22
const CR = 0x0d
const LF = 0x0a

const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
/** Inside quotes, just after a quote that may be the first of `""`. */
const QUOTE_IN_QUOTED = 3

export function segmentable(encoding: TableEncoding): boolean {
  return encoding !== 'utf-16le' && encoding !== 'utf-16be'
}

export class RecordBoundaryScanner {
  private state = FIELD_START
  private readonly delimiter: number
  /** A UTF-8 BOM the decoder drops: the first field starts after it. */
  private bomLeft: number

  /** `atFileStart`: the bytes start the file (a UTF-8 BOM may come first). */
  constructor(settings: TableReadSettings, atFileStart = true) {
    this.delimiter = settings.delimiter.charCodeAt(0)
    this.bomLeft = settings.encoding === 'utf-8' && atFileStart ? 3 : 0
  }

  /**
   * Reads the next bytes of the file and returns the offset in `chunk` just after the
   * last record boundary in it, or -1 when no record ends in it.
   */
  scan(chunk: Uint8Array): number {
    const d = this.delimiter
    let state = this.state
    let last = -1
    let i = 0
    if (this.bomLeft > 0) {
      const bom = [0xef, 0xbb, 0xbf]
      while (this.bomLeft > 0 && i < chunk.length && chunk[i] === bom[3 - this.bomLeft]) {
        this.bomLeft--
        i++
      }
      // Not a BOM after all (or the file is shorter): its bytes were text.
      if (this.bomLeft > 0 && i < chunk.length) {
        this.bomLeft = 0
        if (i > 0) state = UNQUOTED
      }
    }
    const n = chunk.length
    while (i < n) {
      if (state === QUOTED) {
        // Inside quotes only the next quote matters (a line end there is data).
        const q = chunk.indexOf(QUOTE, i)
        if (q === -1) break
        state = QUOTE_IN_QUOTED
        i = q + 1
      } else if (state === QUOTE_IN_QUOTED) {
        // `""` is a quote inside the quotes; anything else after a quote ends the quoting.
        const b = chunk[i++]!
        if (b === QUOTE) state = QUOTED
        else if (b === d || b === CR) state = FIELD_START
        else if (b === LF) {
          state = FIELD_START
          last = i
        } else state = UNQUOTED
      } else {
        // Outside quotes up to the next quote, found natively instead of byte by byte: the
        // last line end in that stretch is a record boundary, and the stretch's last byte
        // says whether the quote opens a field (after a delimiter or line end) or is data.
        const q = chunk.indexOf(QUOTE, i)
        const end = q === -1 ? n : q
        if (end > i) {
          const lf = lastLineEnd(chunk, i, end)
          if (lf !== -1) last = lf + 1
          const b = chunk[end - 1]
          state = b === d || b === CR || b === LF ? FIELD_START : UNQUOTED
        }
        if (q === -1) break
        state = state === FIELD_START ? QUOTED : UNQUOTED
        i = q + 1
      }
    }
    this.state = state
    return last
  }
}

/** The last line feed in `chunk` from `from` to before `to`, or -1. */
function lastLineEnd(chunk: Uint8Array, from: number, to: number): number {
  // A short stretch (between quoted fields) by hand, without a view made for it.
  if (to - from < 64) {
    for (let k = to - 1; k >= from; k--) if (chunk[k] === LF) return k
    return -1
  }
  const k = chunk.subarray(from, to).lastIndexOf(LF)
  return k === -1 ? -1 : from + k
}

/**
 * The records of one piece cut by the scanner, as the streaming reader would have produced
 * them: decoded with the file's encoding (a BOM dropped only at the very start of the file),
 * parsed with the reader's options. Throws csv-parse's errors as they are: the caller falls
 * back to the streaming reader, which words them.
 */
export function parseSegment(
  bytes: Buffer,
  settings: TableReadSettings,
  startsFile: boolean,
  maxRecordBytes: number,
): string[][] {
  return parseSegmentWithPlaces(bytes, settings, startsFile, maxRecordBytes).records
}

/**
 * `parseSegment`, and, when the strict reader read the piece's UTF-8, where each record's
 * text is in it (`places`: start and end of record k at 2k and 2k + 1, line end excluded),
 * so that a record's fields can be read again from the bytes (`recordAt`) instead of being
 * kept as strings.
 */
export function parseSegmentWithPlaces(
  bytes: Buffer,
  settings: TableReadSettings,
  startsFile: boolean,
  maxRecordBytes: number,
): { records: string[][]; text: Buffer | null; places: number[] | null } {
  const options = parserOptions(settings, maxRecordBytes)
  if (settings.encoding === 'utf-8' && isUtf8(bytes)) {
    const records: string[][] = []
    const places: number[] = []
    const text = eachPlainRecord(bytes, settings, startsFile, maxRecordBytes, (fields, a, b) => {
      records.push(fields)
      places.push(a, b)
    })
    if (text) return { records, text, places }
    return {
      records: parse(withoutBom(bytes, startsFile), options) as string[][],
      text: null,
      places: null,
    }
  }
  const text = iconv.decode(bytes, settings.encoding, { stripBOM: startsFile })
  const records =
    parsePlainRecords(text, settings.delimiter, maxRecordBytes) ??
    (parse(text, options) as string[][])
  return { records, text: null, places: null }
}

/**
 * The strict reader's records of a UTF-8 piece, one at a time, each with where it is in
 * the returned text (line end excluded). Each record is
 * garbage once `onRecord` returns: a whole piece's records held at once survived every
 * young-generation collection of its check, copied each time (a million rows: ~1 s of a
 * checking thread's 4). The piece is read in blocks of about 64 KiB cut on record ends: a
 * piece's text as one string was a large object, memory mapped afresh for each piece (5% of
 * a checking thread's time). Returns null, having maybe called `onRecord` for part of the
 * piece, when the strict reader cannot read it: then csv-parse reads it whole
 * (`parseSegmentWithPlaces`, which reads the strict reader's pieces through this).
 */
export function eachPlainRecord(
  bytes: Buffer,
  settings: TableReadSettings,
  startsFile: boolean,
  maxRecordBytes: number,
  onRecord: (fields: string[], from: number, to: number) => void,
): Buffer | null {
  if (settings.encoding !== 'utf-8' || !isUtf8(bytes)) return null
  const utf8 = withoutBom(bytes, startsFile)
  for (let from = 0; from < utf8.length;) {
    let to = Math.min(utf8.length, from + TEXT_BLOCK)
    if (to < utf8.length) {
      const last = new RecordBoundaryScanner(settings, false).scan(utf8.subarray(from, to))
      to = last > 0 ? from + last : utf8.length
    }
    const block = utf8.subarray(from, to)
    const at = from
    const read = parsePlainRecords(
      block.toString('latin1'),
      settings.delimiter,
      maxRecordBytes,
      block,
      undefined,
      (fields, a, b) => onRecord(fields, at + a, at + b),
    )
    if (!read) return null
    from = to
  }
  return utf8
}

/** Below V8's large-object size, so a block's text is an ordinary young string. */
const TEXT_BLOCK = 64 * 1024

/** UTF-8 bytes without the BOM a file may start with (the decoder would drop it). */
function withoutBom(bytes: Buffer, startsFile: boolean): Buffer {
  const bom = startsFile && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  return bom ? bytes.subarray(3) : bytes
}

/** The fields of the record at `from`–`to` of UTF-8 text the strict reader read whole. */
export function recordAt(text: Buffer, from: number, to: number, delimiter: string): string[] {
  const utf8 = text.subarray(from, to)
  return parsePlainRecords(utf8.toString('latin1'), delimiter, Infinity, utf8)?.[0] ?? []
}

const DQUOTE = '"'
const NOT_ASCII = /[\x80-\xff]/

/**
 * A field of `text`, or, when `text` is the Latin-1 view of the UTF-8 `utf8` (each byte one
 * character, a one-byte string V8 makes and scans fastest), the field decoded from its bytes
 * if it has any beyond ASCII. Quotes are ASCII and never part of a UTF-8 sequence, so
 * undoubling them before or after decoding is the same.
 */
function decoded(value: string, utf8: Buffer | undefined): string {
  return utf8 && NOT_ASCII.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value
}

/**
 * Strict RFC 4180 records, or null when the text holds anything else, which csv-parse's
 * leniency then reads: a quote inside an unquoted field, text after a closing quote, a quote
 * never closed, a record near the size limit. On what it accepts it gives exactly what
 * csv-parse gives with the reader's options (a test compares the two on random text), in
 * a fraction of the time: csv-parse was a fifth of the import's check. With `onRecord`,
 * records go to it as they are read instead (the result is then empty).
 */
export function parsePlainRecords(
  text: string,
  delimiter: string,
  maxRecordBytes: number,
  utf8?: Buffer,
  places?: number[],
  onRecord?: (fields: string[], from: number, to: number) => void,
): string[][] | null {
  const d = delimiter.charCodeAt(0)
  if (delimiter.length !== 1 || d === QUOTE || d === CR || d === LF) return null
  // A UTF-16 unit is at most 3 bytes of UTF-8: shorter records are within csv-parse's limit.
  const maxUnits = Math.floor(maxRecordBytes / 3)
  const n = text.length
  const records: string[][] = []
  let fields: string[] = []
  let recordStart = 0
  let i = 0
  while (i < n) {
    // A field starts at i.
    let c = text.charCodeAt(i)
    if (c === QUOTE) {
      let value = ''
      let from = i + 1
      for (;;) {
        const q = text.indexOf(DQUOTE, from)
        if (q === -1) return null
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1)
          from = q + 2
          continue
        }
        fields.push(decoded(value + text.slice(from, q), utf8))
        i = q + 1
        break
      }
      c = i < n ? text.charCodeAt(i) : LF
      if (c !== d && c !== CR && c !== LF) return null
    } else {
      let j = i
      let high = 0
      while (c !== d && c !== CR && c !== LF) {
        if (c === QUOTE) return null
        high |= c
        if (++j === n) break
        c = text.charCodeAt(j)
      }
      fields.push(high > 0x7f && utf8 ? utf8.toString('utf8', i, j) : text.slice(i, j))
      i = j
    }
    if (i === n) break
    i++
    if (c === d) {
      // A delimiter at the very end leaves an empty last field.
      if (i === n) fields.push('')
      continue
    }
    const end = i - 1
    if (c === CR && text.charCodeAt(i) === LF) i++
    if (i - recordStart > maxUnits) return null
    if (onRecord) onRecord(fields, recordStart, end)
    else {
      places?.push(recordStart, end)
      records.push(fields)
    }
    fields = []
    recordStart = i
  }
  if (fields.length) {
    if (n - recordStart > maxUnits) return null
    if (onRecord) onRecord(fields, recordStart, n)
    else {
      places?.push(recordStart, n)
      records.push(fields)
    }
  }
  return records
}
