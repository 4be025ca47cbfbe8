import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { codesIn, harness, PROFILE } from './harness'

const CODES = 60_000
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
  dir = await mkdtemp(join(tmpdir(), 'promo-crash-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

describe('promo-code upload crash and resume', () => {
  it('a host killed mid-upload resumes to exactly the codes it reviewed', async () => {
    // Slow answers widen the window in which the kill lands with batches in flight.
    sandbox.setFaults({ latencyMs: 40 })
    const list = sandbox.state.main.promoLists.get(3222)!
    const first = run([sandbox.url, dir, 'start', String(CODES)])
    while (list.codes.size < CODES / 3) {
      if (first.proc.exitCode !== null) throw new Error(await first.output)
      await new Promise((r) => setTimeout(r, 5))
    }
    first.proc.kill('SIGKILL')
    await first.output
    const atKill = list.codes.size
    expect(atKill).toBeLessThan(CODES)

    const second = run([sandbox.url, dir, 'resume', String(CODES)])
    const out = await second.output
    expect(out).toMatch(/final .*"status":"done"/)
    sandbox.setFaults({})

    // The job's own copy of its codes is what the list holds now, exactly.
    const h = await harness({ url: sandbox.url, dir })
    const [job] = h.uploads.list(PROFILE)
    const staged = (await readFile(join(dir, 'promo-codes', 'jobs', job!.id, 'codes.txt'), 'utf8'))
      .split('\n')
      .filter(Boolean)
    expect(staged).toHaveLength(CODES)
    expect(codesIn(sandbox, 3222)).toEqual(new Set(staged))
    expect(job).toMatchObject({ status: 'done', sent: CODES, interrupted: false })
    // Acknowledged batches were not sent again: at most the four in flight at the kill.
    const batches = sandbox.journal
      .entries()
      .filter((e) => e.method === 'POST' && e.status === 200)
      .map((e) => (e.body as { codes: string[] }).codes[0])
    expect(batches.length - new Set(batches).size).toBeLessThanOrEqual(4)
    expect(new Set(batches).size).toBe(CODES / 2_000)
    await h.cleanup()
  })
})
