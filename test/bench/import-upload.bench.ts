import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_SHOP } from '../../src/sandbox'
import { uploadConcurrency, type ColumnMapping } from '../../src/shared/import'
import { contactsCsv } from '../fixtures/table-files'
import { importServiceFor, validated } from '../integration/audience-import/support/service'
import { startSandboxProcess, type BenchResult } from './harness'

const BATCH = 1000

/**
 * The floor: a plain poster that streams rows.jsonl and POSTs batches of `size` rows one
 * after another, with no journal, no retries and no progress, to /import/audience.
 */
async function postPlainBatches(url: string, rowsPath: string, size: number): Promise<number> {
  let batch: unknown[] = []
  let sent = 0
  const post = async (): Promise<void> => {
    const res = await fetch(`${url}/import/audience`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        shop_id: DEMO_SHOP.shopId,
        shop_secret: DEMO_SHOP.secret,
        audience: batch,
      }),
    })
    if (!res.ok) throw new Error(`plain poster: HTTP ${res.status}`)
    await res.arrayBuffer()
    sent += batch.length
    batch = []
  }
  const lines = createInterface({ input: createReadStream(rowsPath), crlfDelay: Infinity })
  for await (const line of lines) {
    if (!line) continue
    batch.push(JSON.parse(line))
    if (batch.length === size) await post()
  }
  if (batch.length) await post()
  return sent
}

/**
 * Detect + parse + validate of the bench file through the app's ImportService (worker,
 * rows.jsonl, issues.jsonl, job.json), next to the bare csv-parse pass over the same file.
 */
export async function serviceCheckBenchmark(
  csvPath: string,
  mapping: ColumnMapping,
  rows: number,
  /** Rows/s of the bare csv-parse pass over the same file, measured in the same run. */
  parseRate: number,
  /** The app's built workers, as the app runs them (else from sources through tsx). */
  built?: URL,
): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pc-bench-check-'))
  try {
    // Nothing is uploaded: the service only needs an address for its shop.
    const { service, files } = await importServiceFor(
      join(dir, 'data'),
      'http://127.0.0.1:9',
      built,
    )
    const file = await files.registerPath(csvPath)
    // The best of two, as the baseline.
    let bestMs = Infinity
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now()
      const d = await service.detect({ fileId: file.fileId })
      const job = await service.validate({
        fileId: file.fileId,
        table: {
          encoding: d.detection.encoding,
          delimiter: d.detection.delimiter,
          hasHeader: d.detection.hasHeader,
          sepLine: d.detection.sepLine,
        },
        mapping,
        mode: 'audience',
        duplicates: 'first',
        dateOrder: 'dmy',
        headers: d.detection.headers,
      })
      const review = await service.settled(job.id)
      bestMs = Math.min(bestMs, performance.now() - t0)
      if (review.counts?.total !== rows) throw new Error('the service validated another row count')
    }
    const checkRate = (rows * 1000) / bestMs
    return [
      {
        name: `detect + parse + validate through the import service, ${rows.toLocaleString('en-US')} rows (rows/s)`,
        baseline: 'bare csv-parse pass, same file',
        opsPerSec: checkRate,
        baselineOpsPerSec: parseRate,
        ratio: parseRate / checkRate,
      },
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * An import job checked and waiting for its upload, its service pointed at a fresh sandbox
 * with `latencyMs`; `upload()` times the upload alone and stops the sandbox.
 */
async function reviewedJob(dir: string, csvPath: string, latencyMs: number, round: number) {
  const sb = await startSandboxProcess(latencyMs)
  const dataDir = join(dir, `data-${latencyMs}-${round}`)
  const { service, files } = await importServiceFor(dataDir, sb.url)
  const review = await validated(service, (await files.registerPath(csvPath)).fileId)
  const rows = review.counts?.toUpload ?? 0
  return {
    rows,
    rowsPath: join(dataDir, 'imports', 'jobs', review.id, 'rows.jsonl'),
    async upload(concurrency: number): Promise<number> {
      try {
        const t0 = performance.now()
        await service.start({
          jobId: review.id,
          options: { batchSize: BATCH, concurrency, dryRun: false, subscriptions: {} },
        })
        const done = await service.settled(review.id)
        const ms = performance.now() - t0
        if (done.status !== 'done' || done.upload.sentRows !== rows)
          throw new Error(`upload ended ${done.status} with ${done.upload.sentRows} of ${rows}`)
        return ms
      } finally {
        await sb.stop()
      }
    },
  }
}

async function timePlainPoster(rowsPath: string, latencyMs: number, rows: number) {
  const sb = await startSandboxProcess(latencyMs)
  try {
    const t0 = performance.now()
    const sent = await postPlainBatches(sb.url, rowsPath, BATCH)
    if (sent !== rows) throw new Error(`plain poster sent ${sent} of ${rows}`)
    return performance.now() - t0
  } finally {
    await sb.stop()
  }
}

/**
 * The audience upload stage of an import job (batches of 1,000 from the job's rows.jsonl,
 * journal line per acknowledged batch, progress, the API client with its retries), four
 * batches in flight, against a Demo shop in its own process answering after 80 ms and after
 * 0 ms, each next to a plain sequential poster of the same rows to a fresh sandbox with the
 * same latency, in the same run. The job is checked before the poster runs, so the check's
 * worker is long gone when its upload is timed. Each pair runs twice and the best of each
 * side counts: the job's time at 80 ms swung 5.4–7.7 s between runs minutes apart (the poster's
 * held at 20–21 s), as the other sessions sharing the machine took the cores or left them.
 * UPLOAD_BENCH_ROWS sets the rows (default 200,000; every row valid).
 */
export async function uploadBenchmarks(): Promise<BenchResult[]> {
  const rows = Number(process.env.UPLOAD_BENCH_ROWS ?? 200_000)
  const dir = await mkdtemp(join(tmpdir(), 'pc-bench-upload-'))
  const n = rows.toLocaleString('en-US')
  const inFlight = uploadConcurrency.default
  try {
    const csvPath = join(dir, 'contacts.csv')
    await writeFile(csvPath, contactsCsv(rows))
    const results: BenchResult[] = []
    for (const latencyMs of [80, 0]) {
      const rounds = 2
      const app: number[] = []
      const plain: number[] = []
      for (let i = 0; i < rounds; i++) {
        // The check runs first (its worker done), then the poster, then the job's upload.
        const job = await reviewedJob(dir, csvPath, latencyMs, i)
        plain.push(await timePlainPoster(job.rowsPath, latencyMs, job.rows))
        app.push(await job.upload(inFlight))
      }
      const appRate = (rows * 1000) / Math.min(...app)
      const plainRate = (rows * 1000) / Math.min(...plain)
      console.log(
        `  upload of ${n} rows in batches of ${BATCH}, ${latencyMs} ms latency: ` +
          `import job (${inFlight} in flight) ${app.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s, ` +
          `plain poster ${plain.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s`,
      )
      results.push({
        name: `audience upload through the import job, ${inFlight} batches in flight, ${n} rows, ${latencyMs} ms latency (rows/s)`,
        baseline: 'plain sequential batch poster, same rows, fresh sandbox',
        opsPerSec: appRate,
        baselineOpsPerSec: plainRate,
        ratio: plainRate / appRate,
      })
    }
    return results
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
