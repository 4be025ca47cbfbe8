/**
 * A host process for the crash test: `start <dataDir> <sandboxUrl> <csvPath> [inFlight]`
 * validates and starts an upload (the test kills it mid-way); `resume <dataDir> <sandboxUrl>`
 * restarts, finds the interrupted job and resumes it. Prints one JSON line per state change.
 */
import { importServiceFor, validated } from './service'

const [cmd, dataDir, sandboxUrl, csvPath, inFlight] = process.argv.slice(2)
const { service, files } = await importServiceFor(dataDir!, sandboxUrl!)
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n')

if (cmd === 'start') {
  const f = await files.registerPath(csvPath!)
  const review = await validated(service, f.fileId)
  say({ phase: 'review', counts: review.counts })
  await service.start({
    jobId: review.id,
    options: {
      batchSize: 100,
      dryRun: false,
      subscriptions: {},
      ...(inFlight ? { concurrency: Number(inFlight) } : {}),
    },
  })
  say({ phase: 'uploading', id: review.id })
  say({ phase: 'ended', state: await service.settled(review.id) })
} else {
  const [job] = service.list()
  say({
    phase: 'found',
    status: job?.status,
    interrupted: job?.interrupted,
    batchesDone: job?.upload.batchesDone,
  })
  await service.resume({ jobId: job!.id })
  say({ phase: 'ended', state: await service.settled(job!.id) })
}
