/**
 * Runs a bulk segment add in its own process so the crash test can SIGKILL it mid-job.
 * argv: <sandbox url> <data dir> <start|resume> <rows>
 */
import { harness, PROFILE } from './harness'

const [url = '', dir = '', mode = 'start', count = '600'] = process.argv.slice(2)
const h = await harness({ url, dir })

let jobId: string
if (mode === 'start') {
  const contacts = Array.from({ length: Number(count) }, (_, i) => ({
    email: `crash${i}@example.com`,
  }))
  const job = await h.jobs.start(
    {
      source: { kind: 'list', label: 'crash test', contacts },
      action: 'add',
      segmentId: 334,
      ratePerSecond: 0,
    },
    PROFILE,
  )
  jobId = job.id
  process.stdout.write(`job ${jobId}\n`)
} else {
  const [job] = h.jobs.list(PROFILE)
  if (!job) throw new Error('no job to resume')
  jobId = job.id
  process.stdout.write(`resuming ${jobId} ${JSON.stringify(job)}\n`)
  await h.jobs.control(jobId, 'resume')
}
const final = await h.jobs.settled(jobId)
process.stdout.write(`final ${JSON.stringify(final)}\n`)
