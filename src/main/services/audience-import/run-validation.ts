import type { Worker } from 'node:worker_threads'
import { AppFailure, keyedFailure, type AppError } from '../../../shared/errors'
import type { ValidateFileConfig, ValidateFileResult } from './validate-file'
import { startWorker } from './worker-source'

export interface ValidationRun {
  result: Promise<ValidateFileResult>
  cancel(): Promise<void>
}

/**
 * Checks the file in the import worker. `built`: the folder of the app's built worker
 * entries, for a caller running from sources that must measure what the app ships (the
 * memory bench); by default the worker beside this code.
 */
export function runValidation(
  cfg: ValidateFileConfig,
  onProgress: (rowsRead: number, bytesRead: number) => void,
  built?: URL,
): ValidationRun {
  const worker: Worker = startWorker('import-worker', cfg, built)

  let cancelled = false
  const result = new Promise<ValidateFileResult>((resolve, reject) => {
    worker.on(
      'message',
      (m: {
        type: string
        rowsRead?: number
        bytesRead?: number
        result?: ValidateFileResult
        error?: AppError
      }) => {
        if (m.type === 'progress') onProgress(m.rowsRead ?? 0, m.bytesRead ?? 0)
        else if (m.type === 'done' && m.result) resolve(m.result)
        else if (m.type === 'error' && m.error)
          reject(new AppFailure(m.error.code, m.error.message, m.error.details))
      },
    )
    // The cause stays in details, for the job's record and the logs.
    worker.on('error', (err) =>
      reject(keyedFailure('INTERNAL', 'check-stopped', { cause: err.message })),
    )
    worker.on('exit', (code) => {
      if (cancelled) reject(keyedFailure('CANCELLED', 'check-cancelled'))
      else if (code !== 0)
        reject(keyedFailure('INTERNAL', 'check-stopped', { cause: `exit ${code}` }))
    })
  })
  return {
    result,
    async cancel() {
      cancelled = true
      await worker.terminate()
    },
  }
}
