import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { DEMO_SHOP } from '../../src/sandbox'
import { harness, PROFILE } from '../integration/promo-codes/harness'
import type { BenchResult } from './harness'

const LATENCY_MS = 80
const BATCH = 10_000
const LIST = '3222'

/** A fresh Demo shop in its own process, answering every request after 80 ms. */
async function startSandboxProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/sandbox/cli.ts', '--port', '0', '--latency', String(LATENCY_MS)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const lines = createInterface({ input: child.stdout! })
  for await (const line of lines) {
    const url = /listening on (\S+)/.exec(line)?.[1]
    if (url) return { url, child }
  }
  throw new Error('the sandbox did not start')
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM')
  if (child.exitCode === null) await once(child, 'exit')
}

/** The floor: the same batches POSTed one after another, no journal, ledger or retries. */
async function postSequentially(url: string, codes: string[]): Promise<void> {
  for (let i = 0; i < codes.length; i += BATCH) {
    const res = await fetch(`${url}/promo_codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        shop_id: DEMO_SHOP.shopId,
        shop_secret: DEMO_SHOP.secret,
        id: LIST,
        codes: codes.slice(i, i + BATCH),
      }),
    })
    if (!res.ok) throw new Error(`plain poster: HTTP ${res.status}`)
    await res.arrayBuffer()
  }
}

/**
 * Generate and review promo codes, then upload them through the app's upload job (batches
 * of 10,000, four in flight, journal and ledger per batch, the list read before and after)
 * to a sandbox answering after 80 ms, next to a plain sequential poster of the same batches
 * to another fresh sandbox in the same run. Generation is timed on its own, so it can be
 * seen not to be what limits the upload.
 * PROMO_BENCH_CODES sets the count (default 1,000,000).
 */
export async function promoCodeBenchmarks(): Promise<BenchResult[]> {
  const count = Number(process.env.PROMO_BENCH_CODES ?? 1_000_000)
  const dir = await mkdtemp(join(tmpdir(), 'pc-bench-promo-'))
  try {
    let sb = await startSandboxProcess()
    const h = await harness({ url: sb.url, dir })
    const t0 = performance.now()
    const review = await h.uploads.review(PROFILE, LIST, {
      kind: 'generate',
      pattern: 'BENCH-XXXX-XXXX-XXXX',
      count,
    })
    const reviewMs = performance.now() - t0
    const t1 = performance.now()
    const job = await h.uploads.start(PROFILE, review.reviewId, BATCH)
    const done = await h.uploads.settled(job.id)
    const appMs = performance.now() - t1
    if (done.status !== 'done' || done.sent !== count || done.after !== count)
      throw new Error(`upload ended ${done.status}: sent ${done.sent}, list holds ${done.after}`)
    await h.cleanup()
    await stop(sb.child)

    const codes = (await readFile(join(dir, 'promo-codes', 'jobs', job.id, 'codes.txt'), 'utf8'))
      .split('\n')
      .filter(Boolean)
    sb = await startSandboxProcess()
    const t2 = performance.now()
    await postSequentially(sb.url, codes)
    const plainMs = performance.now() - t2
    await stop(sb.child)

    const appRate = (count * 1000) / appMs
    const plainRate = (count * 1000) / plainMs
    const genRate = (count * 1000) / reviewMs
    console.log(
      `  ${count.toLocaleString('en-US')} codes: generate + review ${(reviewMs / 1000).toFixed(1)} s ` +
        `(${genRate.toFixed(0)} codes/s), upload job ${(appMs / 1000).toFixed(1)} s ` +
        `(${appRate.toFixed(0)} codes/s), sequential poster ${(plainMs / 1000).toFixed(1)} s ` +
        `(${plainRate.toFixed(0)} codes/s)`,
    )
    return [
      {
        name: `promo codes: upload job, ${count.toLocaleString('en-US')} codes, 80 ms latency (codes/s)`,
        baseline: 'plain sequential poster, same batches of 10,000, fresh sandbox',
        opsPerSec: appRate,
        baselineOpsPerSec: plainRate,
        ratio: plainRate / appRate,
      },
      {
        name: `promo codes: generate + review ${count.toLocaleString('en-US')} codes (codes/s)`,
        baseline: 'the upload job (above)',
        opsPerSec: genRate,
        baselineOpsPerSec: appRate,
        ratio: appRate / genRate,
      },
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
