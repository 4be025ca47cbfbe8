import { createReadStream } from 'node:fs'
import type { Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Transform } from 'node:stream'
import { parse, type CsvError, type Options } from 'csv-parse'
import iconv from 'iconv-lite'
import type { TableReadSettings } from '../../../shared/table-file'
import { REPLACEMENT_CHARACTER } from './encoding'
import { tableErrors } from './errors'

export interface TableRow {
  /** The row number a spreadsheet shows: the header is row 1 (the `sep=` line is hidden). */
  rowNumber: number
  /** As many fields as the row has (ragged rows are not padded); text, untrimmed. */
  fields: string[]
  /**
   * A field held bytes that are not valid in the chosen encoding (a file partly saved in
   * another one): the decoder replaced them, so the row's text is not what the file says.
   */
  undecodable?: true
}

export interface ReadTableOptions {
  /** A row longer than this fails with a clear message instead of eating memory. 1 MB. */
  maxRecordBytes?: number
  /** Sees every raw chunk before decoding: for hashing or byte progress. */
  onBytes?: (chunk: Buffer) => void
  signal?: AbortSignal
}

/**
 * Streams a table's data rows (RFC 4180: quoted delimiters, doubled quotes, quoted line
 * breaks, CR / LF / CRLF, ragged rows, empty fields). Never holds the file in memory.
 * Blank rows are skipped but still counted, so row numbers match the spreadsheet.
 * Throws a typed AppFailure for empty and header-only files and unreadable rows, and for a
 * file that changed while it was read (saved again, truncated, appended to): a shorter file
 * must never pass as a complete one.
 */
export async function* readTableRows(
  path: string,
  settings: TableReadSettings,
  options: ReadTableOptions = {},
): AsyncGenerator<TableRow> {
  const before = await stat(path)
  if (before.size === 0) throw tableErrors.empty()
  let bytesRead = 0
  const maxRecordBytes = options.maxRecordBytes ?? 1024 * 1024
  const source = createReadStream(path, { highWaterMark: 256 * 1024, signal: options.signal })
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesRead += chunk.length
      options.onBytes?.(chunk)
      done(null, chunk)
    },
  })
  const parser = parse(parserOptions(settings, maxRecordBytes))
  const decoded = source.pipe(tap).pipe(iconv.decodeStream(settings.encoding))
  decoded.pipe(parser)
  const fail = (err: Error) => parser.destroy(err)
  source.on('error', fail)
  decoded.on('error', fail)

  const rows = new DataRows(settings, true)
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const row = rows.next(fields)
      if (row) yield row
    }
  } catch (err) {
    const code = (err as CsvError).code
    if (code === 'CSV_MAX_RECORD_SIZE')
      throw tableErrors.longRow(rows.rowNumber + 1, maxRecordBytes / 1024)
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw tableErrors.unclosedQuote(rows.rowNumber + 1)
    throw err
  } finally {
    source.destroy()
  }
  await checkUnchanged(path, before, bytesRead)
  checkHasRows(settings, rows.rowNumber, rows.yielded)
}

/** csv-parse's options for a table (RFC 4180 with the leniency real exports need). */
export function parserOptions(settings: TableReadSettings, maxRecordBytes: number): Options {
  return {
    delimiter: settings.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    // Mixed line ends happen (files edited on several systems): accept all three.
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: false,
    max_record_size: maxRecordBytes,
  }
}

/**
 * Parsed records to data rows, numbered as the spreadsheet shows them: the `sep=` line is
 * hidden, the header and blank rows are skipped but counted. `startsFile`: these records
 * begin at the file's first (a piece further on numbers from 1 and is offset later).
 */
export class DataRows {
  private record = 0
  rowNumber = 0
  yielded = 0
  constructor(
    private readonly settings: TableReadSettings,
    private readonly startsFile: boolean,
  ) {}

  next(fields: string[]): TableRow | null {
    const s = this.settings
    this.record++
    if (
      this.startsFile &&
      this.record === 1 &&
      s.sepLine &&
      /^sep=.$/i.test(fields.join(s.delimiter))
    )
      return null
    const rowNumber = ++this.rowNumber
    if (this.startsFile && rowNumber === 1 && s.hasHeader) return null
    if (fields.every((f) => f.trim() === '')) return null
    this.yielded++
    return fields.some((f) => f.includes(REPLACEMENT_CHARACTER))
      ? { rowNumber, fields, undecodable: true }
      : { rowNumber, fields }
  }
}

/** A file saved again, truncated or appended to while it was read must never pass. */
export async function checkUnchanged(path: string, before: Stats, bytesRead: number) {
  const after = await stat(path).catch(() => null)
  if (
    !after ||
    after.size !== before.size ||
    after.mtimeMs !== before.mtimeMs ||
    bytesRead !== before.size
  )
    throw tableErrors.changedWhileChecked()
}

export function checkHasRows(settings: TableReadSettings, rowNumbers: number, rows: number) {
  if (rows === 0 && rowNumbers > 0 && settings.hasHeader) throw tableErrors.headerOnly()
  if (rows === 0) throw tableErrors.empty()
}
