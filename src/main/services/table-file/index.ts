/**
 * Reusable table-file reading (audience import, bulk sends).
 *
 * - `detectTableFile(path, overrides?)` → `TableFileDetection` (see `src/shared/table-file.ts`):
 *   encoding, delimiter, `sep=` line, header row, headers, a 20-row preview, size. Reads only
 *   the first 64 KB.
 * - `settingsFrom(detection)` → `TableReadSettings` for reading.
 * - `readTableRows(path, settings, options?)` → `AsyncGenerator<{ rowNumber, fields }>`,
 *   streaming (csv-parse, RFC 4180), row numbers as the spreadsheet shows them.
 *
 * Both throw `AppFailure('INVALID_INPUT', message, { reason })` with a marketer-readable
 * message; `reason` is one of empty, binary, header-only, long-line, long-row,
 * unclosed-quote, changed-while-checked, unreadable. Rows whose bytes are not valid in the
 * chosen encoding come out marked `undecodable`, for the caller to report.
 */
import type { TableFileDetection, TableReadSettings } from '../../../shared/table-file'

export { detectTableFile, guessDelimiter, looksLikeHeader, SAMPLE_BYTES } from './detect'
export {
  checkHasRows,
  checkUnchanged,
  DataRows,
  readTableRows,
  type ReadTableOptions,
  type TableRow,
} from './read'
export {
  parseSegment,
  parseSegmentWithPlaces,
  eachPlainRecord,
  recordAt,
  RecordBoundaryScanner,
  segmentable,
} from './segments'
export { sniffEncoding, suggestEncoding } from './encoding'

export function settingsFrom(d: TableFileDetection): TableReadSettings {
  return {
    encoding: d.encoding,
    delimiter: d.delimiter,
    hasHeader: d.hasHeader,
    sepLine: d.sepLine,
  }
}
