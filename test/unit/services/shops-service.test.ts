import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EventBus } from '../../../src/main/ipc/event-bus'
import { SecretRegistry } from '../../../src/main/log/redact'
import { DEMO_SHOP_PROFILE_ID } from '../../../src/main/services/shops/demo-shop'
import { ShopsService } from '../../../src/main/services/shops/shops-service'
import { Vault } from '../../../src/main/services/vault/vault'
import { AppFailure } from '../../../src/shared/errors'
import { shopDraftSchema } from '../../../src/shared/shops'

async function service(dir?: string) {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'pc-shops-')))
  const events = new EventBus()
  const seen: unknown[] = []
  events.subscribe((name, payload) => seen.push([name, payload]))
  const vault = await Vault.open({ dataDir, cipher: null, secrets: new SecretRegistry() })
  const shops = await ShopsService.open({ dataDir, vault, events })
  shops.attachDemo({ apiHost: 'http://127.0.0.1:1', shopId: 'demo', secret: 'demo-secret' })
  return { shops, dataDir, seen }
}

const draft = {
  label: 'Europe',
  apiHost: 'https://api.personaclick.com/',
  shopId: 'eu-1',
  secret: 'eu-secret-1',
  defaultCountry: 'DE',
  timeZone: 'Europe/Berlin',
}

describe('shops', () => {
  it('starts with the Demo shop selected', async () => {
    const { shops } = await service()
    expect(shops.state().activeId).toBe(DEMO_SHOP_PROFILE_ID)
    expect(shops.active()?.isDemo).toBe(true)
  })

  it('adds a shop, makes the first one active, and never returns its secret', async () => {
    const { shops, seen } = await service()
    const saved = await shops.save(shopDraftSchema.parse(draft))
    expect(saved).toMatchObject({
      label: 'Europe',
      apiHost: 'https://api.personaclick.com',
      hasSecret: true,
    })
    expect(JSON.stringify(shops.state())).not.toContain('eu-secret-1')
    expect(JSON.stringify(seen)).not.toContain('eu-secret-1')
    expect(shops.state().activeId).toBe(saved.id)
    expect(shops.credentials({ profileId: saved.id }).secret).toBe('eu-secret-1')
  })

  it('keeps the stored secret when an edit leaves it out', async () => {
    const { shops } = await service()
    const saved = await shops.save(shopDraftSchema.parse(draft))
    const { secret: _omit, ...rest } = draft
    await shops.save(shopDraftSchema.parse({ ...rest, id: saved.id, label: 'EU' }))
    expect(shops.credentials({ profileId: saved.id }).secret).toBe('eu-secret-1')
    expect(shops.state().shops.find((s) => s.id === saved.id)?.label).toBe('EU')
  })

  it('refuses a new shop without a secret, and editing or removing the Demo shop', async () => {
    const { shops } = await service()
    const { secret: _omit, ...noSecret } = draft
    await expect(shops.save(shopDraftSchema.parse(noSecret))).rejects.toBeInstanceOf(AppFailure)
    await expect(shops.remove(DEMO_SHOP_PROFILE_ID)).rejects.toThrow(/cannot be removed/)
    await expect(
      shops.save(shopDraftSchema.parse({ ...draft, id: DEMO_SHOP_PROFILE_ID })),
    ).rejects.toThrow(/cannot be edited/)
  })

  it('removing the active shop falls back to the Demo shop; shops survive a restart', async () => {
    const { shops, dataDir } = await service()
    const a = await shops.save(shopDraftSchema.parse(draft))
    const b = await shops.save(shopDraftSchema.parse({ ...draft, shopId: 'us-1', label: 'US' }))
    await shops.setActive(b.id)
    await shops.remove(b.id)
    expect(shops.state().activeId).toBe(DEMO_SHOP_PROFILE_ID)
    const { shops: again } = await service(dataDir)
    expect(again.state().shops.map((s) => s.label)).toEqual(['Demo shop', 'Europe'])
    // Browser host: memory-only vault, so the secret must be entered again.
    expect(again.state().shops.find((s) => s.id === a.id)?.hasSecret).toBe(false)
  })

  it('tells services a shop’s defaults, never its secret, for the active shop or a named one', async () => {
    const { shops, dataDir } = await service()
    const saved = await shops.save(shopDraftSchema.parse(draft))
    const profile = shops.profile('active')
    expect(profile).toEqual({
      profileId: saved.id,
      label: 'Europe',
      apiHost: 'https://api.personaclick.com',
      shopId: 'eu-1',
      defaultCountry: draft.defaultCountry,
      timeZone: 'Europe/Berlin',
    })
    expect(JSON.stringify(profile)).not.toContain('eu-secret-1')
    // A named shop stays that shop after the active one changes (a running job's shop).
    await shops.setActive(DEMO_SHOP_PROFILE_ID)
    expect(shops.profile({ profileId: saved.id }).label).toBe('Europe')
    expect(shops.credentials('active').profileId).toBe(DEMO_SHOP_PROFILE_ID)
    expect(() => shops.profile({ profileId: 'gone' })).toThrow(/no longer exists/)

    // Memory-only vault after a restart: the shop is there, calling it is refused by name.
    const { shops: again } = await service(dataDir)
    expect(again.profile({ profileId: saved.id }).shopId).toBe('eu-1')
    expect(() => again.callable({ profileId: saved.id })).toThrow(
      /No secret key is stored for “Europe”/,
    )
    expect(() => again.credentials({ profileId: saved.id })).toThrow(/No secret key/)
  })

  it('accepts https hosts and http only on loopback', () => {
    const host = (apiHost: string) => shopDraftSchema.safeParse({ ...draft, apiHost }).success
    expect(host('https://api.rees46.ru')).toBe(true)
    expect(host('https://personaclick.internal.example:8443')).toBe(true)
    expect(host('http://127.0.0.1:4646')).toBe(true)
    expect(host('http://localhost:4646')).toBe(true)
    expect(host('http://api.personaclick.com')).toBe(false)
    expect(host('https://api.personaclick.com/?shop_secret=x')).toBe(false)
    expect(host('ftp://api.personaclick.com')).toBe(false)
    expect(host('https://user:pw@api.personaclick.com')).toBe(false)
  })
  it('refuses a time zone the console cannot count days in (NPS days follow it)', async () => {
    const { shops } = await service()
    for (const timeZone of ['Moscow time', 'Mars/Olympus_Mons']) {
      await expect(shops.save(shopDraftSchema.parse({ ...draft, timeZone }))).rejects.toMatchObject(
        {
          appError: { code: 'INVALID_INPUT', details: { messageKey: 'unknown-time-zone' } },
        },
      )
    }
    const saved = await shops.save(
      shopDraftSchema.parse({ ...draft, timeZone: 'America/New_York' }),
    )
    expect(saved.timeZone).toBe('America/New_York')
  })
})
