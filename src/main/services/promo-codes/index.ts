import { join } from 'node:path'
import { keyedFailure } from '../../../shared/errors'
import type { promoCodesChannels } from '../../../shared/contract/domains/promo-codes'
import {
  DEFAULT_BATCH_SIZE,
  invalidReason,
  SNAPSHOT_EVERY_MS,
  type CodeSource,
} from '../../../shared/promo-codes'
import type { Feature, FeatureDeps } from '../../feature'
import { csvExport } from '../files/csv'
import { detectTableFile } from '../table-file'
import { Ledger } from './ledger'
import { PromoLists } from './lists-service'
import { readCodes } from './review'
import { StockStore } from './stock-store'
import { CodeUploads } from './uploads'

/** Valid codes of a deletion, each once (a deletion never generates codes). */
async function codesToDelete(source: CodeSource, deps: FeatureDeps): Promise<string[]> {
  if (source.kind === 'generate') throw keyedFailure('INVALID_INPUT', 'promo-nothing-to-send')
  const out = new Set<string>()
  for await (const { raw } of readCodes(source, deps.files)) {
    const code = raw.trim()
    if (invalidReason(code) === null) out.add(code)
  }
  if (out.size === 0) throw keyedFailure('INVALID_INPUT', 'promo-nothing-to-send')
  return [...out]
}

/**
 * Promo-code lists of the active shop: lists with thresholds, readings and forecasts (read
 * again every 30 minutes while the app is open), uploads on the job runner, purge and
 * delete. Nothing here ever calls /promo_codes/fetch: that would hand a real code out.
 */
export async function createPromoCodesFeature(
  deps: FeatureDeps & { snapshotEveryMs?: number },
): Promise<Feature<keyof typeof promoCodesChannels>> {
  const { shops, events, files } = deps
  const root = join(deps.dataDir, 'promo-codes')
  const ledger = new Ledger(root)
  const lists = new PromoLists({
    api: deps.api,
    stock: new StockStore(root),
    onLowStock: (alert) => events.emit('promo-codes:low-stock', alert),
  })
  const uploads = await CodeUploads.open({
    ...deps,
    lists,
    ledger,
    onChange: (state) => events.emit('promo-codes:upload', state),
    onLists: (profileId, state) => events.emit('promo-codes:lists', { ...state, profileId }),
  })
  const active = (): string => shops.profile('active').profileId
  const own = (jobId: string): string => {
    if (!uploads.owns(active(), jobId)) throw keyedFailure('NOT_FOUND', 'promo-upload-gone')
    return jobId
  }

  // A reading every 30 minutes while the app is open, so the sparkline and the forecast have
  // history even when nobody presses Refresh. A shop without a stored secret is skipped.
  const timer = setInterval(() => {
    let profileId: string
    try {
      profileId = shops.callable('active').profileId
    } catch {
      return
    }
    lists.refresh(profileId).then(
      (state) => events.emit('promo-codes:lists', { ...state, profileId }),
      (err: unknown) => deps.log.warn('promo lists snapshot failed', { error: err }),
    )
  }, deps.snapshotEveryMs ?? SNAPSHOT_EVERY_MS)
  timer.unref()

  return {
    handlers: {
      'promo-codes:lists': () => lists.refresh(active()),
      'promo-codes:threshold': ({ listId, threshold }) =>
        lists.setThreshold(active(), listId, threshold),
      'promo-codes:detect': ({ fileId, overrides }) =>
        detectTableFile(files.pathOf(fileId), overrides ?? {}),
      'promo-codes:review': ({ listId, source }) => uploads.review(active(), listId, source),
      'promo-codes:upload': ({ reviewId, batchSize }) =>
        uploads.start(active(), reviewId, batchSize),
      'promo-codes:uploads': () => uploads.list(active()),
      'promo-codes:upload-control': ({ jobId, action }) => uploads.control(own(jobId), action),
      'promo-codes:ledger-export': async ({ listId, csv }) => {
        const rows: string[][] = []
        for await (const code of ledger.codes(active(), listId)) rows.push([code])
        const dialect = deps.csvDialect(csv)
        return csvExport(
          `promo-codes-${listId}-uploaded.csv`,
          [dialect.words.columns.promoCodes.code],
          rows,
          dialect,
        )
      },
      'promo-codes:purge': ({ listId, confirmName }) => lists.purge(active(), listId, confirmName),
      'promo-codes:delete': async ({ listId, source, batchSize }) => {
        const codes = await codesToDelete(source, deps)
        const result = await lists.deleteCodes(
          active(),
          listId,
          codes,
          batchSize ?? DEFAULT_BATCH_SIZE,
        )
        return { ...result, requested: codes.length }
      },
    },
    async dispose() {
      clearInterval(timer)
      await uploads.dispose()
    },
  }
}
