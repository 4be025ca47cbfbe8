import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/main/log/logger'
import { SecretRegistry } from '../../../src/main/log/redact'

describe('log file rotation', () => {
  let dir: string
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'pc-log-'))))
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('keeps the file under its size and the newest records in order, dropping the oldest', async () => {
    const file = join(dir, 'console.log')
    const log = createLogger({ secrets: new SecretRegistry(), file, maxBytes: 2_000, keep: 2 })
    const scoped = log.scope('import')
    for (let i = 0; i < 150; i++) (i % 2 ? scoped : log).info(`record ${i}`)

    expect((await readdir(dir)).sort()).toEqual(['console.log', 'console.log.1', 'console.log.2'])
    const read = async (name: string) =>
      (await readFile(join(dir, name), 'utf8'))
        .trimEnd()
        .split('\n')
        .map((l) => Number(/record (\d+)/.exec(l)?.[1]))
    const [older, old, current] = await Promise.all(
      ['console.log.2', 'console.log.1', 'console.log'].map(read),
    )
    for (const name of ['console.log', 'console.log.1', 'console.log.2'])
      expect((await readFile(join(dir, name))).length).toBeLessThanOrEqual(2_000)
    // One unbroken, ordered run ending with the last record: nothing lost between files.
    const all = [...older!, ...old!, ...current!]
    expect(all.at(-1)).toBe(149)
    expect(all).toEqual(all.map((_, i) => all[0]! + i))
    expect(all[0]).toBeGreaterThan(0)
  })
})
