import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { harness, PROFILE, type Harness } from './harness'

const ROWS = 20
const csv = (emails: readonly string[]): string =>
  ['email,name', ...emails.map((e, i) => `${e},Name ${i}`)].join('\n') + '\n'

let sandbox: Sandbox
let h: Harness
let dir: string
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  // The real table-file reader: the job reads a CSV on disk, as in the app.
  h = await harness({ url: sandbox.url })
  dir = await mkdtemp(join(tmpdir(), 'sends-snapshot-'))
})
afterAll(async () => {
  await h.cleanup()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

/** Who got the campaign addressed to one case's domain, with how many messages each. */
function received(domain: string): Map<string, number> {
  const got = new Map<string, number>()
  for (const s of sandbox.state.main.sends)
    if (s.email?.endsWith(domain)) got.set(s.email, (got.get(s.email) ?? 0) + 1)
  return got
}

describe('bulk send resumed after its file changed', () => {
  it.each([
    // Five new people above the rest: every unsent row moves down five places.
    [
      'edited',
      async (path: string, domain: string) => {
        const extra = Array.from({ length: 5 }, (_, i) => `new${i}@${domain}`)
        const original = Array.from({ length: ROWS }, (_, i) => `p${i}@${domain}`)
        await writeFile(path, csv([...extra, ...original]))
      },
    ],
    ['moved', (path: string) => rename(path, `${path}.moved`)],
    ['deleted', (path: string) => unlink(path)],
  ] as const)('%s: every original recipient gets exactly one message', async (name, change) => {
    const domain = `${name}.example`
    const original = Array.from({ length: ROWS }, (_, i) => `p${i}@${domain}`)
    const path = join(dir, `${name}.csv`)
    await writeFile(path, csv(original))
    const file = await h.files.registerPath(path)

    const job = await h.bulk.start(
      {
        fileId: file.fileId,
        route: 'transact',
        code: 'order_created',
        table: { encoding: 'utf-8', delimiter: ',', hasHeader: true, sepLine: false },
        mapping: { email: 0, phone: null, variables: [{ name: 'name', column: 1 }] },
        // Slow enough that the pause lands mid-file on a fast machine too; rows queued
        // behind the rate when it lands are not sent (they go on resume).
        ratePerSecond: 10,
      },
      PROFILE,
    )
    while (received(domain).size < 5) await new Promise((r) => setTimeout(r, 5))
    await h.bulk.control(job.id, 'pause')
    const paused = await h.bulk.settled(job.id)
    expect(paused.status).toBe('paused')
    expect(paused.sent).toBeLessThan(ROWS)

    await change(path, domain)
    await h.bulk.control(job.id, 'resume')
    const final = await h.bulk.settled(job.id)

    expect(final.status).toBe('done')
    expect(final).toMatchObject({ total: ROWS, sent: ROWS, failed: 0, unknown: 0 })
    // What the sandbox processed: the original twenty, once each, and no one else.
    const got = received(domain)
    expect([...got.keys()].sort()).toEqual([...original].sort())
    expect([...got.values()].every((n) => n === 1)).toBe(true)
  })
})

describe('bulk send from a file partly saved in another encoding', () => {
  it('a garbled row is refused by its row number, never sent with broken text', async () => {
    const domain = 'mixed.example'
    const path = join(dir, 'mixed.csv')
    // UTF-8 rows, then one row another program saved as windows-1251.
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from(`email,name\na@${domain},Анна\nb@${domain},Борис\n`, 'utf8'),
        iconv.encode(`c@${domain},Вера\n`, 'windows-1251'),
      ]),
    )
    const file = await h.files.registerPath(path)
    const job = await h.bulk.start(
      {
        fileId: file.fileId,
        route: 'transact',
        code: 'order_created',
        table: { encoding: 'utf-8', delimiter: ',', hasHeader: true, sepLine: false },
        mapping: { email: 0, phone: null, variables: [{ name: 'name', column: 1 }] },
        ratePerSecond: 100,
      },
      PROFILE,
    )
    const final = await h.bulk.settled(job.id)
    expect(final).toMatchObject({ status: 'done', total: 3, sent: 2, failed: 1 })
    expect([...received(domain).keys()].sort()).toEqual([`a@${domain}`, `b@${domain}`])
    const refused = h.log.list(PROFILE, { limit: 100 }).items.find((e) => e.row === 4)
    expect(refused?.issues).toEqual([{ field: 'row', reason: 'undecodable' }])
    const bodies = sandbox.journal.entries().map((e) => JSON.stringify(e.body))
    expect(bodies.some((b) => b.includes('\uFFFD'))).toBe(false)
  })
})
