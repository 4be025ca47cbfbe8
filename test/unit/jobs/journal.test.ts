import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal } from '../../../src/main/jobs/journal'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const lines = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { r: number })

describe('journal', () => {
  it('lines appended together are all on disk, in order, when each append resolves', async () => {
    const file = join(dir, 'job', 'journal.jsonl')
    const journal = new Journal<{ r: number }>(file)
    const missing: number[] = []
    // Appends that arrive while a write is under way share the next one.
    await Promise.all(
      Array.from({ length: 20 }, (_, r) =>
        journal.append({ r }).then(async () => {
          if (!(await lines(file)).some((l) => l.r === r)) missing.push(r)
        }),
      ),
    )
    await journal.close()
    expect((await lines(file)).map((l) => l.r)).toEqual(Array.from({ length: 20 }, (_, r) => r))
    // Whenever an append resolved, its own line was already in the file.
    expect(missing).toEqual([])
    await journal.append({ r: 20 })
    await journal.close()
    expect(await lines(file)).toHaveLength(21)
  })
})
