import { execFileSync } from 'node:child_process'
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parse } from 'csv-parse'
import { runValidation } from '../../src/main/services/audience-import/run-validation'
import {
  validateFile,
  type ValidateFileConfig,
  type ValidateFileResult,
} from '../../src/main/services/audience-import/validate-file'
import { mapping, writeContacts } from './contacts-file'
import type { BenchResult } from './harness'
import { serviceCheckBenchmark } from './import-upload.bench'

/** Timer resolution of the event-loop delay monitor, ms: fine enough to see a 16 ms frame. */
const RESOLUTION_MS = 10

/** How the benches check the generated file: as a marketer in Russia would, first wins. */
function benchConfig(path: string, outDir: string): ValidateFileConfig {
  return {
    path,
    table: { encoding: 'utf-8', delimiter: ',', hasHeader: true, sepLine: false },
    mapping,
    mode: 'audience',
    country: 'RU',
    dateOrder: 'dmy',
    duplicates: 'first',
    outDir,
  }
}

/** A bare csv-parse pass (the reader's parser options, no decoding or checks): rows. */
async function countRows(path: string): Promise<number> {
  const parser = createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(
    parse({
      delimiter: ',',
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }),
  )
  let n = 0
  for await (const _ of parser as AsyncIterable<string[]>) n++
  return n - 1 // the header
}

export interface Lag {
  p50: number
  p99: number
  max: number
}

/**
 * Runs `fn` while sampling the host's event loop. The monitor's timer fires every
 * RESOLUTION_MS; lag is how late it fired (the recorded interval minus RESOLUTION_MS).
 */
async function withLag<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; lag: Lag }> {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  h.enable()
  const started = performance.now()
  const value = await fn()
  const ms = performance.now() - started
  h.disable()
  const lagOf = (ns: number): number => Math.max(0, ns / 1e6 - RESOLUTION_MS)
  return {
    value,
    ms,
    lag: { p50: lagOf(h.percentile(50)), p99: lagOf(h.percentile(99)), max: lagOf(h.max) },
  }
}

/**
 * Peak resident memory of the whole process (host and worker threads) while `fn` runs,
 * above what it held before: sampled every 20 ms, as RSS is what the OS charges.
 */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMiB: number }> {
  const before = process.memoryUsage.rss()
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20)
  try {
    const value = await fn()
    peak = Math.max(peak, process.memoryUsage.rss())
    return { value, peakMiB: (peak - before) / 2 ** 20 }
  } finally {
    clearInterval(timer)
  }
}

const fmt = (l: Lag): string =>
  `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms`

/** Lag as a BenchResult: "ops/s" is 1000 / lag in ms, so the ratio is lag ÷ idle lag. */
function lagResult(name: string, subject: number, idle: number, what: string): BenchResult {
  // A floor of 0.01 ms keeps an idle lag of "0" from dividing by zero.
  const s = Math.max(subject, 0.01)
  const b = Math.max(idle, 0.01)
  return {
    name,
    baseline: `idle host, same duration (${what})`,
    opsPerSec: 1000 / s,
    baselineOpsPerSec: 1000 / b,
    ratio: s / b,
  }
}

/**
 * Audience-import validation of `rows` generated contacts (1,000,000 by default, or
 * `IMPORT_BENCH_ROWS`), as the app runs it: `runValidation` starts the app's built import
 * worker (`out/main/import-worker.js`, built first if need be; from sources through tsx
 * only when no build can be had, with a warning), which reads, checks, normalises,
 * de-duplicates and writes rows.jsonl and issues.jsonl. Next to it in the same run: a bare
 * csv-parse pass over the same file (throughput floor; the two take turns, three runs each,
 * each keeping its best), the host's event-loop lag while the worker runs against the lag
 * of the idle host for the same time, and the lag when the same `validateFile` runs on
 * the host thread itself (what the worker saves the window from).
 */
