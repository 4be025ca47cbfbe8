import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keyedFailure } from '../../../src/shared/errors'
import { JobRunner, type JobKind, type UnitLine } from '../../../src/main/jobs/runner'

let dir: string
let file: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobs-'))
  file = join(dir, 'job', 'journal.jsonl')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Line extends UnitLine {
  who?: string
}

/** A unit that waits until the test lets it finish, to pause or crash mid-flight. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((r) => (open = r))
  return { open, opened }
}

function kind(
  inFlight: 'redo' | 'unknown',
  count: number,
  opts: {
    hold?: number
    gates?: Map<number, ReturnType<typeof gate>>
    fail?: Set<number>
    concurrency?: number
  } = {},
) {
  const calls: number[] = []
  let started: (() => void) | null = null
  const k: JobKind<{ key: number }, Line> & { calls: number[]; inFlightNow: Promise<void> } = {
    inFlight,
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    calls,
    inFlightNow: Promise.resolve(),
    async *units() {
      for (let key = 1; key <= count; key++) yield { key }
    },
    async run(unit, step) {
      await step.begin({ who: `u${unit.key}` })
      calls.push(unit.key)
      const g = opts.gates?.get(unit.key)
      if (g) {
        started?.()
        await Promise.race([
          g.opened,
          new Promise((_, reject) =>
            step.signal.addEventListener('abort', () => reject(new Error('aborted'))),
          ),
        ])
      }
      if (opts.fail?.has(unit.key)) {
        opts.fail.delete(unit.key)
        throw keyedFailure('API_UNAVAILABLE', 'file-gone')
      }
      return { s: 'ok' }
    },
    caughtInFlight: () => ({ s: 'unknown' }),
  }
  k.inFlightNow = new Promise<void>((r) => (started = r))
  return k
}

describe('job runner', () => {
  it('runs every unit once, journals each, and ends done', async () => {
    const k = kind('unknown', 5)
    const runner = JobRunner.create(file, k)
    await runner.resume()
    await runner.settled()
    expect(runner.status).toBe('done')
    expect(k.calls).toEqual([1, 2, 3, 4, 5])
    const reopened = await JobRunner.open(file, kind('unknown', 5))
    expect(reopened.runner.status).toBe('done')
    expect(reopened.runner.interrupted).toBe(false)
    expect([...reopened.runner.units.values()].map((u) => [u.r, u.s, u.who])).toEqual(
      [1, 2, 3, 4, 5].map((r) => [r, 'ok', `u${r}`]),
    )
  })

  it('a unit that may have taken effect is closed as unknown after a crash and never run again', async () => {
    const gates = new Map([[3, gate()]])
    const k = kind('unknown', 5, { gates })
    const runner = JobRunner.create(file, k)
    await runner.resume()
    await k.inFlightNow
    // The process dies here: unit 3 is journalled pending, its answer never arrives.
    const { runner: after, caught } = await JobRunner.open(file, kind('unknown', 5))
    expect(after.status).toBe('paused')
    expect(after.interrupted).toBe(true)
    expect(caught.map((c) => [c.r, c.s, c.who])).toEqual([[3, 'unknown', 'u3']])
    const k2 = kind('unknown', 5)
    const resumed = (await JobRunner.open(file, k2)).runner
    await resumed.resume()
    await resumed.settled()
    expect(k2.calls).toEqual([4, 5])
    expect(resumed.units.get(3)?.s).toBe('unknown')
    gates.get(3)!.open()
    await runner.settled()
  })

  it('several unknown-kind units in flight: each is journalled pending first, all closed unknown after a crash', async () => {
    const gates = new Map([2, 3, 4].map((key) => [key, gate()]))
    const k = kind('unknown', 6, { gates, concurrency: 3 })
    const runner = JobRunner.create(file, k)
    await runner.resume()
    // Unit 1 finished; 2, 3 and 4 are in flight together; 5 waits for a free slot.
    await until(() => k.calls.length === 4)
    expect(k.calls).toEqual([1, 2, 3, 4])
    const { caught } = await JobRunner.open(file, kind('unknown', 6))
    expect(caught.map((c) => [c.r, c.s, c.who])).toEqual([
      [2, 'unknown', 'u2'],
      [3, 'unknown', 'u3'],
      [4, 'unknown', 'u4'],
    ])
    const k2 = kind('unknown', 6, { concurrency: 3 })
    const resumed = (await JobRunner.open(file, k2)).runner
    await resumed.resume()
    await resumed.settled()
    expect(k2.calls).toEqual([5, 6])
    for (const g of gates.values()) g.open()
    await runner.settled()
  })

  it('pause with several unknown-kind units in flight waits for every one of them', async () => {
    const gates = new Map([1, 2].map((key) => [key, gate()]))
    const k = kind('unknown', 4, { gates, concurrency: 2 })
    const runner = JobRunner.create(file, k)
    await runner.resume()
    await until(() => k.calls.length === 2)
    await runner.pause()
    for (const g of gates.values()) g.open()
    await runner.settled()
    expect([runner.units.get(1)?.s, runner.units.get(2)?.s]).toEqual(['ok', 'ok'])
    expect(k.calls).toEqual([1, 2])
  })

  it('pause stops units still waiting for their turn; they run on resume, each once', async () => {
    // Six units, four in flight, each waiting 40 ms for its turn as a paced bulk send does.
    const begun: number[] = []
    let releaseFirst!: () => void
    const firstDone = new Promise<void>((r) => (releaseFirst = r))
    let turn = Promise.resolve()
    const k: JobKind<{ key: number }, Line> = {
      inFlight: 'unknown',
      concurrency: 4,
      async *units() {
        for (let key = 1; key <= 6; key++) yield { key }
      },
      async run(unit, step) {
        const mine = turn.then(() => new Promise<void>((r) => setTimeout(r, 40)))
        turn = mine
        await mine
        step.mayStart()
        await step.begin({ who: `u${unit.key}` })
        begun.push(unit.key)
        if (unit.key === 1) releaseFirst()
        return { s: 'ok' }
      },
      caughtInFlight: () => ({ s: 'unknown' }),
    }
    const runner = JobRunner.create(file, k)
    await runner.resume()
    await firstDone
    await runner.pause()
    await runner.settled()
    // Units 2–4 were queued behind the pace when the pause came: none of them began.
    expect(begun).toEqual([1])
    expect([...runner.units.keys()]).toEqual([1])
    await runner.resume()
    await runner.settled()
    expect(begun).toEqual([1, 2, 3, 4, 5, 6])
    expect(runner.status).toBe('done')
  })

  it('a unit that may be redone runs again after a crash', async () => {
    const gates = new Map([[2, gate()]])
    const k = kind('redo', 3, { gates })
    await JobRunner.create(file, k).resume()
    await k.inFlightNow
    const k2 = kind('redo', 3)
    const { runner, caught } = await JobRunner.open(file, k2)
    expect(caught).toEqual([])
    expect(runner.status).toBe('paused')
    await runner.resume()
    await runner.settled()
    expect(k2.calls).toEqual([2, 3])
    gates.get(2)!.open()
  })

  it('pause waits for an unknown-kind unit in flight; a redo-kind unit is aborted and redone', async () => {
    const g = gate()
    const k = kind('unknown', 3, { gates: new Map([[2, g]]) })
    const runner = JobRunner.create(file, k)
    await runner.resume()
    await k.inFlightNow
    await runner.pause()
    expect(runner.status).toBe('paused')
    g.open()
    await runner.settled()
    expect(runner.units.get(2)?.s).toBe('ok')
    expect(k.calls).toEqual([1, 2])
    await runner.resume()
    await runner.settled()
    expect(k.calls).toEqual([1, 2, 3])

    const r = kind('redo', 3, { gates: new Map([[2, gate()]]) })
    const redo = JobRunner.create(join(dir, 'redo.jsonl'), r)
    await redo.resume()
    await r.inFlightNow
    await redo.pause()
    await redo.settled()
    expect(redo.units.has(2)).toBe(false)
    expect(redo.status).toBe('paused')
  })

  it('a unit that fails stops the job as failed with a typed error; resume carries on', async () => {
    const k = kind('redo', 3, { fail: new Set([2]) })
    const runner = JobRunner.create(file, k)
    await runner.resume()
    await runner.settled()
    expect(runner.status).toBe('failed')
    expect(runner.error).toMatchObject({
      code: 'API_UNAVAILABLE',
      details: { messageKey: 'file-gone' },
    })
    const reopened = (await JobRunner.open(file, k)).runner
    expect(reopened.status).toBe('failed')
    expect(reopened.error?.code).toBe('API_UNAVAILABLE')
    await reopened.resume()
    await reopened.settled()
    expect(reopened.status).toBe('done')
    expect(k.calls).toEqual([1, 2, 2, 3])
  })

  it('an unexpected error is keyed, with its cause kept', async () => {
    const k: JobKind<{ key: number }, Line> = {
      inFlight: 'redo',
      async *units() {
        yield { key: 1 }
      },
      run: () => Promise.reject(new Error('EIO')),
    }
    const runner = JobRunner.create(file, k)
    await runner.resume()
    await runner.settled()
    expect(runner.error).toMatchObject({
      code: 'INTERNAL',
      details: { messageKey: 'job-stopped', cause: 'EIO' },
    })
  })

  it('a resume that cannot start leaves the job paused with the reason, never stuck', async () => {
    let secret = false
    const k = {
      ...kind('redo', 2),
      preflight: async () => {
        if (!secret) throw keyedFailure('NOT_ALLOWED', 'secret-missing', { shop: 'Demo' })
      },
    }
    const runner = JobRunner.create(file, k)
    await expect(runner.resume()).rejects.toThrow(/No secret key/)
    expect(runner.status).toBe('paused')
    expect(runner.error?.details?.messageKey).toBe('secret-missing')
    expect((await JobRunner.open(file, k)).runner.error?.details?.messageKey).toBe('secret-missing')
    secret = true
    await runner.resume()
    await runner.settled()
    expect(runner.status).toBe('done')
    expect(runner.error).toBeNull()
  })

  it('two resumes start one run; pause of a paused job and resume of a done job are refused', async () => {
    const k = kind('unknown', 3)
    const runner = JobRunner.create(file, k)
    await expect(runner.pause()).rejects.toThrow(/Only a running job/)
    await Promise.all([runner.resume(), runner.resume()])
    await runner.settled()
    expect(k.calls).toEqual([1, 2, 3])
    await expect(runner.resume()).rejects.toThrow(/finished or is already running/)
  })

  it('cancel ends the job for good, running or not', async () => {
    const g = gate()
    const k = kind('unknown', 3, { gates: new Map([[1, g]]) })
    const runner = JobRunner.create(file, k)
    await runner.resume()
    await k.inFlightNow
    await runner.cancel()
    g.open()
    await runner.settled()
    expect(runner.status).toBe('cancelled')
    expect(k.calls).toEqual([1])
    expect((await JobRunner.open(file, k)).runner.status).toBe('cancelled')
    const idle = JobRunner.create(join(dir, 'idle.jsonl'), kind('unknown', 1))
    await idle.cancel()
    expect(idle.status).toBe('cancelled')
  })

  it('a line torn by a crash does not take the next line with it', async () => {
    const runner = JobRunner.create(file, kind('unknown', 1))
    await runner.note('rate', { rate: 5 })
    await appendFile(file, '{"r":9,"s":"pe')
    await runner.note('rate', { rate: 7 })
    const { controls } = await JobRunner.open(file, kind('unknown', 1))
    expect(controls.map((c) => c.rate)).toEqual([5, 7])
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(4)
  })
})

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 5))
}
