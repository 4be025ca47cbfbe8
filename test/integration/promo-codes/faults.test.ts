import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { codesIn, harness, PROFILE, type Harness } from './harness'

const CODES = 200_000
const LIST = 3222

let sb: Sandbox
let h: Harness
beforeAll(async () => {
  sb = await startSandbox({ port: 0, faultSeed: 13 })
  h = await harness({
    url: sb.url,
    timeoutMs: 5_000,
    // Retry-After and backoff waits shortened 20x: the client's own tests cover honouring
    // them; here only which codes end up in the list matters.
    sleep: (ms) => new Promise((r) => setTimeout(r, ms / 20)),
  })
})
afterAll(async () => {
  await h.cleanup()
  await sb.close()
})

describe('a 200,000-code upload under faults', () => {
  it('ends with exactly the 200,000 codes in the list through 5xx, 429 and dropped connections', async () => {
    const review = await h.uploads.review(PROFILE, String(LIST), {
      kind: 'generate',
      pattern: 'FAULT-XXXX-XXXX',
      count: CODES,
    })
    expect(review.count).toBe(CODES)
    sb.setFaults({ rate5xx: 0.1, rate429: 0.1, retryAfterSeconds: 1, dropRate: 0.05 })
    let job = await h.uploads.start(PROFILE, review.reviewId, 5_000)
    // A batch whose retries all fail stops the job (paused, with the reason); resuming
    // carries on from the first batch not acknowledged, as the marketer would.
    for (let round = 0; round < 20; round++) {
      job = await h.uploads.settled(job.id)
      if (job.status === 'done') break
      expect(job.status).toBe('paused')
      job = await h.uploads.control(job.id, 'resume')
    }
    sb.setFaults({})
    expect(job).toMatchObject({ status: 'done', sent: CODES, before: 0, after: CODES })
    const faults = sb.journal.entries().filter((e) => e.fault)
    expect(new Set(faults.map((e) => e.fault))).toEqual(new Set(['5xx', '429', 'drop']))
    const ledger = await h.ledger.set(PROFILE, String(LIST))
    expect(ledger.size).toBe(CODES)
    expect(codesIn(sb, LIST)).toEqual(ledger)
  })
})
