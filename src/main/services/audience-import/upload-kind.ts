import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { uploadConcurrency, type ImportMode, type UploadOptions } from '../../../shared/import'
import type { JobKind, UnitLine } from '../../jobs/runner'
import type { AudienceRow } from './row-validator'

/** A batch's line in the job's journal (`r` is the batch's index, `n` its rows). */
export interface BatchLine extends UnitLine {
  s: 'pending' | 'acked'
  n?: number
}

export interface Batch {
  key: number
  rows: AudienceRow[]
}

export interface UploadKindDeps {
  /** One API call for one batch; throws (AppFailure) when the client gave up retrying. */
  send(batch: AudienceRow[], signal: AbortSignal): Promise<void>
  /** Before every start and resume: no secret, a changed file refuse with the reason. */
  preflight(): Promise<void>
}

/** What goes over the wire for one row: suppression lists carry the email only. */
export function wireRow(row: AudienceRow, mode: ImportMode, options: UploadOptions): AudienceRow {
  if (mode === 'suppressed') return { email: row.email as string }
  // No flags chosen for everyone (the usual case): the row goes as checked, without a copy.
  const forEveryone = options.subscriptions
  return Object.keys(forEveryone).length === 0 ? row : { ...row, ...forEveryone }
}

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
): JobKind<Batch, BatchLine> {
  return {
    inFlight: 'redo',
    concurrency: options.concurrency ?? uploadConcurrency.default,
    preflight: deps.preflight,
    async *units(done) {
      let index = 0
      let rows: AudienceRow[] = []
      const lines = createInterface({ input: createReadStream(rowsPath), crlfDelay: Infinity })
      try {
        for await (const line of lines) {
          if (!line) continue
          const key = Math.floor(index++ / options.batchSize)
          // Acknowledged batches are skipped without parsing their rows.
          if (done.has(key)) continue
          rows.push(wireRow(JSON.parse(line) as AudienceRow, mode, options))
          if (rows.length === options.batchSize) {
            yield { key, rows }
            rows = []
          }
        }
        if (rows.length) yield { key: Math.floor((index - 1) / options.batchSize), rows }
      } finally {
        lines.close()
      }
    },
    async run(batch, step) {
      await deps.send(batch.rows, step.signal)
      return { s: 'acked', n: batch.rows.length }
    },
  }
}
