import type { ApiClient } from '../../api'
import type { Handlers } from '../../ipc/router'
import { testConnection } from './connection-test'
import type { ShopsService } from './shops-service'

type ShopsHandlers = Pick<
  Handlers,
  | 'shops:list'
  | 'shops:save'
  | 'shops:remove'
  | 'shops:set-active'
  | 'shops:test-connection'
  | 'shops:allow-weak-secrets'
>

export function shopsHandlers(shops: ShopsService, api: ApiClient): ShopsHandlers {
  return {
    'shops:list': () => shops.state(),
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
      const creds = shop?.hasSecret ? shops.credentials(id) : null
      // One attempt, short timeout: the marketer is waiting for an answer, not a retry loop.
      return testConnection(creds, (c) => api.call('promoCodes.list', c, {}, { timeoutMs: 10_000 }))
    },
    'shops:allow-weak-secrets': async ({ allow }) => {
      await shops.setAllowWeakSecrets(allow)
      return shops.state()
    },
  }
}
