import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../../../src/main/api/client'
import { SecretRegistry } from '../../../src/main/log/redact'
import { NpsService } from '../../../src/main/services/nps/nps-service'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import { npsLoadSchema } from '../../../src/shared/nps'
import { oneShop } from '../../support/shops'

/** A long NPS load against a slow sandbox: it reports progress and stops when asked. */
const NOW = '2025-06-30T12:00:00.000Z'
let sandbox: Sandbox
let dir: string
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW, faults: { latencyMs: 200 } })
  dir = await mkdtemp(join(tmpdir(), 'nps-cancel-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

describe('a long NPS load', () => {
  it('shows progress and can be stopped: it ends as cancelled, and a later load works', async () => {
    const shop = oneShop(sandbox.url)
    const progress: number[] = []
    let stop = (): void => undefined
    const nps = new NpsService({
      dataDir: dir,
      api: createApiClient({
        transport: (url, init) => fetch(url, init),
        credentials: shop.credentials,
        secrets: new SecretRegistry(),
      }),
      shops: shop.shops,
      now: () => Date.parse(NOW),
      onProgress: (p) => {
        progress.push(p.requests)
        stop()
      },
    })
    const input = npsLoadSchema.parse({ from: '2024-07-01', to: '2025-06-30', bucket: 'month' })
    const loading = nps.load(input)
    stop = () => expect(nps.cancel()).toEqual({ cancelled: true })
    await expect(loading).rejects.toMatchObject({ appError: { code: 'CANCELLED' } })
    expect(progress.length).toBeGreaterThan(0)
    const requestsBefore = sandbox.journal.count({ path: '/nps/reviews' })

    stop = () => undefined
    sandbox.setFaults({})
    const report = await nps.load(input)
    expect(report.summary.n).toBeGreaterThan(0)
    expect(nps.cancel()).toEqual({ cancelled: false })
    expect(sandbox.journal.count({ path: '/nps/reviews' })).toBeGreaterThan(requestsBefore)
  })
})
