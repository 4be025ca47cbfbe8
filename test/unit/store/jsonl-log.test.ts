import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JsonlLog } from '../../../src/main/store/jsonl-log'

interface Rec {
  n: number
  who: string
}
const parse = (raw: unknown): Rec | null =>
  typeof raw === 'object' && raw !== null && typeof (raw as Rec).n === 'number'
    ? (raw as Rec)
    : null

let dir: string
let file: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jsonl-'))
  file = join(dir, 'sub', 'log.jsonl')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const lineCount = async () =>
  (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim()).length

describe('JSON-lines log', () => {
  it('keeps the newest in memory, pages newest first, and reloads what it wrote', async () => {
    const log = await JsonlLog.open({ file, capacity: 3, parse })
    const heard: number[] = []
    const off = log.subscribe((r) => heard.push(r.n))
    for (let n = 1; n <= 5; n++) log.append({ n, who: n % 2 ? 'odd' : 'even' })
    off()
    log.append({ n: 6, who: 'even' })
    expect(heard).toEqual([1, 2, 3, 4, 5])
    expect(log.page(() => true).items.map((r) => r.n)).toEqual([6, 5, 4])
    expect(log.page((r) => r.who === 'even', { limit: 1, offset: 1 })).toEqual({
      items: [{ n: 4, who: 'even' }],
      total: 2,
    })
    await log.flush()
    // Without compaction every line stays on disk; a reload keeps the newest.
    expect(await lineCount()).toBe(6)
    const again = await JsonlLog.open({ file, capacity: 3, parse })
    expect([...again.newestFirst()].map((r) => r.n)).toEqual([6, 5, 4])
  })

  it('skips torn and foreign lines and compacts the file once it outgrows its limit', async () => {
    const log = await JsonlLog.open({ file, capacity: 2, parse, compactAt: 2 })
    log.append({ n: 1, who: 'a' })
    await log.flush()
    await appendFile(file, '{"who":"no number"}\n{"n":2,"wh')
    const reopened = await JsonlLog.open({ file, capacity: 2, parse, compactAt: 2 })
    expect([...reopened.newestFirst()].map((r) => r.n)).toEqual([1])
    for (let n = 3; n <= 6; n++) reopened.append({ n, who: 'b' })
    await reopened.flush()
    expect(await lineCount()).toBeLessThanOrEqual(4)
    expect(
      [...(await JsonlLog.open({ file, capacity: 2, parse })).newestFirst()].map((r) => r.n),
    ).toEqual([6, 5])
  })

  it('clear empties memory and file', async () => {
    const log = await JsonlLog.open({ file, capacity: 10, parse })
    log.append({ n: 1, who: 'a' })
    await log.clear()
    await log.flush()
    expect(log.page(() => true).total).toBe(0)
    expect(await readFile(file, 'utf8')).toBe('')
  })
})
