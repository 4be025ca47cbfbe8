import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { getPriority } from 'node:os'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'

/** A thread's nice value, from its line in /proc (field 19; the name in parentheses may hold spaces). */
function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
}

/** Runs `runInBackground` on a new thread; resolves to that thread's id, while it still lives. */
function threadInBackground(): Promise<{ tid: number; worker: Worker }> {
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href
  const src = new URL(
    '../../../src/main/services/audience-import/background-priority.ts',
    import.meta.url,
  ).href
  const code = `
    const { parentPort } = await import('node:worker_threads')
    const { readlinkSync } = await import('node:fs')
    ;(await import(${JSON.stringify(tsx)})).register()
    const { runInBackground } = await import(${JSON.stringify(src)})
    runInBackground()
    const self = readlinkSync('/proc/thread-self')
    parentPort.postMessage(Number(self.slice(self.lastIndexOf('/') + 1)))
    parentPort.once('message', () => process.exit(0))`
  const worker = new Worker(`(async () => {${code}})()`, { eval: true })
  return new Promise((resolve, reject) => {
    worker.once('message', (tid: number) => resolve({ tid, worker }))
    worker.once('error', reject)
  })
}

// Thread priorities are per thread only on Linux; elsewhere the checks keep normal priority.
describe.runIf(existsSync('/proc/thread-self'))('checking threads run in the background', () => {
  it('lowers the checking thread and leaves the app’s own thread at normal priority', async () => {
    const before = getPriority()
    const { tid, worker } = await threadInBackground()
    try {
      expect(tid).not.toBe(process.pid)
      expect(niceOf(tid)).toBe(10)
      expect(getPriority()).toBe(before)
    } finally {
      worker.postMessage('stop')
      await new Promise((r) => worker.once('exit', r))
    }
  })
})
