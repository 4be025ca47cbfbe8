import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiClient } from '../../../src/main/api/client'
import type { Sleep } from '../../../src/main/api/types'
import { SecretRegistry } from '../../../src/main/log/redact'
import { FileRegistry } from '../../../src/main/services/files/file-registry'
import { rawRowsFrom } from '../../../src/main/services/segments'
import { SegmentJobs } from '../../../src/main/services/segments/bulk-service'
import { SegmentCatalogue } from '../../../src/main/services/segments/catalogue-store'
import { SegmentsService } from '../../../src/main/services/segments/segments-service'
import { oneShop } from '../../support/shops'

export const PROFILE = '00000000-0000-4000-8000-000000000012'

/** The segment services against a sandbox at `url`, in a data folder of their own. */
export async function harness(opts: {
  url: string
  dir?: string
  timeoutMs?: number
  /** Shortens the client's waits (Retry-After, backoff) so fault tests stay quick. */
  sleep?: Sleep
}) {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'segments-it-')))
  const shop = oneShop(opts.url, { profileId: PROFILE })
  const urls: string[] = []
  const api = createApiClient({
    transport: (url, init) => {
      urls.push(url)
      return fetch(url, init)
    },
    credentials: shop.credentials,
    secrets: new SecretRegistry(),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  })
  const catalogue = await SegmentCatalogue.open(dir)
  const service = new SegmentsService({ api, shops: shop.shops, catalogue })
  const files = await FileRegistry.open({ dataDir: dir })
  const jobs = await SegmentJobs.open({
    dataDir: dir,
    api,
    shops: shop.shops,
    rawRows: rawRowsFrom(files),
    nameOf: (source) => (source.kind === 'file' ? files.info(source.fileId).name : source.label),
    refuseDynamic: (profileId, id) => service.refuseDynamic(profileId, id),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  })
  return {
    dir,
    api,
    shops: shop.shops,
    catalogue,
    service,
    files,
    jobs,
    /** Every URL the client requested, in order. */
    urls,
    cleanup: async () => {
      await jobs.dispose()
      if (!opts.dir) await rm(dir, { recursive: true, force: true })
    },
  }
}
