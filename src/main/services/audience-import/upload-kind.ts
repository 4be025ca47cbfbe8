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
  /** The batch's rows as JSON text, as they go over the wire. */
  rows: string[]
}

export interface UploadKindDeps {
  /** One API call for one batch; throws (AppFailure) when the client gave up retrying. */
  send(batch: string[], signal: AbortSignal): Promise<void>
  /** Before every start and resume: no secret, a changed file refuse with the reason. */
  preflight(): Promise<void>
}

/** What goes over the wire for one row: suppression lists carry the email only. */
export function wireRow(row: AudienceRow, mode: ImportMode, options: UploadOptions): AudienceRow {
  if (mode === 'suppressed') return { email: row.email as string }
  return { ...row, ...options.subscriptions }
}

/**
 * One rows.jsonl line as it goes over the wire. With no flag set for everyone (the usual
 * case) an audience row goes exactly as checked: its line, never parsed, is the JSON sent.
 */
function wireLine(line: string, mode: ImportMode, options: UploadOptions): string {
  if (mode === 'audience' && Object.keys(options.subscriptions).length === 0) return line
  return JSON.stringify(wireRow(JSON.parse(line) as AudienceRow, mode, options))
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
      let rows: string[] = []
      const lines = createInterface({ input: createReadStream(rowsPath), crlfDelay: Infinity })
      try {
        for await (const line of lines) {
          if (!line) continue
          const key = Math.floor(index++ / options.batchSize)
          // Acknowledged batches are skipped without parsing their rows.
          if (done.has(key)) continue
          rows.push(wireLine(line, mode, options))
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
