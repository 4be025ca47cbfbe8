import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { ImportMode, UploadOptions } from '../../../shared/import'
import type { AudienceRow } from './row-validator'

export interface UploadDeps {
  /** One API call for one batch; throws (AppFailure) when the client gave up retrying. */
  send(batch: AudienceRow[]): Promise<void>
  /** Called after each acknowledged batch; must persist before resolving (the journal). */
  acked(batchIndex: number, rowsInBatch: number): Promise<void>
  signal: AbortSignal
}

/** What goes over the wire for one row: suppression lists carry the email only. */
export function wireRow(row: AudienceRow, mode: ImportMode, options: UploadOptions): AudienceRow {
  if (mode === 'suppressed') return { email: row.email as string }
  return { ...row, ...options.subscriptions }
}

/**
 * Streams rows.jsonl in batches from `fromBatch`, one batch in flight at a time, so the
 * acknowledged prefix is always exact. Stops quietly when `signal` aborts (pause/cancel).
 */
export async function uploadBatches(
  rowsPath: string,
  mode: ImportMode,
  options: UploadOptions,
  fromBatch: number,
  deps: UploadDeps,
): Promise<'finished' | 'stopped'> {
  const skip = fromBatch * options.batchSize
  let index = 0
  let batchIndex = fromBatch
  let batch: AudienceRow[] = []
  const lines = createInterface({ input: createReadStream(rowsPath), crlfDelay: Infinity })
  try {
    for await (const line of lines) {
      if (!line) continue
      if (index++ < skip) continue
      batch.push(wireRow(JSON.parse(line) as AudienceRow, mode, options))
      if (batch.length === options.batchSize) {
        if (deps.signal.aborted) return 'stopped'
        await deps.send(batch)
        await deps.acked(batchIndex++, batch.length)
        batch = []
      }
    }
    if (batch.length) {
      if (deps.signal.aborted) return 'stopped'
      await deps.send(batch)
      await deps.acked(batchIndex, batch.length)
    }
    return 'finished'
  } finally {
    lines.close()
  }
}
