import { open } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import type { TableFileDetection, TableFileOverrides } from '../../../shared/table-file'
import { tableDelimiters, type TableDelimiter } from '../../../shared/table-encodings'
import { sniffEncoding } from './encoding'
import { tableErrors } from './errors'

/** Only this much is read to detect and preview, whatever the file's size. */
export const SAMPLE_BYTES = 64 * 1024
const PREVIEW_ROWS = 20
const SEP_LINE = /^sep=(.)\r?\n?/i

/**
 * Detects encoding, delimiter and header row from the first 64 KB and returns a preview.
 * Overrides replace the guesses (the marketer always gets the last word). Throws a typed
 * AppFailure for empty, binary and header-only files and for a first line over 64 KB.
 */
export async function detectTableFile(
  path: string,
  overrides: TableFileOverrides = {},
): Promise<TableFileDetection> {
  const fh = await open(path, 'r')
  let sample: Buffer
  let sizeBytes: number
  try {
    sizeBytes = (await fh.stat()).size
    const buf = Buffer.alloc(Math.min(SAMPLE_BYTES, sizeBytes))
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    sample = buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
  const whole = sample.length >= sizeBytes
  if (sample.length === 0) throw tableErrors.empty()

  const sniffed = sniffEncoding(sample, whole)
  const encoding = overrides.encoding ?? sniffed.encoding
  let text = iconv.decode(sample, encoding) // strips a BOM
  if (!text.trim()) throw tableErrors.empty()
  if (!whole) {
    // The sample may end mid-row: keep whole lines only.
    const cut = text.lastIndexOf('\n')
    if (cut <= 0) throw tableErrors.longLine(SAMPLE_BYTES / 1024)
    text = text.slice(0, cut + 1)
  }

  const sep = SEP_LINE.exec(text)
  const sepDelimiter = sep && (tableDelimiters as readonly string[]).includes(sep[1]!)
  if (sep) text = text.slice(sep[0].length)
  const delimiter =
    overrides.delimiter ?? (sepDelimiter ? (sep[1] as TableDelimiter) : guessDelimiter(text))

  const rows = parseSample(text, delimiter, whole).filter((r) => r.some((f) => f.trim() !== ''))
  if (rows.length === 0) throw tableErrors.empty()
  const hasHeader = overrides.hasHeader ?? looksLikeHeader(rows[0]!)
  const data = hasHeader ? rows.slice(1) : rows
  if (hasHeader && data.length === 0 && whole) throw tableErrors.headerOnly()
  const columnCount = Math.max(...rows.slice(0, 200).map((r) => r.length))
  const headers = Array.from({ length: columnCount }, (_, i) =>
    hasHeader ? (rows[0]![i] ?? '').trim() || `Column ${i + 1}` : `Column ${i + 1}`,
  )
  return {
    encoding,
    bom: sniffed.bom && !overrides.encoding,
    delimiter,
    sepLine: Boolean(sep),
    hasHeader,
    headers,
    preview: data.slice(0, PREVIEW_ROWS),
    columnCount,
    sizeBytes,
  }
}

/** Parses the sample; a quoted field cut by the 64 KB limit drops the last rows instead. */
function parseSample(text: string, delimiter: string, whole: boolean): string[][] {
  let t = text
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return parse(t, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        record_delimiter: ['\r\n', '\n', '\r'],
        skip_empty_lines: true,
      }) as string[][]
    } catch (err) {
      if (whole && attempt === 0) throw tableErrors.unreadable(String((err as Error).message))
      const cut = t.lastIndexOf('\n', t.length - 2)
      if (cut <= 0) break
      t = t.slice(0, cut + 1)
    }
  }
  return []
}

/** The delimiter that splits the first lines into the same number (> 1) of columns. */
export function guessDelimiter(text: string): TableDelimiter {
  const head = text.split(/\r\n|\n|\r/, 30).join('\n')
  let best: TableDelimiter = ','
  let bestScore = -1
  for (const d of tableDelimiters) {
    let rows: string[][]
    try {
      rows = parse(head, {
        delimiter: d,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        to_line: 30,
      }) as string[][]
    } catch {
      continue
    }
    if (!rows.length) continue
    const counts = new Map<number, number>()
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
    const [mode, freq] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!
    if (mode < 2) continue
    // Consistency first, then more columns (a decimal comma adds columns only sometimes).
    const score = (freq / rows.length) * 1000 + mode
    if (score > bestScore) {
      bestScore = score
      best = d
    }
  }
  return best
}

const DATA_LIKE =
  /@|^\+?[\d\s().-]{5,}$|^\d+([.,]\d+)?$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$|^(true|false)$/i

/** A header row: every cell filled, none looks like a value (email, number, date), no repeats. */
export function looksLikeHeader(row: string[]): boolean {
  const cells = row.map((c) => c.trim())
  if (cells.some((c) => c === '' || DATA_LIKE.test(c))) return false
  return new Set(cells.map((c) => c.toLowerCase())).size === cells.length
}
