import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src/main/core'
import type { CallContext } from '../../../src/main/ipc/router'
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src/shared/contract/types'
import { startSandbox, type Sandbox } from '../../../src/sandbox'

/**
 * The real core (shops, vault, API client, features) against a sandbox over loopback
 * HTTP: a call names its shop and the client resolves that shop's credentials, so testing
 * a shop that is not the active one reaches that shop, and the active one keeps serving.
 */
const EU = { shopId: 'eu-shop-77', secret: 'S3CRET-eu-9f8e7d6c5b4a' }
const ctx: CallContext = { host: 'browser', senderId: 'test' }
let sandbox: Sandbox
let core: Core
let dataDir: string

async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.router.dispatch(channel, input, ctx)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as ChannelOutput<C>
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, shops: [EU] })
  dataDir = await mkdtemp(join(tmpdir(), 'pc-core-shops-'))
  core = await createCore({
    host: 'browser',
    dataDir,
    productName: 'PersonaClick Console',
    version: 'test',
    versions: { node: process.versions.node, v8: '', electron: null, chrome: null },
    openExternal: async () => undefined,
  })
  await core.demoReady
})
afterAll(async () => {
  await core.dispose()
  await sandbox.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('shops through the real core', () => {
  it('tests each shop with its own credentials, active or not, four ways', async () => {
    const draft = {
      label: 'Europe',
      apiHost: sandbox.url,
      shopId: EU.shopId,
      secret: EU.secret,
      defaultCountry: 'DE',
      timeZone: 'Europe/Berlin',
    }
    const eu = await call('shops:save', draft)
    // The first real shop became active; go back to the Demo shop and test Europe from there.
    const demoId = (await call('shops:list', {})).shops.find((s) => s.isDemo)!.id
    await call('shops:set-active', { id: demoId })
    const test = async () => (await call('shops:test-connection', { id: eu.id })).outcome

    expect(await test()).toBe('ok')
    const hit = sandbox.journal.entries().at(-1)!
    expect(hit.shopId).toBe(EU.shopId)

    await call('shops:save', { ...draft, id: eu.id, secret: 'not-the-secret' })
    expect(await test()).toBe('wrong-secret')
    await call('shops:save', { ...draft, id: eu.id, shopId: 'no-such-shop', secret: EU.secret })
    expect(await test()).toBe('wrong-shop-id')
    // A new host needs the secret again (it is bound to the host it was entered for).
    await call('shops:save', {
      ...draft,
      id: eu.id,
      apiHost: 'http://127.0.0.1:9',
      secret: EU.secret,
    })
    expect(await test()).toBe('unreachable')

    // The active (Demo) shop was never disturbed: its screens still load.
    const page = await call('activity:list', { limit: 50 })
    expect(page.items.some((r) => r.profileId === eu.id)).toBe(true)
    expect((await call('shops:test-connection', { id: demoId })).outcome).toBe('ok')
    expect(JSON.stringify(page)).not.toContain(EU.secret)
  })
})
