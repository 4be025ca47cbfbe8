import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { stringifyWithItems } from '../../../src/main/api/json-items'
import type { BatchLine } from '../../../src/main/services/audience-import/upload-kind'
import { uploadKind } from '../../../src/main/services/audience-import/upload-kind'
import type { UploadOptions } from '../../../src/shared/import'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upload-kind-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

// Rows of different lengths, some not ASCII, as the check writes them (one JSON a line).
const rows = Array.from({ length: 23 }, (_, i) => ({
  email: `user${i}@example.com`,
  first_name: i % 3 ? `Name${'x'.repeat(i)}` : 'Анна «Ёлка» 😀',
  email_bulk: i % 2 === 0,
}))

const noSend = { send: async () => {}, preflight: async () => {} }

/** Every batch the kind yields, as the JSON body its request would carry. */
async function batches(
  options: Partial<UploadOptions>,
  opts: { mode?: 'audience' | 'suppressed'; done?: number[]; readSize?: number } = {},
) {
  const path = join(dir, 'rows.jsonl')
  await writeFile(path, rows.map((r) => JSON.stringify(r) + '\n').join(''))
  const full: UploadOptions = { batchSize: 5, dryRun: false, subscriptions: {}, ...options }
  const kind = uploadKind(path, opts.mode ?? 'audience', full, noSend, opts.readSize)
  const done = new Map<number, BatchLine>(
    (opts.done ?? []).map((r) => [r, { r, s: 'acked', t: '' }]),
  )
  const out: { key: number; audience: unknown[]; count: number }[] = []
  for await (const batch of kind.units(done)) {
    const body = stringifyWithItems({ audience: batch.rows })
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body)
    const { audience } = JSON.parse(text) as { audience: unknown[] }
    out.push({ key: batch.key, audience, count: batch.rows.length })
  }
  return out
}

describe('the audience upload kind', () => {
  it('sends every checked row once, in order, in batches, whatever the size of a read', async () => {
    for (const readSize of [7, 64, 1 << 20]) {
      const got = await batches({}, { readSize })
      expect(got.map((b) => b.key)).toEqual([0, 1, 2, 3, 4])
      expect(got.map((b) => b.count)).toEqual([5, 5, 5, 5, 3])
      expect(got.flatMap((b) => b.audience)).toEqual(rows)
    }
  })

  it('skips the acknowledged batches and sends exactly the others', async () => {
    const got = await batches({}, { done: [0, 2, 4], readSize: 13 })
    expect(got.map((b) => b.key)).toEqual([1, 3])
    expect(got.flatMap((b) => b.audience)).toEqual([...rows.slice(5, 10), ...rows.slice(15, 20)])
  })

  it('sets the flags chosen for everyone on every row, and sends emails only to suppress', async () => {
    const flagged = await batches({ subscriptions: { email_bulk: false, sms_bulk: true } })
    expect(flagged.flatMap((b) => b.audience)).toEqual(
      rows.map((r) => ({ ...r, email_bulk: false, sms_bulk: true })),
    )
    const suppressed = await batches({}, { mode: 'suppressed', readSize: 9 })
    expect(suppressed.flatMap((b) => b.audience)).toEqual(rows.map((r) => ({ email: r.email })))
  })
})
