import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BULK_SEND_IN_FLIGHT } from '../../../src/main/services/sends/bulk-kind'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { expectNeverTwice } from './checks'
import { harness, PROFILE } from './harness'

const ROWS = 600
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
  dir = await mkdtemp(join(tmpdir(), 'sends-crash-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

describe('bulk send crash and resume', () => {
  it('a host killed mid-job resumes with no double send and no row skipped', async () => {
    // Slow answers widen the window in which the kill lands with a request in flight.
    sandbox.setFaults({ latencyMs: 15 })
    const first = run([sandbox.url, dir, 'start', String(ROWS)])
    while (sandbox.state.main.sends.length < 150) {
      if (first.proc.exitCode !== null) throw new Error(await first.output)
      await new Promise((r) => setTimeout(r, 5))
    }
    first.proc.kill('SIGKILL')
    await first.output
    const atKill = sandbox.state.main.sends.length
    expect(atKill).toBeLessThan(ROWS)

    const second = run([sandbox.url, dir, 'resume', String(ROWS)])
    const out = await second.output
    expect(out).toMatch(/final .*"status":"done"/)
    sandbox.setFaults({})

    // Read the journal back as a fresh start would.
    const h = await harness({ url: sandbox.url, dir })
    const [job] = h.bulk.list(PROFILE)
    expect(job).toBeDefined()
    const counts = expectNeverTwice(h, job!.id, sandbox, ROWS)
    expect(counts.failed).toBe(0)
    // At most the rows in flight at the kill are unknown; everything else was sent.
    expect(counts.unknown).toBeLessThanOrEqual(BULK_SEND_IN_FLIGHT)
    expect(counts.sent + counts.unknown).toBe(ROWS)
    expect(sandbox.state.main.sends.length).toBe(counts.processed)
    await h.cleanup()
  })
})
