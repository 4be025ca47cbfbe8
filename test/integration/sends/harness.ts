import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiClient } from '../../../src/main/api/client'
import type { Sleep } from '../../../src/main/api/types'
import { SecretRegistry } from '../../../src/main/log/redact'
import { FileRegistry } from '../../../src/main/services/files/file-registry'
import { BulkSends } from '../../../src/main/services/sends/bulk-service'
import type { BulkRow, RowSource } from '../../../src/main/services/sends/bulk-rows'
import { SendLog } from '../../../src/main/services/sends/send-log'
import { SendsService } from '../../../src/main/services/sends/sends-service'
import { readTableRows } from '../../../src/main/services/table-file'
import { oneShop } from '../../support/shops'

export const PROFILE = '00000000-0000-4000-8000-000000000001'

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
  const files = await FileRegistry.open({ dataDir: dir })
  const shop = oneShop(opts.url, { profileId: PROFILE })
  const api = createApiClient({
    transport: (url, init) => fetch(url, init),
    credentials: shop.credentials,
    secrets: new SecretRegistry(),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  })
  const log = await SendLog.open(dir)
  const sends = new SendsService({ api, shops: shop.shops, files, sendLog: log })
  const bulk = await BulkSends.open({
    dataDir: dir,
    sends,
    shops: shop.shops,
    files,
    source: opts.source ?? ((job) => readTableRows(files.pathOf(job.fileId), job.table)),
  })
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
