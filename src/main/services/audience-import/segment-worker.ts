import { parentPort, workerData } from 'node:worker_threads'
import { checkSegment, type SegmentJob, type SegmentSetup } from './segments'

/**
 * A checking thread: parses the pieces of the file it is given and checks their rows
 * (`segments.ts`); the validation's own thread puts the results together in file order.
 */
const port = parentPort
if (!port) throw new Error('segment-worker must run as a worker thread')
const setup = workerData as SegmentSetup

port.on('message', (job: SegmentJob) => {
  try {
    const result = checkSegment(setup, job)
    const { rowNumber, valid, fieldsEnd, rowsEnd, emails, emailsEnd, phones } = result
    const arrays: ArrayBufferView[] = [rowNumber, valid, fieldsEnd, rowsEnd, emails, emailsEnd]
    arrays.push(phones)
    port.postMessage(
      { id: job.id, result },
      arrays.map((a) => a.buffer as ArrayBuffer),
    )
  } catch (err) {
    port.postMessage({ id: job.id, error: String((err as Error)?.message ?? err) })
  }
})
