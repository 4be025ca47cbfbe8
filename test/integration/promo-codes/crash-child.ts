/**
 * Runs a promo-code upload in its own process so the crash test can SIGKILL it mid-upload.
 * argv: <sandbox url> <data dir> <start|resume> <codes>
 */
import { harness, PROFILE } from './harness'

const [url = '', dir = '', mode = 'start', count = '60000'] = process.argv.slice(2)
const h = await harness({ url, dir })

let jobId: string
if (mode === 'start') {
  const review = await h.uploads.review(PROFILE, '3222', {
    kind: 'generate',
    pattern: 'CRASH-XXXX-XXXX',
    count: Number(count),
  })
  jobId = (await h.uploads.start(PROFILE, review.reviewId, 2_000)).id
  process.stdout.write(`job ${jobId}\n`)
} else {
  const [job] = h.uploads.list(PROFILE)
  if (!job) throw new Error('no upload to resume')
  jobId = job.id
  process.stdout.write(`resuming ${JSON.stringify(job)}\n`)
  await h.uploads.control(jobId, 'resume')
}
const final = await h.uploads.settled(jobId)
process.stdout.write(`final ${JSON.stringify(final)}\n`)
