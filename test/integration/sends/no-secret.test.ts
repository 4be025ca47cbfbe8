import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core'
import { createTestCore } from '../../support/test-core'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import type { Shop } from '../../../src/shared/shops'

/**
 * A shop whose secret is not stored (the browser host keeps secrets in memory only, so after
 * a restart none is until it is re-entered): its send log and bulk jobs are still shown, and
 * only what would call PersonaClick asks for the secret.
 */
let core: Core
let sandbox: Sandbox

const call = (channel: string, input: unknown) =>
  core.router.dispatch(channel, input, { host: 'browser', senderId: 'test' }) as Promise<{
    ok: boolean
    value?: unknown
    error?: { code: string; key?: string }
  }>

let dataDir: string
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  dataDir = await mkdtemp(join(tmpdir(), 'sends-no-secret-'))
})
afterAll(async () => {
  await core.dispose()
  await sandbox.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('sends of a shop without a stored secret', () => {
  it('lists bulk jobs and the send log, and refuses only to start a job', async () => {
    core = await createTestCore({ demo: false, dataDir })
    const saved = await call('shops:save', {
      label: 'Store',
      apiHost: sandbox.url,
      shopId: DEMO_SHOP.shopId,
      defaultCountry: 'RU',
      timeZone: 'Europe/Moscow',
      secret: DEMO_SHOP.secret,
    })
    expect(saved).toMatchObject({ ok: true })
    await call('shops:set-active', { id: (saved.value as Shop).id })
    // The host restarts: the shop is still there, its secret (memory only) is not.
    await core.dispose()
    core = await createTestCore({ demo: false, dataDir })
    const shops = (await call('shops:list', {})) as { value: { shops: Shop[] } | Shop[] }
    expect(JSON.stringify(shops.value)).toMatch(/"hasSecret":false/)

    expect(await call('sends:bulk-jobs', {})).toEqual({ ok: true, value: [] })
    expect(await call('sends:log', {})).toMatchObject({ ok: true, value: { total: 0 } })

    const started = await call('sends:bulk-start', {
      fileId: '00000000-0000-4000-8000-00000000f11e',
      route: 'transact',
      code: 'order_created',
      table: { encoding: 'utf-8', delimiter: ',', hasHeader: true, sepLine: false },
      mapping: { email: 0, phone: null, variables: [] },
      ratePerSecond: 5,
    })
    expect(started.ok).toBe(false)
    expect(JSON.stringify(started.error)).toMatch(/secret/)
    expect(sandbox.journal.entries()).toEqual([])
  })
})
