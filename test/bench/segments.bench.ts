import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { DEMO_SHOP } from '../../src/sandbox'
import { DEFAULT_SEGMENT_RATE } from '../../src/shared/segments'
import { harness, PROFILE } from '../integration/segments/harness'
import type { BenchResult } from './harness'

/**
 * Bulk segment add against a Demo shop in its own process that answers after 80 ms (as a
 * real API far away does): the job at the default rate, and with the rate limit off (four
 * requests at a time, the client's per-shop concurrency), next to a plain poster that sends
 * the same form-encoded requests one after another, in the same run.
 *
 * The size is 20,000 contacts; at 80 ms a request the sequential poster alone takes
 * over 25 minutes, so `npm run bench` uses SEGMENTS_BENCH_ROWS (default 400) per variant.
 */
const LATENCY_MS = 80
const ROWS = Number(process.env.SEGMENTS_BENCH_ROWS ?? 400)
const SEGMENT = 334

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

const contacts = (tag: string) =>
  Array.from({ length: ROWS }, (_, i) => ({ email: `bench-${tag}-${i}@example.com` }))

/** The floor: each add POSTed as `curl -d` would, waiting for one answer before the next. */
async function sequentialPoster(url: string): Promise<number> {
  const start = performance.now()
  for (const c of contacts('plain')) {
    const res = await fetch(`${url}/segments/add`, {
      method: 'POST',
      body: new URLSearchParams({
        shop_id: DEMO_SHOP.shopId,
        shop_secret: DEMO_SHOP.secret,
        email: c.email,
        segment_id: String(SEGMENT),
      }),
    })
    if (!res.ok) throw new Error(`plain poster: HTTP ${res.status}`)
    await res.arrayBuffer()
  }
  return (ROWS * 1000) / (performance.now() - start)
}

/** The console's job (snapshot, journal, client with retries), timed from start to done. */
async function job(url: string, tag: string, ratePerSecond: number): Promise<number> {
  const h = await harness({ url })
  try {
    const start = performance.now()
    const state = await h.jobs.start(
      {
        source: { kind: 'list', label: tag, contacts: contacts(tag) },
        action: 'add',
        segmentId: SEGMENT,
        ratePerSecond,
      },
      PROFILE,
    )
    const final = await h.jobs.settled(state.id)
    if (final.ok !== ROWS) throw new Error(`${tag}: ${final.ok} of ${ROWS} added`)
    return (ROWS * 1000) / (performance.now() - start)
  } finally {
    await h.cleanup()
  }
}

export async function segmentsBenchmarks(): Promise<BenchResult[]> {
  const { url, child } = await startSandboxProcess()
  try {
    const plain = await sequentialPoster(url)
    const limited = await job(url, 'default', DEFAULT_SEGMENT_RATE)
    const open = await job(url, 'open', 0)
    const row = (name: string, rate: number): BenchResult => ({
      name: `${name} (${ROWS} contacts, ${LATENCY_MS} ms latency)`,
      baseline: 'sequential poster',
      opsPerSec: rate,
      baselineOpsPerSec: plain,
      ratio: plain / rate,
    })
    console.log(
      `segments: sequential ${plain.toFixed(1)} rows/s, default rate ${limited.toFixed(1)} rows/s, ` +
        `limit off ${open.toFixed(1)} rows/s (${(open / plain).toFixed(2)}× the sequential poster)`,
    )
    return [
      row(`segment bulk add at ${DEFAULT_SEGMENT_RATE}/s`, limited),
      row('segment bulk add, rate limit off, 4 at a time', open),
    ]
  } finally {
    await stop(child)
  }
}

// `npx tsx test/bench/segments.bench.ts` runs this one alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { report } = await import('./harness')
  report(await segmentsBenchmarks())
  process.exit(0)
}
