import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { expectNeverTwice } from './checks'
import { arraySource, harness, PROFILE, type Harness } from './harness'

const ROWS = 2000
const FILE_ID = '00000000-0000-4000-8000-00000000f11e'

// Recipient, two variables; a few rows carry a bad email and must fail without a request.
const rows = Array.from({ length: ROWS }, (_, i) => [
  i % 250 === 7 ? `broken-${i}@` : `bulk${i}@example.com`,
  `Name ${i}`,
  String(i),
])

let sandbox: Sandbox
let h: Harness
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, faultSeed: 5 })
  h = await harness({
    url: sandbox.url,
    source: arraySource(rows),
    timeoutMs: 250,
    // Retry-After and backoff waits shortened 20x: the client's own tests cover honouring
    // them; here only what happens to each message matters.
    sleep: (ms) => new Promise((r) => setTimeout(r, ms / 20)),
  })
  // The job's file handle: BulkSends asks the registry for its name.
  Object.assign(h.files, { info: () => ({ fileId: FILE_ID, name: 'bulk.csv', size: 1 }) })
})
afterAll(async () => {
  await h.cleanup()
  await sandbox.close()
})

describe('bulk send under faults', () => {
  it('sends 2,000 rows through timeouts, 5xx, 429 and drops without sending anything twice', async () => {
    // First rows: every answer comes after the client gave up (processed, outcome unknown).
    sandbox.setFaults({ latencyMs: 400 })
    const job = await h.bulk.start(
      {
        fileId: FILE_ID,
        route: 'transact',
        code: 'order_created',
        table: { encoding: 'utf-8', delimiter: ',', hasHeader: true, sepLine: false },
        mapping: {
          email: 0,
          phone: null,
          variables: [
            { name: 'name', column: 1 },
            { name: 'n', column: 2 },
          ],
        },
        ratePerSecond: 1000,
      },
      PROFILE,
    )
    while (sandbox.state.main.sends.length < 10) await new Promise((r) => setTimeout(r, 20))
    sandbox.setFaults({
      rate5xx: 0.03,
      rate429: 0.05,
      retryAfterSeconds: 1,
      dropRate: 0.03,
      dropAfterProcessing: true,
    })
    const final = await h.bulk.settled(job.id)
    sandbox.setFaults({})

    expect(final.status).toBe('done')
    expect(final.sent + final.failed + final.unknown).toBe(ROWS)
    const counts = expectNeverTwice(h, job.id, sandbox, ROWS)
    expect(counts).toMatchObject({ sent: final.sent, failed: final.failed, unknown: final.unknown })
    // Every kind of fault really happened.
    const faults = new Set(sandbox.journal.entries().map((e) => e.fault ?? 'none'))
    expect([...faults].sort()).toEqual(['429', '5xx', 'drop', 'none'])
    expect(final.unknown).toBeGreaterThanOrEqual(10)
    expect(final.failed).toBeGreaterThanOrEqual(8) // the broken emails, at least
    // Broken rows never reached the server.
    const bodies = sandbox.journal.entries().map((e) => JSON.stringify(e.body))
    expect(bodies.some((b) => b.includes('broken-'))).toBe(false)
    // The log has one line per row, masked in lists.
    const logged = h.log.list(PROFILE, { limit: 50_000 })
    expect(logged.total).toBe(ROWS)
    expect(logged.items[0]?.email).toMatch(/\*\*\*/)
  })
})
