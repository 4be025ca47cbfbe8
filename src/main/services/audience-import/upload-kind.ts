import { createReadStream } from 'node:fs'
import { uploadConcurrency, type ImportMode, type UploadOptions } from '../../../shared/import'
import { JsonItems } from '../../api/json-items'
import type { JobKind, UnitLine } from '../../jobs/runner'
import type { AudienceRow } from './row-validator'

/** A batch's line in the job's journal (`r` is the batch's index, `n` its rows). */
export interface BatchLine extends UnitLine {
  s: 'pending' | 'acked'
  n?: number
}

export interface Batch {
  key: number
  /** The batch's rows as JSON, as they go over the wire. */
  rows: JsonItems
}

export interface UploadKindDeps {
  /** One API call for one batch; throws (AppFailure) when the client gave up retrying. */
  send(rows: JsonItems, signal: AbortSignal): Promise<void>
  /** Before every start and resume: no secret, a changed file refuse with the reason. */
  preflight(): Promise<void>
}

/** What goes over the wire for one row: suppression lists carry the email only. */
export function wireRow(row: AudienceRow, mode: ImportMode, options: UploadOptions): AudienceRow {
  if (mode === 'suppressed') return { email: row.email as string }
  return { ...row, ...options.subscriptions }
}

/** The lines of a JSON-lines file, a read's worth at a time (views into what was read). */
async function* lineChunks(path: string, readSize: number): AsyncGenerator<Buffer[]> {
  let carry: Buffer | null = null
  for await (const read of createReadStream(path, { highWaterMark: readSize })) {
    const chunk = read as Buffer
    const lines: Buffer[] = []
    let start = 0
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      // Only a line cut by the previous read is copied, never the read itself.
      lines.push(
        carry ? Buffer.concat([carry, chunk.subarray(0, end)]) : chunk.subarray(start, end),
      )
      carry = null
      start = end + 1
    }
    if (start < chunk.length)
      carry = carry ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.subarray(start))
    yield lines
  }
  if (carry) yield [carry]
}

/**
 * Collects one batch's rows. With no flag set for everyone (the usual case) an audience row
 * goes exactly as checked: its line's bytes, never decoded, are the JSON sent.
 */
class BatchRows {
  private readonly asRead: Buffer[] = []
  private readonly rewritten: string[] = []
  private readonly verbatim: boolean

  constructor(
    private readonly mode: ImportMode,
    private readonly options: UploadOptions,
  ) {
    this.verbatim = mode === 'audience' && Object.keys(options.subscriptions).length === 0
  }

  get length(): number {
    return this.verbatim ? this.asRead.length : this.rewritten.length
  }

  add(line: Buffer): void {
    if (this.verbatim) this.asRead.push(line)
    else {
      const row = JSON.parse(line.toString('utf8')) as AudienceRow
      this.rewritten.push(JSON.stringify(wireRow(row, this.mode, this.options)))
    }
  }

  items(): JsonItems {
    if (!this.verbatim) return new JsonItems(this.rewritten)
    const parts: Buffer[] = []
    for (const line of this.asRead) parts.push(line, COMMA)
    parts.pop()
    return JsonItems.joined(Buffer.concat(parts), this.asRead.length)
  }
}

const COMMA = Buffer.from(',')

/**
 * An import upload as a job: one unit per batch of the checked rows (`rows.jsonl`), a few
 * in flight at once (the marketer's choice), each acknowledged batch journalled on its own.
 * The import endpoints upsert, so a batch caught in flight by a crash, a pause or a cancel
 * is simply sent again; an acknowledged one never is, whatever order the answers came in.
 */
export function uploadKind(
  rowsPath: string,
  mode: ImportMode,
  options: UploadOptions,
  deps: UploadKindDeps,
  /** Bytes of rows.jsonl read at a time (tests make it small so rows straddle reads). */
  readSize = 1 << 20,
): JobKind<Batch, BatchLine> {
  return {
    inFlight: 'redo',
    concurrency: options.concurrency ?? uploadConcurrency.default,
    preflight: deps.preflight,
    async *units(done) {
      let index = 0
      let rows = new BatchRows(mode, options)
      for await (const lines of lineChunks(rowsPath, readSize)) {
        for (let line of lines) {
          // Written with \n; a \r could only come from an editor, and is no part of the row.
          if (line.at(-1) === 13) line = line.subarray(0, -1)
          if (line.length === 0) continue
          const key = Math.floor(index++ / options.batchSize)
          // Acknowledged batches are skipped without reading their rows.
          if (done.has(key)) continue
          rows.add(line)
          if (rows.length === options.batchSize) {
            yield { key, rows: rows.items() }
            rows = new BatchRows(mode, options)
          }
        }
      }
      if (rows.length)
        yield { key: Math.floor((index - 1) / options.batchSize), rows: rows.items() }
    },
    async run(batch, step) {
      await deps.send(batch.rows, step.signal)
      return { s: 'acked', n: batch.rows.length }
    },
  }
}
