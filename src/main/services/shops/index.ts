import type { shopsChannels } from '../../../shared/contract/domains/shops'
import type { ApiClient } from '../../api'
import { forward, type Feature } from '../../feature'
import { testConnection } from './connection-test'
import type { ShopsService } from './shops-service'

/**
 * The shops screen. The service itself is built by core before every feature, because
 * the API client resolves every call's credentials through it.
 */
export function createShopsFeature(deps: {
  shops: ShopsService
  api: ApiClient
}): Feature<keyof typeof shopsChannels> {
  const { shops, api } = deps
  return {
    handlers: {
      ...forward(shops, { 'shops:list': 'state' }),
      'shops:save': async (draft) => {
        const saved = await shops.save(draft)
        // New host or secret: the client's per-shop queues start afresh.
        api.forget(saved.id)
        return saved
      },
      'shops:remove': async ({ id }) => {
        await shops.remove(id)
        api.forget(id)
        return shops.state()
      },
      'shops:set-active': async ({ id }) => {
        await shops.setActive(id)
        return shops.state()
      },
      'shops:test-connection': ({ id }) => {
        const shop = shops.state().shops.find((s) => s.id === id)
        // This shop, active or not. One attempt, short timeout: the marketer is waiting.
        return testConnection(shop?.hasSecret ? { profileId: id } : null, (ref) =>
          api.call('promoCodes.list', ref, {}, { timeoutMs: 10_000, maxRetries: 0 }),
        )
      },
      'shops:allow-weak-secrets': async ({ allow }) => {
        await shops.setAllowWeakSecrets(allow)
        return shops.state()
      },
    },
  }
}
