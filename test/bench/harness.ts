import { cpus, totalmem } from 'node:os'

export interface BenchResult {
  name: string
  baseline: string
  opsPerSec: number
  baselineOpsPerSec: number
  /** Subject time / baseline time: the number docs/PERFORMANCE.md records. */
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
