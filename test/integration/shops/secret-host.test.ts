import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core'
import { createTestCore } from '../../support/test-core'
import { DEMO_SHOP, startSandbox, type Sandbox } from '../../../src/sandbox'
import type { Shop } from '../../../src/shared/shops'

/**
 * A secret belongs to the API host it was entered for. Whoever can change a shop's host
 * (the renderer, a hostile page holding the session) must not be able to collect the
 * stored secret by pointing the shop at a listener of their own.
 */
let core: Core
let entered: Sandbox
let foreign: Sandbox

const call = (channel: string, input: unknown) =>
  core.router.dispatch(channel, input, { host: 'browser', senderId: 'test' }) as Promise<{
    ok: boolean
    value?: unknown
    error?: { code: string; details?: Record<string, unknown> }
  }>

beforeAll(async () => {
  entered = await startSandbox({ port: 0 })
  foreign = await startSandbox({ port: 0 })
  core = await createTestCore({ demo: false })
})
afterAll(async () => {
  await core.dispose()
  await entered.close()
  await foreign.close()
})

const secretArrivals = (s: Sandbox) =>
  s.journal.entries().filter((e) => e.secretPlacement !== 'none')

describe('a stored secret is bound to its API host', () => {
  it('forgets the secret when the host changes without a new one, and never sends it there', async () => {
    const draft = {
      label: 'Store',
      apiHost: entered.url,
      shopId: DEMO_SHOP.shopId,
      defaultCountry: 'RU',
      timeZone: 'Europe/Moscow',
    }
    const saved = await call('shops:save', { ...draft, secret: DEMO_SHOP.secret })
    const shop = saved.value as Shop
    expect(await call('shops:test-connection', { id: shop.id })).toMatchObject({
      ok: true,
      value: { outcome: 'ok' },
    })
    expect(secretArrivals(entered).length).toBeGreaterThan(0)

    const moved = await call('shops:save', { ...draft, id: shop.id, apiHost: foreign.url })
    expect(moved).toMatchObject({ ok: true, value: { apiHost: foreign.url, hasSecret: false } })

    // Everything that would talk to the API now asks for the secret instead of sending it.
    const tested = await call('shops:test-connection', { id: shop.id })
    expect(tested).toMatchObject({ ok: true, value: { outcome: 'no-secret' } })
    await call('shops:set-active', { id: shop.id })
    const sent = await call('sends:send', {
      route: 'transact',
      code: 'order_created',
      email: 'ann@example.com',
      variables: {},
    })
    expect(JSON.stringify(sent)).toMatch(/secret-missing|no-secret|API_WRONG_SECRET/)
    expect(secretArrivals(foreign)).toEqual([])

    // Moving back does not bring the old secret back either: it was forgotten.
    const back = await call('shops:save', { ...draft, id: shop.id })
    expect(back).toMatchObject({ ok: true, value: { hasSecret: false } })

    // Entered again for the new host, it goes there.
    await call('shops:save', {
      ...draft,
      id: shop.id,
      apiHost: foreign.url,
      secret: DEMO_SHOP.secret,
    })
    expect(await call('shops:test-connection', { id: shop.id })).toMatchObject({
      ok: true,
      value: { outcome: 'ok' },
    })
    expect(secretArrivals(foreign).length).toBeGreaterThan(0)
  })

  it('keeps the secret when only other fields change', async () => {
    const saved = await call('shops:save', {
      label: 'Second',
      apiHost: entered.url,
      shopId: DEMO_SHOP.shopId,
      defaultCountry: 'RU',
      timeZone: 'Europe/Moscow',
      secret: DEMO_SHOP.secret,
    })
    const shop = saved.value as Shop
    const renamed = await call('shops:save', {
      id: shop.id,
      label: 'Second, renamed',
      apiHost: entered.url,
      shopId: DEMO_SHOP.shopId,
      defaultCountry: 'US',
      timeZone: 'UTC',
    })
    expect(renamed).toMatchObject({ ok: true, value: { hasSecret: true } })
  })
})
