import { parentPort, workerData } from 'node:worker_threads'
import { AppFailure } from '../../../shared/errors'
import { runInBackground } from './background-priority'
import { validateFile, type ValidateFileConfig } from './validate-file'

/**
 * The import worker: validation is CPU-bound (parsing, phone metadata, JSON), so it runs
 * here and the host's event loop keeps answering the window. Messages: progress, done, error.
 */
const port = parentPort
if (!port) throw new Error('import-worker must run as a worker thread')
runInBackground()

validateFile(workerData as ValidateFileConfig, (rowsRead, bytesRead) =>
  port.postMessage({ type: 'progress', rowsRead, bytesRead }),
).then(
  (result) => port.postMessage({ type: 'done', result }),
  (err: unknown) =>
    port.postMessage({
      type: 'error',
      error:
        err instanceof AppFailure
          ? err.appError
          : {
              code: 'INTERNAL',
              message: `The file could not be checked: ${String((err as Error)?.message ?? err)}`,
            },
    }),
)
