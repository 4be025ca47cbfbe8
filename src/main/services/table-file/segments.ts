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

  constructor(settings: TableReadSettings) {
    this.delimiter = settings.delimiter.charCodeAt(0)
    this.bomLeft = settings.encoding === 'utf-8' ? 3 : 0
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
    for (const n = chunk.length; i < n; i++) {
      const b = chunk[i]!
      if (state === QUOTED) {
        if (b === QUOTE) state = QUOTE_IN_QUOTED
      } else if (state === QUOTE_IN_QUOTED) {
        // `""` is a quote inside the quotes; anything else after a quote ends the quoting.
        if (b === QUOTE) state = QUOTED
        else if (b === d) state = FIELD_START
        else if (b === LF) {
          state = FIELD_START
          last = i + 1
        } else if (b === CR) state = FIELD_START
        else state = UNQUOTED
      } else if (b === d || b === CR) state = FIELD_START
      else if (b === LF) {
        state = FIELD_START
        last = i + 1
      } else if (b === QUOTE && state === FIELD_START) state = QUOTED
      else state = UNQUOTED
    }
    this.state = state
    return last
  }
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
  const options = parserOptions(settings, maxRecordBytes)
  // Valid UTF-8 without a BOM decodes and encodes back to the same bytes: skip the trip.
  if (settings.encoding === 'utf-8' && isUtf8(bytes)) {
    const bom = startsFile && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    return parse(bom ? bytes.subarray(3) : bytes, options) as string[][]
  }
  const text = iconv.decode(bytes, settings.encoding, { stripBOM: startsFile })
  return parse(text, options) as string[][]
}
