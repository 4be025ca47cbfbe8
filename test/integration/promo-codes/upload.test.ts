import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { CODE_ALPHABET } from '../../../src/shared/promo-codes'
import { codesIn, harness, PROFILE, type Harness } from './harness'
import { csvExport, dialectFor } from '../../../src/main/services/files/csv'

let sb: Sandbox
let h: Harness
beforeAll(async () => {
  sb = await startSandbox({ port: 0 })
  h = await harness({ url: sb.url })
})
afterAll(async () => {
  await h.cleanup()
  await sb.close()
})

const EMPTY_LIST = 3222

describe('promo-code uploads', () => {
  it('generates 2,000 codes; the list then holds exactly those, none repeated', async () => {
    const review = await h.uploads.review(PROFILE, String(EMPTY_LIST), {
      kind: 'generate',
      pattern: 'SPRING-XXXX-XXXX',
      count: 2000,
    })
    expect(review).toMatchObject({ read: 2000, count: 2000, duplicates: 0, invalidCount: 0 })
    const pattern = new RegExp(`^SPRING-[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`)
    expect(review.sample.every((c) => pattern.test(c))).toBe(true)
    const started = await h.uploads.start(PROFILE, review.reviewId, 300)
    const done = await h.uploads.settled(started.id)
    expect(done).toMatchObject({ status: 'done', total: 2000, sent: 2000, before: 0, after: 2000 })
    const ledger = await h.ledger.set(PROFILE, String(EMPTY_LIST))
    expect(ledger.size).toBe(2000)
    expect(codesIn(sb, EMPTY_LIST)).toEqual(ledger)
    // 7 batches of at most 300, each a JSON POST with the secret in the body, none in a URL.
    const posts = sb.journal.entries().filter((e) => e.method === 'POST')
    expect(posts).toHaveLength(7)
    for (const post of posts) {
      expect(post).toMatchObject({ path: '/promo_codes', secretPlacement: 'body', query: {} })
      expect(post.contentType).toMatch(/application\/json/)
    }
    // The activity log never holds a code.
    const logged = JSON.stringify(h.calls)
    expect([...ledger].some((code) => logged.includes(code))).toBe(false)
  })

  it('a second generation avoids every code uploaded before', async () => {
    const review = await h.uploads.review(PROFILE, String(EMPTY_LIST), {
      kind: 'generate',
      pattern: 'SPRING-XXXX-XXXX',
      count: 500,
    })
    const job = await h.uploads.settled(
      (await h.uploads.start(PROFILE, review.reviewId, 10_000)).id,
    )
    expect(job).toMatchObject({ sent: 500, before: 2000, after: 2500 })
  })

  it('a file of 100 codes, 10 already in the list: the result shows 90 new', async () => {
    const existing = [...codesIn(sb, 3184)].slice(0, 10)
    const fresh = Array.from({ length: 90 }, (_, i) => `FILE-${i}`)
    const file = await h.files.registerPath(
      await writeTemp('code\n' + [...existing, ...fresh].join('\n') + '\n'),
    )
    const review = await h.uploads.review(PROFILE, '3184', { kind: 'file', fileId: file.fileId })
    expect(review.count).toBe(100)
    const job = await h.uploads.settled(
      (await h.uploads.start(PROFILE, review.reviewId, 10_000)).id,
    )
    expect(job.sent).toBe(100)
    expect(job.after! - job.before!).toBe(90)
  })

  it('a list exported in Russian (`;`, «Код») reads back as a file of codes', async () => {
    const codes = Array.from({ length: 20 }, (_, i) => `RU-BACK-${i}`)
    const exported = csvExport(
      'codes.csv',
      [dialectFor('ru').words.columns.promoCodes.code],
      codes.map((c) => [c]),
      dialectFor('ru'),
    )
    expect(exported.content.startsWith('\uFEFFКод\r\n')).toBe(true)
    const file = await h.files.registerPath(await writeTemp(exported.content))
    const review = await h.uploads.review(PROFILE, '3184', { kind: 'file', fileId: file.fileId })
    expect(review).toMatchObject({ read: 20, count: 20, invalidCount: 0 })
    expect(review.sample).toContain('RU-BACK-0')
  })

  it('review lists invalid codes, removes repeats and codes uploaded before', async () => {
    const text = [
      'GOOD-1',
      '  GOOD-2  ',
      'GOOD-1',
      '',
      'HAS SPACE',
      'X'.repeat(65),
      'BELL\u0007',
      'FILE-3', // uploaded to this list by the previous test
    ].join('\n')
    const review = await h.uploads.review(PROFILE, '3184', { kind: 'paste', text })
    expect(review).toMatchObject({
      read: 8,
      count: 2,
      duplicates: 1,
      alreadyUploaded: 1,
      invalidCount: 4,
      sample: ['GOOD-1', 'GOOD-2'],
    })
    expect(review.invalid.map((i) => [i.line, i.reason])).toEqual([
      [4, 'empty'],
      [5, 'whitespace'],
      [6, 'too-long'],
      [7, 'control'],
    ])
  })

  it('pause, resume and cancel; a cancelled upload sends no more batches', async () => {
    sb.setFaults({ latencyMs: 50 })
    const review = await h.uploads.review(PROFILE, String(EMPTY_LIST), {
      kind: 'generate',
      pattern: 'PAUSE-XXXXXX',
      count: 4000,
    })
    const started = await h.uploads.start(PROFILE, review.reviewId, 100)
    await h.uploads.control(started.id, 'pause')
    const paused = await h.uploads.settled(started.id)
    expect(paused.status).toBe('paused')
    expect(paused.sent).toBeLessThan(4000)
    await h.uploads.control(started.id, 'resume')
    await h.uploads.control(started.id, 'cancel')
    const cancelled = await h.uploads.settled(started.id)
    expect(cancelled.status).toBe('cancelled')
    const posts = sb.journal.count({ method: 'POST', path: '/promo_codes' })
    await new Promise((r) => setTimeout(r, 200))
    expect(sb.journal.count({ method: 'POST', path: '/promo_codes' })).toBe(posts)
    sb.setFaults({})
  })
})

async function writeTemp(content: string): Promise<string> {
  const { writeFile } = await import('node:fs/promises')
  const { join } = await import('node:path')
  const path = join(h.dir, `codes-${Date.now()}.csv`)
  await writeFile(path, content)
  return path
}
