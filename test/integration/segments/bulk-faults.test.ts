import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { harness, PROFILE } from './harness'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

const ROWS = 5000
const SEGMENT = 334 // static, empty in the seeded data

// Every 500th email is broken (10 rejected rows); rows 4990.. repeat earlier contacts.
const email = (i: number): string =>
  i >= ROWS - 5
    ? `seg${i - 4000}@example.com`
    : i % 500 === 7
      ? `broken-${i}@`
      : `seg${i}@example.com`
const valid = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i < ROWS - 5 && i % 500 !== 7)

let sandbox: Sandbox
let h: Awaited<ReturnType<typeof harness>>
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, faultSeed: 12 })
  h = await harness({
    url: sandbox.url,
    // Retry-After and backoff waits shortened 20x: the client's own tests cover honouring
    // them; here only what happens to each row matters.
    sleep: (ms) => new Promise((r) => setTimeout(r, ms / 20)),
  })
})
afterAll(async () => {
  await h.cleanup()
  await sandbox.close()
})

describe('bulk add under faults', () => {
  // Bounded by the journal's one datasync per row (about 15 s here unloaded); generous for CI.
  it(
    'adds 5,000 rows through 5xx, 429 and dropped connections: every valid contact once',
    { timeout: 240_000 },
    async () => {
      const path = join(h.dir, 'webinar.csv')
      await writeFile(
        path,
        'Name;E-mail\n' + Array.from({ length: ROWS }, (_, i) => `N${i};${email(i)}`).join('\n'),
      )
      const file = await h.files.registerPath(path)
      const source = {
        kind: 'file' as const,
        fileId: file.fileId,
        table: {
          encoding: 'utf-8' as const,
          delimiter: ';' as const,
          hasHeader: true,
          sepLine: false,
        },
        mapping: { email: 1, phone: null },
      }
      expect(await h.jobs.review(source, PROFILE)).toMatchObject({
        total: ROWS,
        valid: valid.length,
        rejected: 10,
        duplicates: 5,
      })

      sandbox.setFaults({
        rate5xx: 0.1,
        rate429: 0.1,
        retryAfterSeconds: 1,
        dropRate: 0.05,
        // The add reached PersonaClick and only the answer was lost: asking again must be harmless.
        dropAfterProcessing: true,
      })
      const job = await h.jobs.start(
        { source, action: 'add', segmentId: SEGMENT, ratePerSecond: 0 },
        PROFILE,
      )
      const final = await h.jobs.settled(job.id)
      sandbox.setFaults({})

      expect(final).toMatchObject({ status: 'done', total: ROWS, done: ROWS, failed: 0 })
      expect(final.ok).toBe(valid.length)
      expect(final.skipped).toBe(15)

      // The sandbox's truth: exactly the valid contacts are members.
      const shop = sandbox.state.main
      const members = [...shop.segments.get(SEGMENT)!.members].map((i) => shop.customers[i]!.email)
      expect(members.sort()).toEqual(valid.map(email).sort())

      // Every fault happened, and every request was a form POST with the secret in the body.
      const entries = sandbox.journal.entries().filter((e) => e.path === '/segments/add')
      expect(new Set(entries.map((e) => e.fault ?? 'none'))).toEqual(
        new Set(['429', '5xx', 'drop', 'none']),
      )
      for (const e of entries) {
        expect(e.method).toBe('POST')
        expect(e.secretPlacement).toBe('form')
        expect(e.query).toEqual({})
      }
      const requests = new Map<string, number>()
      for (const e of entries) {
        const to = (e.body as { email: string }).email
        requests.set(to, (requests.get(to) ?? 0) + 1)
      }
      expect([...requests.keys()].sort()).toEqual(valid.map(email).sort())

      // One journal result per row: nothing skipped, nothing counted twice.
      const journal = (
        await readFile(join(h.dir, 'segments', 'jobs', job.id, 'journal.jsonl'), 'utf8')
      )
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { r?: number; s?: string })
        .filter((l) => l.r !== undefined && l.s !== 'pending')
      expect(journal).toHaveLength(ROWS)
      expect(new Set(journal.map((l) => l.r)).size).toBe(ROWS)

      // The report lists every row; a row asked more than once says so as retries, once.
      const report = parse(
        (await h.jobs.report(job.id, PLAIN_CSV)).content.replace(/^\uFEFF/, ''),
        {
          columns: ['row', 'identifier', 'outcome', 'reason', 'retries'],
          fromLine: 2,
        },
      ) as { row: string; identifier: string; outcome: string; retries: string }[]
      expect(report).toHaveLength(ROWS)
      expect(report.filter((r) => r.outcome === 'added')).toHaveLength(valid.length)
      expect(report.filter((r) => r.outcome.startsWith('rejected'))).toHaveLength(10)
      expect(report.filter((r) => r.outcome.startsWith('skipped'))).toHaveLength(5)
      for (const r of report.filter((x) => x.outcome === 'added'))
        expect(Number(r.retries), r.identifier).toBe((requests.get(r.identifier) ?? 0) - 1)
      expect(final.retried).toBe(report.filter((r) => Number(r.retries) > 0).length)
      expect(final.retried).toBeGreaterThan(500)
    },
  )
})
