import { keyedFailure } from '../../../shared/errors'
import type { Handlers } from '../../ipc/router'
import { detectTableFile } from '../table-file'
import type { BulkSends } from './bulk-service'
import type { FilesLike, SendsService, ShopsLike } from './sends-service'

type SendsHandlers = Pick<
  Handlers,
  | 'sends:preview'
  | 'sends:send'
  | 'sends:status'
  | 'sends:history'
  | 'sends:recent-codes'
  | 'sends:log'
  | 'sends:reveal'
  | 'sends:log-export'
  | 'sends:bulk-detect'
  | 'sends:bulk-count'
  | 'sends:bulk-jobs'
  | 'sends:bulk-start'
  | 'sends:bulk-control'
  | 'sends:bulk-report'
>

const CSV = 'text/csv;charset=utf-8'
const stamp = (): string => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

export function sendsHandlers(
  sends: SendsService,
  bulk: BulkSends,
  shops: Pick<ShopsLike, 'activeCredentials'>,
  files: FilesLike,
): SendsHandlers {
  // Everything is per shop: the log and jobs of the shop selected in the header.
  const active = (): string => shops.activeCredentials().profileId
  // A job of another shop is not this screen's to steer or read, whatever id arrives.
  const own = (jobId: string): string => {
    if (!bulk.list(active()).some((j) => j.id === jobId))
      throw keyedFailure('NOT_FOUND', 'bulk-gone')
    return jobId
  }
  return {
    'sends:preview': (draft) => sends.preview(draft),
    'sends:send': (draft) => sends.send(draft),
    'sends:status': ({ code }) => sends.status(code),
    'sends:history': ({ id }) => sends.history(id),
    'sends:recent-codes': ({ route }) => sends.log.recentCodes(active(), route),
    'sends:log': (filter) => sends.log.list(active(), filter),
    'sends:reveal': ({ id }) => {
      const found = sends.log.reveal(active(), id)
      if (!found) throw keyedFailure('NOT_FOUND', 'send-gone')
      return found
    },
    'sends:log-export': ({ full, ...filter }) => ({
      filename: `personaclick-sends-${stamp()}.csv`,
      mimeType: CSV,
      content: sends.log.exportCsv(active(), filter, full),
    }),
    'sends:bulk-detect': ({ fileId, overrides }) =>
      detectTableFile(files.pathOf(fileId), overrides ?? {}),
    'sends:bulk-count': async ({ fileId, table }) => ({ rows: await bulk.count(fileId, table) }),
    'sends:bulk-jobs': () => bulk.list(active()),
    'sends:bulk-start': (input) => bulk.start(input, active()),
    'sends:bulk-control': ({ jobId, action, ratePerSecond }) =>
      bulk.control(own(jobId), action, ratePerSecond),
    'sends:bulk-report': async ({ jobId }) => ({
      ...(await bulk.report(own(jobId))),
      mimeType: CSV,
    }),
  }
}
