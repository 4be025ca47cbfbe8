import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../../../src/main/api/client'
import { SecretRegistry } from '../../../src/main/log/redact'
import { ActivityLog, activityHook } from '../../../src/main/services/activity'
import { AppFailure } from '../../../src/shared/errors'
import { DEMO_SHOP, startSandbox } from '../../../src/sandbox'
import { credentialsOf } from '../../support/shops'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

const cleanup: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const f of cleanup) await f()
})

describe('client -> activity log, over real HTTP', () => {
  it('records every call without the secret, in memory, on disk and in the CSV', async () => {
    const sandbox = await startSandbox({ port: 0 })
    const dir = await mkdtemp(join(tmpdir(), 'activity-it-'))
    cleanup.push(
      () => sandbox.close(),
      () => rm(dir, { recursive: true, force: true }),
    )
    const log = await ActivityLog.open({ dataDir: dir })
    const shop = {
      profileId: 'demo',
      apiHost: sandbox.url,
      shopId: DEMO_SHOP.shopId,
      secret: DEMO_SHOP.secret,
    }
    const wrong = { ...shop, profileId: 'wrong', secret: 'wrong-secret-xyz' }
    const client = createApiClient({
      transport: (url, init) => fetch(url, init),
      credentials: credentialsOf(shop, wrong),
      secrets: new SecretRegistry(),
      onCall: activityHook(log),
    })
    const email = sandbox.state.main.customers.find((c) => c.email)?.email ?? ''
    await client.call('nps.reviews', 'active') // secret in the query string
    await client.call('subscriptions.check', 'active', { email }) // secret in a header
    await client.call('segments.add', 'active', { email, segment_id: 334 }) // secret in a form body
    const audience = Array.from({ length: 1000 }, (_, i) => ({ email: `bulk${i}@example.com` }))
    await client.call('import.audience', 'active', { audience })
    await client
      .call('nps.reviews', { profileId: 'wrong' })
      .catch((err: unknown) => expect(err).toBeInstanceOf(AppFailure))
    await log.flush()

    const { items } = log.list()
    expect(items.map((r) => `${r.outcome} ${r.method} ${r.path}`)).toEqual([
      'error GET /nps/reviews',
      'ok POST /import/audience',
      'ok POST /segments/add',
      'ok GET /subscriptions/check',
      'ok GET /nps/reviews',
    ])
    expect(items[0]).toMatchObject({ status: 403, errorCode: 'API_WRONG_SECRET' })
    expect(items[1]?.params).toMatchObject({ audience: '[1000 items]', shop_secret: '[redacted]' })
    expect(items.every((r) => r.bytes > 0 && r.durationMs >= 0)).toBe(true)

    const file = await readFile(log.file, 'utf8')
    const csv = log.exportCsv({}, PLAIN_CSV)
    for (const text of [JSON.stringify(items), file, csv]) {
      expect(text).not.toContain(DEMO_SHOP.secret)
      expect(text).not.toContain('wrong-secret-xyz')
    }
    const reloaded = await ActivityLog.open({ dataDir: dir })
    expect(reloaded.list().items).toEqual(items)
  })
})
