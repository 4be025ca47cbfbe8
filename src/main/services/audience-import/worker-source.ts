import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * V8 gives each isolate a young generation of up to 32 MiB on a machine this size, and a
 * worker keeps it resident: RSS beside the index. The checks make short-lived strings by the
 * million; each scavenge costs what survives, and with a small young generation a piece's
 * rows in flight survive more of them. Measured at a million rows (`--trace-gc`): 8 MiB took
 * ~1,900 scavenges and 29 full collections, 3.2 s of pauses, ~2 µs a row more than the host
 * thread; 16 MiB halved the scavenges (2.2 s) for peak RSS within the runs' noise; 32 MiB
 * cost ~15 MiB more for no further saving. Not a cap: the old generation grows as it needs.
 */
const limits = { maxYoungGenerationSizeMb: 16 }

/**
 * A checking thread holds one piece of the file at a time (256 KiB; at most 32 MiB when
 * records are long), yet V8 let its old generation fill with the pieces' promoted rows to
 * 70–90 MiB before collecting: a second thread cost the import 60–80 MiB at a million
 * rows. Capped at 64 MiB the collector runs sooner (heap ~45 MiB, no measurable CPU). Should
 * a piece ever need more, the thread stops out of memory and the file is checked again on
 * the streaming reader (`validate-file.ts`): slower, never wrong. The import worker is not
 * capped: what it keeps (the last-wins bookkeeping) grows with the file.
 */
const oldGenerationMb: Record<string, number> = { 'segment-worker': 64 }

/**
 * Starts one of this folder's worker threads by its file's base name. Built app:
 * electron-vite emits `<name>.js` next to the main bundle (the caller's code may sit in
 * `chunks/`). From sources (vitest, tsx): the `.ts` file beside this one, loaded through
 * tsx's loader registered inside the worker. The file name is built at run time so the
 * bundler does not try to inline it as an asset. `built`: a folder of built entries to use
 * instead (the memory bench measures the app's build while itself running from sources).
 */
export function startWorker(name: string, workerData: unknown, built?: URL): Worker {
  const entries = built
    ? [new URL(`${name}.js`, built)]
    : ['./', '../'].map((rel) => new URL(`${rel}${name}.js`, import.meta.url))
  const entry = entries.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)))
  const cap = oldGenerationMb[name]
  const resourceLimits = cap ? { ...limits, maxOldGenerationSizeMb: cap } : limits
  if (entry) return new Worker(entry, { workerData, resourceLimits })
  if (built) throw new Error(`No built ${name}.js in ${fileURLToPath(built)}`)
  const src = new URL(`./${name}.ts`, import.meta.url)
  // require.resolve gives the CommonJS build; the ESM one (which registers ESM hooks)
  // sits beside it, per tsx's exports map.
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api')
  const tsx = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(src.href)}) })`
  return new Worker(code, { eval: true, workerData, resourceLimits })
}
