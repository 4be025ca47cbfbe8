import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_SHOP } from '../../src/sandbox'
import type { ColumnMapping } from '../../src/shared/import'
import { importServiceFor } from '../integration/audience-import/support/service'
import { startSandboxProcess, type BenchResult } from './harness'

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
 * End-to-end upload of an already generated contacts file through the app's ImportService
 * (detect, auto-map, validate in the worker, then batches of 1,000 with the job journal
 * written after each acknowledged batch) against a fresh sandbox process, next to the
 * plain poster sending the same valid rows to another fresh sandbox in the same run.
 */
export async function importUploadBenchmarks(
  csvPath: string,
  mapping: ColumnMapping,
  rows: number,
  /** Rows/s of the bare csv-parse pass over the same file, measured in the same run. */
  parseRate: number,
): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pc-bench-upload-'))
  const batchSize = 1000
  try {
    let sb = await startSandboxProcess()
    const { service, files } = await importServiceFor(join(dir, 'data'), sb.url)
    const file = await files.registerPath(csvPath)
    const tDetect = performance.now()
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
    const checkMs = performance.now() - tDetect
    const toUpload = review.counts?.toUpload ?? 0
    if (review.counts?.total !== rows) throw new Error('the service validated another row count')

    const t0 = performance.now()
    await service.start({ jobId: job.id, options: { batchSize, dryRun: false, subscriptions: {} } })
    const done = await service.settled(job.id)
    const appMs = performance.now() - t0
    if (done.status !== 'done' || done.upload?.sentRows !== toUpload)
      throw new Error(`upload ended ${done.status} with ${done.upload?.sentRows} of ${toUpload}`)
    await sb.stop()

    // The same valid rows, from the job's own rows.jsonl, to a fresh sandbox.
    sb = await startSandboxProcess()
    const rowsPath = join(dir, 'data', 'imports', 'jobs', job.id, 'rows.jsonl')
    const t1 = performance.now()
    const plainSent = await postPlainBatches(sb.url, rowsPath, batchSize)
    const plainMs = performance.now() - t1
    await sb.stop()
    if (plainSent !== toUpload) throw new Error(`plain poster sent ${plainSent} of ${toUpload}`)

    const appRate = (toUpload * 1000) / appMs
    const plainRate = (toUpload * 1000) / plainMs
    console.log(
      `  upload of ${toUpload.toLocaleString('en-US')} valid rows in batches of ${batchSize}: ` +
        `app ${(appMs / 1000).toFixed(1)} s (${appRate.toFixed(0)} rows/s), ` +
        `plain poster ${(plainMs / 1000).toFixed(1)} s (${plainRate.toFixed(0)} rows/s)`,
    )
    const checkRate = (rows * 1000) / checkMs
    return [
      {
        name: `detect + parse + validate through the import service, ${rows.toLocaleString('en-US')} rows (rows/s)`,
        baseline: 'bare csv-parse pass, same file',
        opsPerSec: checkRate,
        baselineOpsPerSec: parseRate,
        ratio: parseRate / checkRate,
      },
      {
        name: `audience upload through the import job, ${toUpload.toLocaleString('en-US')} rows (rows/s)`,
        baseline: 'plain sequential batch poster, same rows, fresh sandbox',
        opsPerSec: appRate,
        baselineOpsPerSec: plainRate,
        ratio: plainRate / appRate,
      },
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
