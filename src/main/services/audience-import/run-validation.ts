import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppFailure, keyedFailure, type AppError } from '../../../shared/errors'
import type { ValidateFileConfig, ValidateFileResult } from './validate-file'

const BUILT = 'import-worker.js'

/**
 * Where the worker's code is. Built app: electron-vite emits `import-worker.js` next to
 * the main bundle (the service itself may sit in `chunks/`). From sources (vitest, tsx):
 * the `.ts` file beside this one, loaded through tsx's loader registered inside the worker.
 * The file name is built at run time so the bundler does not try to inline it as an asset.
 */
function workerSource(): { url: URL; viaTsx: boolean } {
  for (const rel of ['./', '../']) {
    const url = new URL(rel + BUILT, import.meta.url)
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { url, viaTsx: false }
  }
  return { url: new URL('./import-worker.ts', import.meta.url), viaTsx: true }
}

export interface ValidationRun {
  result: Promise<ValidateFileResult>
  cancel(): Promise<void>
}

export function runValidation(
  cfg: ValidateFileConfig,
  onProgress: (rowsRead: number, bytesRead: number) => void,
): ValidationRun {
  const src = workerSource()
  let worker: Worker
  if (src.viaTsx) {
    // require.resolve gives the CommonJS build; the ESM one (which registers ESM hooks)
    // sits beside it, per tsx's exports map.
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api')
    const tsx = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(src.url.href)}) })`
    worker = new Worker(code, { eval: true, workerData: cfg })
  } else worker = new Worker(src.url, { workerData: cfg })

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
