import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_SHOP } from '../../src/sandbox'
import { arraySource, harness, PROFILE } from '../integration/sends/harness'
import { startSandboxProcess, type BenchResult } from './harness'

const LATENCY_MS = 300
const RATE = 20

/**
 * The floor: one /transact after another, as a script would send them, never faster than
 * the same rate (it never gets there: each waits for the previous answer).
 */
async function sequentialSender(url: string, rows: number, until: number): Promise<number> {
  const started = performance.now()
  let sent = 0
  for (let i = 0; i < rows && performance.now() < until; i++) {
    const wait = started + (i * 1000) / RATE - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const res = await fetch(`${url}/transact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        shop_id: DEMO_SHOP.shopId,
        shop_secret: DEMO_SHOP.secret,
        email: `plain${i}@example.com`,
        code: 'welcome',
        variables: { n: String(i) },
      }),
    })
    if (!res.ok) throw new Error(`sequential sender: HTTP ${res.status}`)
    await res.arrayBuffer()
    sent++
  }
  return (sent * 1000) / (performance.now() - started)
}

/**
 * A bulk transactional send through the app's job (snapshot, a journal line `pending` before
 * each request and one with its outcome after, the send log, the API client) at 20 rows/s
 * against a Demo shop in its own process answering after 300 ms, next to a sequential
 * sender with the same cap against another such sandbox, both at once in the same run (the
 * sender stops when the job ends: its rate, not its row count, is the baseline). Also
 * printed: the duration the start confirmation promised (rows ÷ rate) against the real one.
 * BULK_BENCH_ROWS sets the rows (default 2,000, about 100 s).
 */
export async function bulkSendBenchmarks(): Promise<BenchResult[]> {
  const rows = Number(process.env.BULK_BENCH_ROWS ?? 2000)
  const dir = await mkdtemp(join(tmpdir(), 'pc-bench-bulk-'))
  const app = await startSandboxProcess(LATENCY_MS)
  const plain = await startSandboxProcess(LATENCY_MS)
  try {
    const recipients = Array.from({ length: rows }, (_, i) => [`bulk${i}@example.com`, String(i)])
    const h = await harness({ url: app.url, dir, source: arraySource(recipients) })
    const path = join(dir, 'rows.csv')
    await writeFile(path, 'email,n\n')
    const file = await h.files.registerPath(path)
    const promised = rows / RATE
    const t0 = performance.now()
    const job = await h.bulk.start(
      {
        fileId: file.fileId,
        route: 'transact',
        code: 'welcome',
        table: { encoding: 'utf-8', delimiter: ',', hasHeader: true, sepLine: false },
        mapping: { email: 0, phone: null, variables: [{ name: 'n', column: 1 }] },
        ratePerSecond: RATE,
      },
      PROFILE,
    )
    const sequential = sequentialSender(plain.url, rows, t0 + promised * 1000)
    const done = await h.bulk.settled(job.id)
    const seconds = (performance.now() - t0) / 1000
    const plainRate = await sequential
    await h.cleanup()
    if (done.status !== 'done' || done.sent !== rows)
      throw new Error(`bulk send ended ${done.status}: ${done.sent} sent of ${rows}`)
    const jobRate = rows / seconds
    const n = rows.toLocaleString('en-US')
    console.log(
      `  bulk send of ${n} rows at ${RATE}/s, ${LATENCY_MS} ms latency: job ${seconds.toFixed(1)} s ` +
        `(${jobRate.toFixed(2)} rows/s; the confirmation said ${promised.toFixed(0)} s), ` +
        `sequential sender ${plainRate.toFixed(2)} rows/s`,
    )
    return [
      {
        name: `bulk transactional send, ${n} rows at ${RATE}/s, ${LATENCY_MS} ms latency (rows/s)`,
        baseline: 'sequential sender, same cap and latency, same time',
        opsPerSec: jobRate,
        baselineOpsPerSec: plainRate,
        ratio: plainRate / jobRate,
      },
      {
        name: `bulk transactional send, ${n} rows, against the rate set (rows/s)`,
        baseline: `the rate set, ${RATE} rows/s (the confirmation's estimate)`,
        opsPerSec: jobRate,
        baselineOpsPerSec: RATE,
        ratio: RATE / jobRate,
      },
    ]
  } finally {
    await app.stop()
    await plain.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
