import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { machine, report, toJson, type BenchResult } from './harness'
import { coldStartBenchmarks } from './cold-start.bench'
import { bulkSendBenchmarks } from './bulk-send.bench'
import { importBenchmarks, importMemoryBenchmarks } from './import.bench'
import { uploadBenchmarks } from './import-upload.bench'
import { ipcBenchmarks } from './ipc.bench'
import { npsBenchmarks } from './nps.bench'
import { promoCodeBenchmarks } from './promo-codes.bench'
import { rendererBenchmarks } from './renderer.bench'
import { segmentsBenchmarks } from './segments.bench'
import { startupBenchmarks } from './startup.bench'

/**
 * Every benchmark by the name `npm run bench -- <names…>` selects, in the order a full run
 * takes them. A new benchmark adds one line here.
 */
const benchmarks: Record<string, () => Promise<BenchResult[]>> = {
  ipc: ipcBenchmarks,
  startup: startupBenchmarks,
  'cold-start': coldStartBenchmarks,
  nps: npsBenchmarks,
  import: () => importBenchmarks(),
  'import-memory': importMemoryBenchmarks,
  upload: uploadBenchmarks,
  bulk: bulkSendBenchmarks,
  'promo-codes': promoCodeBenchmarks,
  segments: segmentsBenchmarks,
  renderer: rendererBenchmarks,
}

// `npm run bench [-- [--json FILE] [names…]]`: each benchmark prints its subject next to a
// baseline measured in the same run; copy the table into docs/PERFORMANCE.md with the
// machine and date. `--json FILE` also writes every result, for comparing commits.
const { values, positionals } = parseArgs({
  options: { json: { type: 'string' } },
  allowPositionals: true,
})
const unknown = positionals.filter((n) => !(n in benchmarks))
if (unknown.length) {
  console.error(
    `No benchmark named ${unknown.join(', ')}; the names are: ${Object.keys(benchmarks).join(', ')}`,
  )
  process.exit(2)
}
const chosen = positionals.length ? positionals : Object.keys(benchmarks)

const commit = (): string | null => {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}
const header = {
  machine: machine(),
  date: new Date().toISOString(),
  commit: commit(),
  benchmarks: chosen,
}

const results: BenchResult[] = []
for (const name of chosen) {
  results.push(...(await benchmarks[name]!()))
  // Written after each benchmark, so a long run that dies later keeps what it measured.
  if (values.json)
    await writeFile(
      values.json,
      JSON.stringify({ ...header, results: results.map(toJson) }, null, 2) + '\n',
    )
}
report(results)
process.exit(0)
