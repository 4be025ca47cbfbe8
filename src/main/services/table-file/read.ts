import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Transform } from 'node:stream'
import { parse, type CsvError } from 'csv-parse'
import iconv from 'iconv-lite'
import type { TableReadSettings } from '../../../shared/table-file'
import { tableErrors } from './errors'

export interface TableRow {
  /** The row number a spreadsheet shows: the header is row 1 (the `sep=` line is hidden). */
  rowNumber: number
  /** As many fields as the row has (ragged rows are not padded); text, untrimmed. */
  fields: string[]
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
 * Throws a typed AppFailure for empty and header-only files and unreadable rows.
 */
export async function* readTableRows(
  path: string,
  settings: TableReadSettings,
  options: ReadTableOptions = {},
): AsyncGenerator<TableRow> {
  if ((await stat(path)).size === 0) throw tableErrors.empty()
  const maxRecordBytes = options.maxRecordBytes ?? 1024 * 1024
  const source = createReadStream(path, { highWaterMark: 256 * 1024, signal: options.signal })
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      options.onBytes?.(chunk)
      done(null, chunk)
    },
  })
  const parser = parse({
    delimiter: settings.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    // Mixed line ends happen (files edited on several systems): accept all three.
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: false,
    max_record_size: maxRecordBytes,
  })
  const decoded = source.pipe(tap).pipe(iconv.decodeStream(settings.encoding))
  decoded.pipe(parser)
  const fail = (err: Error) => parser.destroy(err)
  source.on('error', fail)
  decoded.on('error', fail)

  let record = 0
  let rowNumber = 0
  let yielded = 0
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      record++
      if (record === 1 && settings.sepLine && /^sep=.$/i.test(fields.join(settings.delimiter)))
        continue
      rowNumber++
      if (rowNumber === 1 && settings.hasHeader) continue
      if (fields.every((f) => f.trim() === '')) continue
      yielded++
      yield { rowNumber, fields }
    }
  } catch (err) {
    const code = (err as CsvError).code
    if (code === 'CSV_MAX_RECORD_SIZE')
      throw tableErrors.longRow(rowNumber + 1, maxRecordBytes / 1024)
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw tableErrors.unclosedQuote(rowNumber + 1)
    throw err
  } finally {
    source.destroy()
  }
  if (yielded === 0 && rowNumber > 0 && settings.hasHeader) throw tableErrors.headerOnly()
  if (yielded === 0) throw tableErrors.empty()
}
