import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { harness, PROFILE } from './harness'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

const ROWS = 400
const child = join(import.meta.dirname, 'crash-child.ts')

function run(args: string[]): { proc: ChildProcess; output: Promise<string> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  const output = new Promise<string>((resolve) => proc.on('exit', () => resolve(out)))
  return { proc, output }
}

let sandbox: Sandbox
let dir: string
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  dir = await mkdtemp(join(tmpdir(), 'segments-crash-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const members = (): Set<number> => sandbox.state.main.segments.get(334)!.members

describe('bulk segment change: crash and resume', () => {
  it(
    'a host killed mid-job resumes to the same result, no row skipped or reported twice',
    { timeout: 120_000 },
    async () => {
      // Slow answers widen the window in which the kill lands with requests in flight.
      sandbox.setFaults({ latencyMs: 15 })
      const first = run([sandbox.url, dir, 'start', String(ROWS)])
      while (members().size < 100) {
        if (first.proc.exitCode !== null) throw new Error(await first.output)
        await new Promise((r) => setTimeout(r, 5))
      }
      first.proc.kill('SIGKILL')
      await first.output
      expect(members().size).toBeLessThan(ROWS)

      const second = run([sandbox.url, dir, 'resume', String(ROWS)])
      const out = await second.output
      expect(out).toMatch(/resuming .*"interrupted":true/)
      expect(out).toMatch(/final .*"status":"done"/)
      sandbox.setFaults({})

      // Exactly the file's contacts are members, each asked at most once more than needed
      // (the rows in flight at the kill).
      const shop = sandbox.state.main
      const emails = [...members()].map((i) => shop.customers[i]!.email).sort()
      expect(emails).toEqual(Array.from({ length: ROWS }, (_, i) => `crash${i}@example.com`).sort())
      const adds = sandbox.journal.count({ method: 'POST', path: '/segments/add' })
      expect(adds).toBeGreaterThanOrEqual(ROWS)
      expect(adds).toBeLessThanOrEqual(ROWS + 4)

      // Read back as a fresh start would: one report line per row, every one added.
      const h = await harness({ url: sandbox.url, dir })
      const [job] = h.jobs.list(PROFILE)
      expect(job).toMatchObject({ status: 'done', total: ROWS, done: ROWS, ok: ROWS })
      const report = parse(
        (await h.jobs.report(job!.id, PLAIN_CSV)).content.replace(/^\uFEFF/, ''),
        {
          columns: ['row', 'identifier', 'outcome', 'reason', 'retries'],
          fromLine: 2,
        },
      ) as { row: string; outcome: string }[]
      expect(report.map((r) => Number(r.row))).toEqual(
        Array.from({ length: ROWS }, (_, i) => i + 1),
      )
      expect(new Set(report.map((r) => r.outcome))).toEqual(new Set(['added']))
      await h.cleanup()
    },
  )
})
