import type { JobKind, UnitLine } from '../../jobs/runner'
import { batchesOf } from './review'

/** A batch's line in the upload's journal (`r` is the batch number, `n` its codes). */
export interface CodeBatchLine extends UnitLine {
  s: 'pending' | 'acked'
  n?: number
}

export interface CodeBatch {
  key: number
  codes: string[]
}

export interface CodeUploadDeps {
  /** One request for one batch; throws (AppFailure) when the client gave up retrying. */
  send(codes: string[], signal: AbortSignal): Promise<void>
  /** Before every start and resume: no secret refuses with the reason. */
  preflight(): Promise<void>
}

/** Batches in flight at once: the API client's per-shop queue runs four requests. */
export const UPLOAD_CONCURRENCY = 4

/**
 * A promo-code upload as a job: one unit per batch of the job's own copy of its codes
 * (`codes.txt`, written when the upload was reviewed and never changed), a few in flight
 * at once. PersonaClick drops codes it already holds, so a batch caught in flight by a
 * crash, a pause or a cancel is simply sent again; an acknowledged batch never is.
 */
export function codeUploadKind(
  codesPath: string,
  batchSize: number,
  deps: CodeUploadDeps,
): JobKind<CodeBatch, CodeBatchLine> {
  return {
    inFlight: 'redo',
    concurrency: UPLOAD_CONCURRENCY,
    preflight: deps.preflight,
    units: (done) => batchesOf(codesPath, batchSize, (key) => done.has(key)),
    async run(batch, step) {
      await deps.send(batch.codes, step.signal)
      return { s: 'acked', n: batch.codes.length }
    },
  }
}
