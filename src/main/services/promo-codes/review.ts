import { createReadStream } from 'node:fs'
import { mkdir, open } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import { keyedFailure } from '../../../shared/errors'
import {
  invalidReason,
  patternProblem,
  type CodeSource,
  type InvalidCode,
  type UploadReview,
} from '../../../shared/promo-codes'
import { detectTableFile, readTableRows, settingsFrom } from '../table-file'
import { generateCodes } from './generate'

/** Where a file source's path comes from (the file registry). */
export interface FilesLike {
  pathOf(fileId: string): string
}

type Source = Exclude<CodeSource, { kind: 'generate' }> | { kind: 'file'; fileId: string }

const MAX_LISTED = 100
const SAMPLE = 5
/** Codes written per write call while staging. */
const CHUNK = 10_000

/** Each code as read from pasted text or a file column, with the line it was on. */
export async function* readCodes(
  source: Source,
  files: FilesLike,
): AsyncGenerator<{ line: number; raw: string }> {
  if (source.kind === 'paste') {
    const lines = source.text.split(/\r\n|\n|\r/)
    // The newline after the last code is not an empty code.
    if (lines.at(-1) === '') lines.pop()
    for (let i = 0; i < lines.length; i++) yield { line: i + 1, raw: lines[i]! }
    return
  }
  const path = files.pathOf(source.fileId)
  const detection = await detectTableFile(
    path,
    'hasHeader' in source && source.hasHeader !== undefined ? { hasHeader: source.hasHeader } : {},
  )
  const column = 'column' in source ? (source.column ?? 0) : 0
  for await (const row of readTableRows(path, settingsFrom(detection)))
    yield { line: row.rowNumber, raw: row.fields[column] ?? '' }
}

/** Cut for display, control characters made visible. */
function shown(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD')
  return visible.length > 80 ? `${visible.slice(0, 80)}…` : visible
}

/**
 * Reads (or generates) an upload's codes, checks each, keeps each once, leaves out those
 * this console already uploaded to the list (`taken`), and writes the rest to `file`, one
 * per line: exactly what the upload will send. Nothing is sent here.
 */
export async function stageCodes(opts: {
  reviewId: string
  listId: string
  source: CodeSource
  taken: ReadonlySet<string>
  file: string
  files: FilesLike
}): Promise<UploadReview> {
  const { source, taken } = opts
  const review: UploadReview = {
    reviewId: opts.reviewId,
    listId: opts.listId,
    read: 0,
    count: 0,
    duplicates: 0,
    alreadyUploaded: 0,
    invalidCount: 0,
    invalid: [],
    sample: [],
  }
  await mkdir(dirname(opts.file), { recursive: true, mode: 0o700 })
  const fh = await open(opts.file, 'w', 0o600)
  let chunk: string[] = []
  const flush = async (): Promise<void> => {
    if (chunk.length) await fh.write(chunk.join('\n') + '\n')
    chunk = []
  }
  // Synchronous but for a write every CHUNK codes: a million codes are a million calls.
  const keep = (code: string): Promise<void> | undefined => {
    review.count++
    if (review.sample.length < SAMPLE) review.sample.push(code)
    chunk.push(code)
    return chunk.length === CHUNK ? flush() : undefined
  }
  try {
    if (source.kind === 'generate') {
      const problem = patternProblem(source.pattern, source.count)
      if (problem === 'no-slots') throw keyedFailure('INVALID_INPUT', 'promo-pattern-no-slots')
      if (problem === 'invalid') throw keyedFailure('INVALID_INPUT', 'promo-pattern-invalid')
      if (problem) throw keyedFailure('INVALID_INPUT', 'promo-pattern-too-short')
      for (const code of generateCodes(source.pattern, source.count, taken)) {
        review.read++
        const full = keep(code)
        if (full) await full
      }
    } else {
      const seen = new Set<string>()
      for await (const { line, raw } of readCodes(source, opts.files)) {
        review.read++
        const code = raw.trim()
        const reason = invalidReason(code)
        if (reason) {
          review.invalidCount++
          if (review.invalid.length < MAX_LISTED)
            review.invalid.push({ line, code: shown(raw), reason } satisfies InvalidCode)
        } else if (seen.has(code)) review.duplicates++
        else if (taken.has(code)) {
          seen.add(code)
          review.alreadyUploaded++
        } else {
          seen.add(code)
          const full = keep(code)
          if (full) await full
        }
      }
    }
    await flush()
    await fh.datasync()
  } finally {
    await fh.close()
  }
  return review
}

/** The staged codes of a review, in batches of `size`, keyed by batch number. */
export async function* batchesOf(
  file: string,
  size: number,
  skip: (key: number) => boolean = () => false,
): AsyncGenerator<{ key: number; codes: string[] }> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  let index = 0
  let codes: string[] = []
  try {
    for await (const line of lines) {
      if (line === '') continue
      const key = Math.floor(index++ / size)
      // Acknowledged batches are passed over without keeping their codes.
      if (skip(key)) continue
      codes.push(line)
      if (codes.length === size) {
        yield { key, codes }
        codes = []
      }
    }
    if (codes.length) yield { key: Math.floor((index - 1) / size), codes }
  } finally {
    lines.close()
  }
}