export async function importBenchmarks(
  rows = Number(process.env.IMPORT_BENCH_ROWS ?? 1_000_000),
): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pc-bench-import-'))
  try {
    const path = join(dir, 'contacts.csv')
    await writeContacts(path, rows)
    const cfg = (outDir: string) => benchConfig(path, join(dir, outDir))
    // The worker the app ships (plain Node), as the memory bench measures it: from sources
    // tsx compiles the worker's code on every start, a second or more of a reduced run.
    const built = builtWorkers() ?? undefined
    const check = (r: ValidateFileResult): ValidateFileResult => {
      if (r.counts.total !== rows) throw new Error(`validated ${r.counts.total} of ${rows} rows`)
      return r
    }

    // The baseline and the subject take turns, three runs each, and each keeps its best:
    // this machine's speed drifts by 15% and more within a minute, so runs side by side see
    // the same machine (the first parse also warms the page cache). The lag reported is
    // the worst of the subject's runs, the memory the highest.
    const parseMs: number[] = []
    let parseMiB = 0
    let progress = 0
    const workerRuns: { value: ValidateFileResult; ms: number; lag: Lag }[] = []
    let workerMiB = 0
    for (let i = 0; i < 3; i++) {
      const t = performance.now()
      const { value: n, peakMiB } = await withPeakRss(() => countRows(path))
      if (n !== rows) throw new Error('csv-parse row count differs')
      parseMs.push(performance.now() - t)
      parseMiB = Math.max(parseMiB, peakMiB)
      progress = 0
      const run = await withPeakRss(() =>
        withLag(async () =>
          check(await runValidation(cfg(`worker-${i}`), () => progress++, built).result),
        ),
      )
      workerRuns.push(run.value)
      workerMiB = Math.max(workerMiB, run.peakMiB)
    }
    const parseRate = (rows * 1000) / Math.min(...parseMs)
    const worker = {
      ...workerRuns.reduce((best, r) => (r.ms < best.ms ? r : best)),
      lag: {
        p50: Math.max(...workerRuns.map((r) => r.lag.p50)),
        p99: Math.max(...workerRuns.map((r) => r.lag.p99)),
        max: Math.max(...workerRuns.map((r) => r.lag.max)),
      },
    }
    const idle = await withLag(() => new Promise((r) => setTimeout(r, worker.ms)))
    const host = await withLag(async () => check(await validateFile(cfg('host'))))

    const workerRate = (rows * 1000) / worker.ms
    const hostRate = (rows * 1000) / host.ms
    const c = worker.value.counts
    const n = rows.toLocaleString('en-US')
    console.log(
      `Audience import, ${n} rows (${(worker.value.sizeBytes / 2 ** 20).toFixed(0)} MiB): ` +
        `${c.rejected} rejected, ${c.duplicates} duplicates, ${c.withWarnings} with warnings, ` +
        `${c.toUpload} to upload`,
    )
    console.log(
      `  worker validation ${(worker.ms / 1000).toFixed(1)} s, best of ` +
        `${workerRuns.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} ` +
        `(${workerRate.toFixed(0)} rows/s, ` +
        `${progress} progress messages); on the host thread ${(host.ms / 1000).toFixed(1)} s; ` +
        `bare csv-parse ${(Math.min(...parseMs) / 1000).toFixed(1)} s, best of ` +
        parseMs.map((ms) => (ms / 1000).toFixed(1)).join(', '),
    )
    console.log(
      `  peak memory above the starting RSS: worker validation ${workerMiB.toFixed(0)} MiB, ` +
        `bare csv-parse ${parseMiB.toFixed(0)} MiB (file ${(worker.value.sizeBytes / 2 ** 20).toFixed(0)} MiB)`,
    )
    console.log(`  host event-loop lag (beyond the ${RESOLUTION_MS} ms timer):`)
    console.log(`    idle host:                  ${fmt(idle.lag)}`)
    console.log(`    validation in the worker:   ${fmt(worker.lag)}`)
    console.log(`    validation on the host:     ${fmt(host.lag)}`)

    return [
      {
        name: `audience validation in the worker, ${n} rows (rows/s)`,
        baseline: 'bare csv-parse pass, same file',
        opsPerSec: workerRate,
        baselineOpsPerSec: parseRate,
        ratio: parseRate / workerRate,
      },
      {
        name: `audience validation on the host thread, ${n} rows (rows/s)`,
        baseline: 'bare csv-parse pass, same file',
        opsPerSec: hostRate,
        baselineOpsPerSec: parseRate,
        ratio: parseRate / hostRate,
      },
      lagResult(
        'host loop lag p99 while the worker validates (1/ms)',
        worker.lag.p99,
        idle.lag.p99,
        'p99',
      ),
      lagResult(
        'host loop lag max while the worker validates (1/ms)',
        worker.lag.max,
        idle.lag.max,
        'max',
      ),
      lagResult(
        'host loop lag p99 while the host validates (1/ms)',
        host.lag.p99,
        idle.lag.p99,
        'p99',
      ),
      lagResult(
        'host loop lag max while the host validates (1/ms)',
        host.lag.max,
        idle.lag.max,
        'max',
      ),
      ...(await serviceCheckBenchmark(path, mapping, rows, parseRate, built)),
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Peak-memory budgets by file size: 250 MiB at a million rows, 600 MB at three million. */
const MEMORY_BUDGET_MIB: Record<number, number> = {
  1_000_000: 250,
  3_000_000: 600_000_000 / 2 ** 20,
}

/** What electron-vite emits and the app starts: the import worker and its checking threads. */
const BUILT = new URL('../../out/main/', import.meta.url)
const BUILT_WORKER = new URL('import-worker.js', BUILT)

/** Newest change under the sources the main build is made of (ms since the epoch). */
function newestSource(): number {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  let newest = 0
  for (const dir of ['src/main', 'src/shared']) {
    for (const f of readdirSync(join(root, dir), { recursive: true, withFileTypes: true }))
      if (f.isFile()) newest = Math.max(newest, statSync(join(f.parentPath, f.name)).mtimeMs)
  }
  for (const f of ['electron.vite.config.ts', 'package-lock.json'])
    newest = Math.max(newest, statSync(join(root, f)).mtimeMs)
  return newest
}

/**
 * The folder of the app's built worker entries, built first (`npm run build`, seconds) when
 * missing or older than the sources; null, with a warning, when no fresh build can be had.
 */
function builtWorkers(): URL | null {
  const fresh = () => existsSync(BUILT_WORKER) && statSync(BUILT_WORKER).mtimeMs >= newestSource()
  if (!fresh()) {
    console.log(
      'Import bench: the built import worker is missing or stale; running `npm run build`',
    )
    try {
      execFileSync('npm', ['run', 'build'], { stdio: 'pipe' })
    } catch (err) {
      console.log(String((err as { stderr?: Buffer }).stderr ?? err).slice(-2000))
    }
  }
  if (fresh()) return BUILT
  console.warn(
    'WARNING: no fresh build of the import worker: measuring it from sources through tsx, ' +
      'which is not what the app ships (tsx adds its loader and its compiled copies)',
  )
  return null
}

/**
 * Peak memory of the validation as the app runs it (`runValidation`: the import worker and
 * its checking threads) on the bench's file at several sizes (`IMPORT_MEMORY_ROWS`, by
 * default 250,000, 1,000,000 and 3,000,000 rows), each above the RSS just before it starts.
 * The worker measured is the app's build (`out/main/import-worker.js`, plain Node, no tsx),
 * built first if need be; only when no build can be had, the sources through tsx (printed).
 * The index grows with distinct contacts, so MiB per million distinct emails and phones is
 * printed beside each size, and each step from one size to the next is compared with the
 * smallest size's average (at most 1×: no faster than linear). CPU time a row (the whole
 * process) shows what a memory saving costs. The file is generated here, never committed.
 */
export async function importMemoryBenchmarks(): Promise<BenchResult[]> {
  const sizes = (process.env.IMPORT_MEMORY_ROWS ?? '250000,1000000,3000000').split(',').map(Number)
  const built = builtWorkers()
  const variant = built ? 'built worker' : 'worker from sources (tsx)'
  console.log(
    `Import memory: measuring the ${variant} (${built ? fileURLToPath(BUILT_WORKER) : 'import-worker.ts'})`,
  )
  const results: BenchResult[] = []
  let first: { distinct: number; peakMiB: number } | null = null
  let previous: { rows: number; distinct: number; peakMiB: number } | null = null
  for (const rows of sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'pc-bench-import-memory-'))
    try {
      const path = join(dir, 'contacts.csv')
      await writeContacts(path, rows)
      const cfg = benchConfig(path, join(dir, 'out'))
      // Let the generator's garbage go before the starting point is taken.
      ;(globalThis as { gc?: () => void }).gc?.()
      await new Promise((r) => setTimeout(r, 200))
      const started = performance.now()
      const cpu = process.cpuUsage()
      const { value, peakMiB } = await withPeakRss(
        () => runValidation(cfg, () => {}, built ?? undefined).result,
      )
      const { user, system } = process.cpuUsage(cpu)
      const seconds = (performance.now() - started) / 1000
      if (value.counts.total !== rows) throw new Error(`validated ${value.counts.total} of ${rows}`)
      const distinct = await distinctContacts(join(dir, 'out', 'rows.jsonl'))
      const n = rows.toLocaleString('en-US')
      console.log(
        `Import memory, ${variant}, ${n} rows (${(value.sizeBytes / 2 ** 20).toFixed(0)} MiB file, ` +
          `${(distinct / 1e6).toFixed(2)} M distinct emails and phones): peak ${peakMiB.toFixed(0)} MiB ` +
          `above start, ${((peakMiB * 1e6) / distinct).toFixed(1)} MiB per million; ${seconds.toFixed(1)} s, ` +
          `${((user + system) / rows).toFixed(1)} µs CPU a row`,
      )
      const budget = MEMORY_BUDGET_MIB[rows]
      if (budget)
        results.push({
          name: `import memory: peak RSS above start, ${n} rows, ${variant} (MiB)`,
          unit: 'MiB',
          baseline: `budget, ${budget.toFixed(0)} MiB`,
          opsPerSec: peakMiB,
          baselineOpsPerSec: budget,
          ratio: peakMiB / budget,
        })
      first ??= { distinct, peakMiB }
      if (previous) {
        // What each further million contacts cost, against the first size's whole average.
        const step = ((peakMiB - previous.peakMiB) * 1e6) / (distinct - previous.distinct)
        const average = (first.peakMiB * 1e6) / first.distinct
        results.push({
          name: `import memory growth, ${previous.rows.toLocaleString('en-US')} → ${n} rows, ${variant} (MiB per million contacts)`,
          unit: 'MiB per million contacts',
          baseline: `average at ${sizes[0]!.toLocaleString('en-US')} rows`,
          opsPerSec: step,
          baselineOpsPerSec: average,
          ratio: step / average,
        })
      }
      previous = { rows, distinct, peakMiB }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  return results
}

/** Distinct emails and phones among the rows to upload (what the index had to hold). */
async function distinctContacts(rowsPath: string): Promise<number> {
  let emails = 0
  let phones = 0
  const seenPhones = new Set<string>()
  for await (const line of createInterface({ input: createReadStream(rowsPath) })) {
    if (!line) continue
    const row = JSON.parse(line) as { email?: string; phone?: string }
    if (row.email !== undefined) emails++
    if (row.phone !== undefined && !seenPhones.has(row.phone)) {
      seenPhones.add(row.phone)
      phones++
    }
  }
  return emails + phones
}
