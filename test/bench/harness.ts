import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { cpus, totalmem } from 'node:os'
import { createInterface } from 'node:readline'

export interface BenchResult {
  name: string
  baseline: string
  opsPerSec: number
  baselineOpsPerSec: number
  /** Subject time / baseline time: the number docs/PERFORMANCE.md records. */
  ratio: number
  /** What `opsPerSec` counts; by default the name's last "(…/…)", such as "(rows/s)", else "ops/s". */
  unit?: string
}

/** One result as `npm run bench -- --json FILE` writes it, comparable across commits. */
export interface JsonResult {
  name: string
  unit: string
  value: number
  baseline: string
  baselineValue: number
  ratio: number
}

/** Runs `fn` repeatedly for about `ms` and returns operations per second (after a warm-up). */
export async function measure(fn: () => unknown, ms = 1500): Promise<number> {
  const warmUntil = performance.now() + 200
  while (performance.now() < warmUntil) await fn()
  let n = 0
  const start = performance.now()
  while (performance.now() - start < ms) {
    await fn()
    n++
  }
  return (n * 1000) / (performance.now() - start)
}

/** Subject and baseline measured side by side in the same run, so the ratio is comparable. */
export async function compare(
  name: string,
  subject: () => unknown,
  baseline: string,
  base: () => unknown,
): Promise<BenchResult> {
  const baselineOpsPerSec = await measure(base)
  const opsPerSec = await measure(subject)
  return { name, baseline, opsPerSec, baselineOpsPerSec, ratio: baselineOpsPerSec / opsPerSec }
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

export function toJson(r: BenchResult): JsonResult {
  const unit = r.unit ?? /\(([^()]*\/[^()]*)\)\s*$/.exec(r.name)?.[1] ?? 'ops/s'
  return {
    name: r.name,
    unit,
    value: r.opsPerSec,
    baseline: r.baseline,
    baselineValue: r.baselineOpsPerSec,
    ratio: r.ratio,
  }
}

export function report(results: BenchResult[]): void {
  console.log(`Machine: ${machine()}; date: ${new Date().toISOString().slice(0, 10)}`)
  console.log('| benchmark | ops/s | baseline | baseline ops/s | time ratio |')
  console.log('|---|---:|---|---:|---:|')
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.opsPerSec.toFixed(0)} | ${r.baseline} | ${r.baselineOpsPerSec.toFixed(0)} | ${r.ratio.toFixed(2)}× |`,
    )
  }
}

export interface SandboxProcess {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/**
 * A fresh Demo shop in its own process (as a real API is another machine), answering every
 * request after `latencyMs`: the bench's client and the sandbox's server do not share one
 * event loop, and each run starts from an empty shop.
 */
export async function startSandboxProcess(latencyMs = 0): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/sandbox/cli.ts', '--port', '0', '--latency', String(latencyMs)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
  const lines = createInterface({ input: child.stdout! })
  for await (const line of lines) {
    const url = /listening on (\S+)/.exec(line)?.[1]
    if (url) return { url, child, stop }
  }
  throw new Error('the sandbox did not start')
}
