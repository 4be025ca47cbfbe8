import { keyedFailure } from '../../../shared/errors'
import type { sendsChannels } from '../../../shared/contract/domains/sends'
import { forward, type Feature, type FeatureDeps } from '../../feature'
import { csvFileName } from '../files/csv'
import { detectTableFile, readTableRows } from '../table-file'
import { BulkSends } from './bulk-service'
import type { RowSource } from './bulk-rows'
import { SendLog } from './send-log'
import { SendsService } from './sends-service'

const CSV = 'text/csv;charset=utf-8'
const stamp = (): string => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

/** Transactional sends: single sends, the send log, and bulk jobs from a CSV. */
export async function createSendsFeature(
  deps: FeatureDeps & {
    /** Rows of a bulk CSV; the table-file reader unless a test injects its own. */
    source?: RowSource
  },
): Promise<Feature<keyof typeof sendsChannels>> {
  const { files, shops, events } = deps
  const log = await SendLog.open(deps.dataDir)
  log.subscribe((entry) => events.emit('sends:logged', entry))
  const sends = new SendsService({ ...deps, sendLog: log })
  const bulk = await BulkSends.open({
    ...deps,
    sends,
    source: deps.source ?? ((job) => readTableRows(files.pathOf(job.fileId), job.table)),
    onChange: (state) => events.emit('sends:bulk', state),
  })

  // Everything is per shop: the log and jobs of the shop selected in the header. Reading them
  // needs no secret (after a browser-host restart none is stored until re-entered); whatever
  // calls the API (a send, starting or resuming a job) asks for it itself.
  const active = (): string => shops.profile('active').profileId
  // A job of another shop is not this screen's to steer or read, whatever id arrives.
  const own = (jobId: string): string => {
    if (!bulk.list(active()).some((j) => j.id === jobId))
      throw keyedFailure('NOT_FOUND', 'bulk-gone')
    return jobId
  }
  return {
    handlers: {
      ...forward(sends, {
        'sends:preview': 'preview',
        'sends:send': 'send',
      }),
      'sends:recent-codes': ({ route }) => log.recentCodes(active(), route),
      'sends:log': (filter) => log.list(active(), filter),
      'sends:reveal': ({ id }) => {
        const found = log.reveal(active(), id)
        if (!found) throw keyedFailure('NOT_FOUND', 'send-gone')
        return found
      },
      'sends:log-export': ({ full, csv, ...filter }) => {
        const dialect = deps.csvDialect(csv)
        return {
          filename: csvFileName(`personaclick-sends-${stamp()}.csv`, dialect),
          mimeType: CSV,
          content: log.exportCsv(active(), filter, full, dialect),
        }
      },
      'sends:bulk-detect': ({ fileId, overrides }) =>
        detectTableFile(files.pathOf(fileId), overrides ?? {}),
      'sends:bulk-count': async ({ fileId, table }) => ({ rows: await bulk.count(fileId, table) }),
      'sends:bulk-jobs': () => bulk.list(active()),
      'sends:bulk-start': (input) => bulk.start(input, active()),
      'sends:bulk-control': ({ jobId, action, ratePerSecond }) =>
        bulk.control(own(jobId), action, ratePerSecond),
      'sends:bulk-report': ({ jobId, csv }) => bulk.report(own(jobId), deps.csvDialect(csv)),
    },
    dispose: () => log.flush(),
  }
}
