import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contactsCsv } from '../../fixtures/table-files'
import { importServiceFor, validated } from '../audience-import/support/service'
import { harness as sendsHarness } from '../sends/harness'
import { answeringServer, json, type AnsweringServer } from './answering-server'

/**
 * A 200 that carries PersonaClick's error text instead of the documented answer. The status
 * says success; the body says otherwise. A send must not be logged as sent (it may or may
 * not have gone out: unknown), an import batch must not count as delivered, and the
 * marketer sees what PersonaClick said.
 */
let server: AnsweringServer | undefined
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await server?.close()
  for (const c of cleanups.splice(0)) await c()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pc-error-answer-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

describe('a 200 answer with {"error": …}', () => {
  it('/transact: the send is logged unknown, never sent, with PersonaClick’s text', async () => {
    server = await answeringServer({ '/transact': json({ error: 'quota exceeded' }) })
    const h = await sendsHarness({ url: server.url, dir: await tempDir() })
    const entry = await h.sends.send({ route: 'transact', code: 'welcome', email: 'a@example.com' })
    expect(entry.status).toBe('unknown')
    expect(entry).toMatchObject({
      errorCode: 'API_UNEXPECTED_RESPONSE',
      errorKey: 'send-answer-error',
      apiMessage: 'quota exceeded',
    })
    expect(entry.error).toContain('“quota exceeded”')
    // Never resent by the client: one request.
    expect(server.hits('/transact')).toBe(1)
  })

  it('/import/audience: the batch fails with PersonaClick’s text and the import is not done', async () => {
    server = await answeringServer({ '/import/audience': json({ error: 'quota exceeded' }) })
    const dir = await tempDir()
    const path = join(dir, 'contacts.csv')
    await writeFile(path, contactsCsv(100))
    const { service, files } = await importServiceFor(join(dir, 'data'), server.url)
    const job = await validated(service, (await files.registerPath(path)).fileId)
    await service.start({
      jobId: job.id,
      options: { batchSize: 50, dryRun: false, subscriptions: {} },
    })
    const settled = await service.settled(job.id)
    expect(settled.status).toBe('failed')
    expect(settled.upload).toMatchObject({ batchesDone: 0, sentRows: 0 })
    expect(settled.error).toMatchObject({
      details: { messageKey: 'answer-error', apiMessage: 'quota exceeded' },
    })
  })

  it('/import/audience: garbage in a 200 fails the batch too', async () => {
    for (const garbage of [
      [{ unexpected: 'shape' }],
      'garbage',
      42,
      { errors: ['bad audience'] },
    ]) {
      server = await answeringServer({ '/import/audience': json(garbage) })
      const dir = await tempDir()
      const path = join(dir, 'contacts.csv')
      await writeFile(path, contactsCsv(10))
      const { service, files } = await importServiceFor(join(dir, 'data'), server.url)
      const job = await validated(service, (await files.registerPath(path)).fileId)
      await service.start({
        jobId: job.id,
        options: { batchSize: 50, dryRun: false, subscriptions: {} },
      })
      const settled = await service.settled(job.id)
      expect(settled.status, JSON.stringify(garbage)).toBe('failed')
      expect(settled.upload?.batchesDone).toBe(0)
      await server.close()
      server = undefined
    }
  })
})
