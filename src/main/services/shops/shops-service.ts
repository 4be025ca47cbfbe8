import { randomUUID } from 'node:crypto'
import { isTimeZone } from '../../../shared/days'
import { keyedFailure } from '../../../shared/errors'
import type { Shop, ShopDraft, ShopsState } from '../../../shared/shops'
import { shopDraftSchema } from '../../../shared/shops'
import type { ShopCredentials } from '../../api/types'
import type { EventBus } from '../../ipc/event-bus'
import type { Vault } from '../vault/vault'
import { DEMO_SHOP_PROFILE_ID, demoShop, type DemoShopEndpoint } from './demo-shop'
import type { ShopDirectory, ShopProfile, ShopRef } from './shop-directory'
import { ShopsStore, type ShopsFile, type StoredShop } from './shops-store'

export interface ShopsDeps {
  dataDir: string
  vault: Vault
  events: EventBus
}

/**
 * Several shops at once (a marketer often runs several regions), one of them active.
 * The Demo shop is always there, backed by the in-process sandbox.
 */
export class ShopsService implements ShopDirectory {
  private file: ShopsFile = { shops: [], activeId: null }
  private demo: DemoShopEndpoint | null = null
  private readonly store: ShopsStore
  private readonly vault: Vault
  private readonly events: EventBus

  private constructor(deps: ShopsDeps) {
    this.store = new ShopsStore(deps.dataDir)
    this.vault = deps.vault
    this.events = deps.events
  }

  static async open(deps: ShopsDeps): Promise<ShopsService> {
    const service = new ShopsService(deps)
    service.file = await service.store.read()
    // First launch: the Demo shop is selected so the console opens full of data.
    if (!service.file.activeId) service.file.activeId = DEMO_SHOP_PROFILE_ID
    return service
  }

  /** Called once the sandbox listens; the Demo shop's address changes every launch. */
  attachDemo(endpoint: DemoShopEndpoint): void {
    this.demo = endpoint
    this.vault.setEphemeral(DEMO_SHOP_PROFILE_ID, endpoint.secret)
    this.emit()
  }

  state(): ShopsState {
    const shops: Shop[] = []
    if (this.demo) shops.push(demoShop(this.demo, 'Demo shop'))
    for (const s of this.file.shops) shops.push(this.toShop(s))
    const activeId = shops.some((s) => s.id === this.file.activeId)
      ? this.file.activeId
      : (shops[0]?.id ?? null)
    return { shops, activeId, vault: this.vault.status() }
  }

  active(): Shop | null {
    const { shops, activeId } = this.state()
    return shops.find((s) => s.id === activeId) ?? null
  }

  async save(draft: ShopDraft): Promise<Shop> {
    const d = shopDraftSchema.parse(draft)
    if (d.id === DEMO_SHOP_PROFILE_ID) {
      throw keyedFailure('NOT_ALLOWED', 'demo-shop-readonly')
    }
    const existing = d.id ? this.file.shops.find((s) => s.id === d.id) : undefined
    if (d.id && !existing) throw keyedFailure('NOT_FOUND', 'shop-gone')
    if (!existing && !d.secret) {
      throw keyedFailure('INVALID_INPUT', 'secret-required', {
        field: 'secret',
      })
    }
    // The form offers a list, but a zone this runtime cannot count days in would make NPS
    // count that shop's days in UTC without a word. Checked here, not in the draft's schema:
    // importing the zone helpers there kept zod in the window's start-up JavaScript.
    if (!isTimeZone(d.timeZone)) {
      throw keyedFailure('INVALID_INPUT', 'unknown-time-zone', { field: 'timeZone' })
    }
    const stored: StoredShop = {
      id: existing?.id ?? randomUUID(),
      label: d.label,
      apiHost: d.apiHost,
      shopId: d.shopId,
      defaultCountry: d.defaultCountry,
      timeZone: d.timeZone,
    }
    // A secret is only ever sent to the host it was entered for. A new host without a new
    // secret forgets the stored one, so pointing a shop at another listener cannot collect
    // it; the marketer enters it again for the new host (the form says why).
    if (d.secret) await this.vault.set(stored.id, d.secret)
    else if (existing && existing.apiHost !== stored.apiHost) await this.vault.delete(stored.id)
    this.file.shops = existing
      ? this.file.shops.map((s) => (s.id === stored.id ? stored : s))
      : [...this.file.shops, stored]
    // The first real shop becomes active: that is what the marketer came to set up.
    if (!existing && this.file.activeId === DEMO_SHOP_PROFILE_ID && this.file.shops.length === 1) {
      this.file.activeId = stored.id
    }
    await this.persist()
    return this.toShop(stored)
  }

  async remove(id: string): Promise<void> {
    if (id === DEMO_SHOP_PROFILE_ID) {
      throw keyedFailure('NOT_ALLOWED', 'demo-shop-builtin')
    }
    if (!this.file.shops.some((s) => s.id === id)) {
      throw keyedFailure('NOT_FOUND', 'shop-gone')
    }
    this.file.shops = this.file.shops.filter((s) => s.id !== id)
    if (this.file.activeId === id) this.file.activeId = DEMO_SHOP_PROFILE_ID
    await this.vault.delete(id)
    await this.persist()
  }

  async setActive(id: string): Promise<void> {
    if (!this.state().shops.some((s) => s.id === id)) {
      throw keyedFailure('NOT_FOUND', 'shop-gone')
    }
    this.file.activeId = id
    await this.persist()
  }

  async setAllowWeakSecrets(allow: boolean): Promise<void> {
    await this.vault.setAllowWeak(
      allow,
      this.file.shops.map((s) => s.id),
    )
    this.emit()
  }

  profile(ref: ShopRef): ShopProfile {
    const { id, label, apiHost, shopId, defaultCountry, timeZone } = this.find(ref)
    return { profileId: id, label, apiHost, shopId, defaultCountry, timeZone }
  }

  callable(ref: ShopRef): ShopProfile {
    const profile = this.profile(ref)
    if (!this.vault.has(profile.profileId))
      throw keyedFailure('API_WRONG_SECRET', 'secret-missing', { shop: profile.label })
    return profile
  }

  /** For the API client only (its credential resolver): never crosses IPC, never a service's. */
  credentials(ref: ShopRef, needsSecret = true): ShopCredentials {
    const { profileId, label, apiHost, shopId } = this.profile(ref)
    const secret = this.vault.get(profileId)
    if (!secret && needsSecret)
      throw keyedFailure('API_WRONG_SECRET', 'secret-missing', { shop: label })
    return { profileId, apiHost, shopId, secret: secret ?? '' }
  }

  private find(ref: ShopRef): Shop {
    if (ref === 'active') {
      const active = this.active()
      if (!active) throw keyedFailure('NOT_FOUND', 'choose-shop')
      return active
    }
    const shop = this.state().shops.find((s) => s.id === ref.profileId)
    if (!shop) throw keyedFailure('NOT_FOUND', 'shop-gone')
    return shop
  }

  private toShop(s: StoredShop): Shop {
    return {
      ...s,
      hasSecret: this.vault.has(s.id),
      secretStorage: this.vault.storageOf(s.id),
      isDemo: false,
    }
  }

  private async persist(): Promise<void> {
    await this.store.write(this.file)
    this.emit()
  }

  private emit(): void {
    this.events.emit('shops:changed', this.state())
  }
}
