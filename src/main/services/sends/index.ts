import type { ApiClient } from '../../api'
import type { EventBus } from '../../ipc/event-bus'
import type { Logger } from '../../log/logger'
import { BulkSends } from './bulk-service'
import { readTableRows } from '../table-file'
import type { RowSource } from './bulk-runner'
import { SendLog } from './send-log'
import { sendsHandlers } from './sends-handlers'
import { SendsService, type FilesLike, type ShopsLike } from './sends-service'

export interface SendsSetup {
  dataDir: string
  api: ApiClient
  shops: ShopsLike
  files: FilesLike
  events: EventBus
  log?: Logger
  /** Rows of a bulk CSV; the table-file reader unless a test injects its own. */
  source?: RowSource | null
}

/** Builds the send log, the single-send service and the bulk jobs, and returns the handlers. */
export async function createSendsHandlers(setup: SendsSetup) {
  const log = await SendLog.open(setup.dataDir)
  log.subscribe((entry) => setup.events.emit('sends:logged', entry))
  const sends = new SendsService(setup.api, setup.shops, setup.files, log)
  const bulk = new BulkSends({
    dataDir: setup.dataDir,
    sends,
    shops: setup.shops,
    files: setup.files,
    source:
      setup.source === undefined
        ? (job) => readTableRows(setup.files.pathOf(job.fileId), job.table)
        : setup.source,
    onChange: (state) => setup.events.emit('sends:bulk', state),
  })
  await bulk
    .load()
    .catch((err: unknown) => setup.log?.error('bulk sends failed to load', { error: err }))
  return sendsHandlers(sends, bulk, setup.shops, setup.files)
}
