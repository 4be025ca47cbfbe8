import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiClient } from '../../../src/main/api/client'
import type { Sleep } from '../../../src/main/api/types'
import { SecretRegistry } from '../../../src/main/log/redact'
import { FileRegistry } from '../../../src/main/services/files/file-registry'
import { BulkSends } from '../../../src/main/services/sends/bulk-service'
import type { BulkRow, RowSource } from '../../../src/main/services/sends/bulk-runner'
import { SendLog } from '../../../src/main/services/sends/send-log'
import { SendsService, type ShopsLike } from '../../../src/main/services/sends/sends-service'
import type { ShopsState } from '../../../src/shared/shops'
import { DEMO_SHOP } from '../../../src/sandbox'

export const PROFILE = '00000000-0000-4000-8000-000000000001'

/** A ShopsService stand-in with one shop pointing at the given sandbox. */
export function fakeShops(url: string, country = 'RU'): ShopsLike {
  const creds = {
    profileId: PROFILE,
    apiHost: url,
    shopId: DEMO_SHOP.shopId,
    secret: DEMO_SHOP.secret,
  }
  const state: ShopsState = {
    shops: [
      {
        id: PROFILE,
        label: 'Demo',
        apiHost: url,
        shopId: DEMO_SHOP.shopId,
        defaultCountry: country,
        timeZone: 'UTC',
        hasSecret: true,
        secretStorage: 'memory',
        isDemo: true,
      },
    ],
    activeId: PROFILE,
    vault: { mode: 'memory', reason: 'browser-host', canChooseWeak: false },
  }
  return { state: () => state, credentials: () => creds, activeCredentials: () => creds }
}

/** Generated rows (no CSV parsing here: that is the table-file module's job). */
export function arraySource(rows: readonly (readonly string[])[]): RowSource {
  return async function* () {
    for (const [i, fields] of rows.entries()) yield { rowNumber: i + 2, fields } as BulkRow
  }
}

export interface Harness {
  dir: string
  files: FileRegistry
  log: SendLog
  sends: SendsService
  bulk: BulkSends
  cleanup(): Promise<void>
}

export async function harness(opts: {
  url: string
  dir?: string
  source?: RowSource
  timeoutMs?: number
  /** Shortens the client's waits (Retry-After, backoff) so fault tests stay quick. */
  sleep?: Sleep
}): Promise<Harness> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'sends-it-')))
  const files = new FileRegistry(dir)
  await files.load()
  const api = createApiClient({
    transport: (url, init) => fetch(url, init),
    secrets: new SecretRegistry(),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  })
  const shops = fakeShops(opts.url)
  const log = await SendLog.open(dir)
  const sends = new SendsService(api, shops, files, log)
  const bulk = new BulkSends({ dataDir: dir, sends, shops, files, source: opts.source ?? null })
  await bulk.load()
  return {
    dir,
    files,
    log,
    sends,
    bulk,
    cleanup: async () => {
      await log.flush()
      if (!opts.dir) await rm(dir, { recursive: true, force: true })
    },
  }
}
