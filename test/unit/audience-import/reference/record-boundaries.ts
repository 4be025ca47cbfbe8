import type { TableReadSettings } from '../../../../src/shared/table-file'

// The record boundary scanner (src/main/services/table-file/segments.ts) as it was before its
// fast path: a state machine over every byte.

const QUOTE = 0x22
const CR = 0x0d
const LF = 0x0a
const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
const QUOTE_IN_QUOTED = 3

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
