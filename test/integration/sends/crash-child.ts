/**
 * Runs a bulk send in its own process so the crash test can SIGKILL it mid-job.
 * argv: <sandbox url> <data dir> <start|resume> <rows>
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { arraySource, harness, PROFILE } from './harness'

const [url = '', dir = '', mode = 'start', count = '600'] = process.argv.slice(2)
const rows = Array.from({ length: Number(count) }, (_, i) => [`crash${i}@example.com`, String(i)])
const h = await harness({ url, dir, source: arraySource(rows), timeoutMs: 2000 })

let jobId: string
if (mode === 'start') {
  const path = join(dir, 'rows.csv')
  await writeFile(path, 'email,n\n')
  const file = await h.files.registerPath(path)
  const job = await h.bulk.start(
    {
      fileId: file.fileId,
      route: 'transact',
      code: 'welcome',
      table: { encoding: 'utf-8', delimiter: ',', hasHeader: true, sepLine: false },
      mapping: { email: 0, phone: null, variables: [{ name: 'n', column: 1 }] },
      ratePerSecond: 200,
    },
    PROFILE,
  )
  jobId = job.id
  process.stdout.write(`job ${jobId}\n`)
} else {
  const [job] = h.bulk.list(PROFILE)
  if (!job) throw new Error('no job to resume')
  jobId = job.id
  process.stdout.write(`resuming ${jobId} ${JSON.stringify(job)}\n`)
  await h.bulk.control(jobId, 'resume')
}
const final = await h.bulk.settled(jobId)
await h.log.flush()
process.stdout.write(`final ${JSON.stringify(final)}\n`)
