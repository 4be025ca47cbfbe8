import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiClient } from '../../../src/main/api/client'
import type { ApiCallRecord, Sleep } from '../../../src/main/api/types'
import { SecretRegistry } from '../../../src/main/log/redact'
import { FileRegistry } from '../../../src/main/services/files/file-registry'
import { Ledger } from '../../../src/main/services/promo-codes/ledger'
import { PromoLists } from '../../../src/main/services/promo-codes/lists-service'
import { StockStore } from '../../../src/main/services/promo-codes/stock-store'
import { CodeUploads } from '../../../src/main/services/promo-codes/uploads'
import type { LowStockAlert } from '../../../src/shared/promo-codes'
import { oneShop } from '../../support/shops'

export const PROFILE = '00000000-0000-4000-8000-00000000c0de'

export interface Harness {
  dir: string
  files: FileRegistry
  lists: PromoLists
  ledger: Ledger
  uploads: CodeUploads
  /** Every API call the client made (what the activity log would record). */
  calls: ApiCallRecord[]
  alerts: LowStockAlert[]
  cleanup(): Promise<void>
}

/** The promo-code services over a real API client talking to a sandbox on loopback. */
export async function harness(opts: {
  url: string
  dir?: string
  pageSize?: number
  now?: () => Date
  /** Shortens the client's waits (Retry-After, backoff) so fault tests stay quick. */
  sleep?: Sleep
  timeoutMs?: number
}): Promise<Harness> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'promo-it-')))
  const files = await FileRegistry.open({ dataDir: dir })
  const shop = oneShop(opts.url, { profileId: PROFILE })
  const calls: ApiCallRecord[] = []
  const alerts: LowStockAlert[] = []
  const api = createApiClient({
    transport: (url, init) => fetch(url, init),
    credentials: shop.credentials,
    secrets: new SecretRegistry(),
    onCall: (record) => calls.push(record),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  })
  const root = join(dir, 'promo-codes')
  const ledger = new Ledger(root)
  const lists = new PromoLists({
    api,
    stock: new StockStore(root),
    onLowStock: (a) => alerts.push(a),
    ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  })
  const uploads = await CodeUploads.open({
    dataDir: dir,
    api,
    shops: shop.shops,
    files,
    lists,
    ledger,
  })
  return {
    dir,
    files,
    lists,
    ledger,
    uploads,
    calls,
    alerts,
    cleanup: async () => {
      await uploads.dispose()
      if (!opts.dir) await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The codes a sandbox list holds, sent or not. */
export function codesIn(
  sandbox: { state: { main: { promoLists: Map<number, { codes: Map<string, unknown> }> } } },
  listId: number,
): Set<string> {
  return new Set(sandbox.state.main.promoLists.get(listId)?.codes.keys())
}
