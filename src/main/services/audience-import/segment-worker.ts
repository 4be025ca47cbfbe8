import { parentPort, workerData } from 'node:worker_threads'
import { runInBackground } from './background-priority'
import { transferables } from './checked-rows'
import { checkSegment, type SegmentJob, type SegmentSetup } from './segments'

/**
 * A checking thread: parses the pieces of the file it is given and checks their rows
 * (`segments.ts`); the validation's own thread puts the results together in file order.
 */
const port = parentPort
if (!port) throw new Error('segment-worker must run as a worker thread')
runInBackground()
const setup = workerData as SegmentSetup

port.on('message', (job: SegmentJob) => {
  try {
    const result = checkSegment(setup, job)
    port.postMessage({ id: job.id, result }, transferables(result))
  } catch (err) {
    port.postMessage({ id: job.id, error: String((err as Error)?.message ?? err) })
  }
})
