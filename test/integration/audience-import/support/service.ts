import { createApiClient } from '../../../../src/main/api'
import { SecretRegistry } from '../../../../src/main/log/redact'
import { ImportService } from '../../../../src/main/services/audience-import/import-service'
import { FileRegistry } from '../../../../src/main/services/files/file-registry'
import { oneShop } from '../../../support/shops'

/**
 * The import service wired as core.ts does, against a sandbox at `sandboxUrl`, with a
 * real API client over real HTTP (short backoff so fault tests stay quick).
 */
export async function importServiceFor(dataDir: string, sandboxUrl: string, builtWorkers?: URL) {
  const files = await FileRegistry.open({ dataDir })
  const shop = oneShop(sandboxUrl)
  const api = createApiClient({
    transport: (url, init) => fetch(url, init),
    credentials: shop.credentials,
    secrets: new SecretRegistry(),
    baseDelayMs: 5,
    maxDelayMs: 50,
    maxRetries: 12,
    timeoutMs: 10_000,
  })
  const service = await ImportService.open({
    dataDir,
    api,
    files,
    shops: shop.shops,
    builtWorkers,
  })
  return { service, files }
}

/** Detect, map automatically, validate and wait for the review. */
export async function validated(service: ImportService, fileId: string) {
  const d = await service.detect({ fileId })
  const job = await service.validate({
    fileId,
    table: {
      encoding: d.detection.encoding,
      delimiter: d.detection.delimiter,
      hasHeader: d.detection.hasHeader,
      sepLine: d.detection.sepLine,
    },
    mapping: d.suggested,
    mode: 'audience',
    duplicates: 'first',
    dateOrder: 'dmy',
    headers: d.detection.headers,
  })
  return service.settled(job.id)
}
