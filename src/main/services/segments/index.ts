import type { segmentsChannels } from '../../../shared/contract/domains/segments'
import { keyedFailure } from '../../../shared/errors'
import type { SegmentBulkSource } from '../../../shared/segments'
import { forward, type Feature, type FeatureDeps } from '../../feature'
import { csvFileName } from '../files/csv'
import { detectTableFile, readTableRows } from '../table-file'
import type { RawRows } from './bulk-rows'
import { SegmentJobs } from './bulk-service'
import { catalogueCsv, readCatalogueCsv } from './catalogue-csv'
import { SegmentCatalogue } from './catalogue-store'
import { SegmentsService } from './segments-service'

const CSV = 'text/csv;charset=utf-8'
const stamp = (): string => new Date().toISOString().slice(0, 10)

/** A file's identifier columns through the table-file reader, or a handed-over list as is. */
export function rawRowsFrom(files: FeatureDeps['files']): RawRows {
  return async function* (source: SegmentBulkSource) {
    if (source.kind === 'list') {
      for (const [i, c] of source.contacts.entries())
        yield { rowNumber: i + 1, email: c.email ?? '', phone: c.phone ?? '' }
      return
    }
    const { email, phone } = source.mapping
    const cell = (fields: string[], i: number | null): string =>
      i === null ? '' : (fields[i] ?? '')
    for await (const row of readTableRows(files.pathOf(source.fileId), source.table))
      yield {
        rowNumber: row.rowNumber,
        email: cell(row.fields, email),
        phone: cell(row.fields, phone),
      }
  }
}

/** Segments: the shop's named list, one customer's memberships, bulk changes from a file. */
export async function createSegmentsFeature(
  deps: FeatureDeps,
): Promise<Feature<keyof typeof segmentsChannels>> {
  const { shops, files, events } = deps
  const catalogue = await SegmentCatalogue.open(deps.dataDir)
  const service = new SegmentsService({ ...deps, catalogue })
  const active = (): string => shops.profile('active').profileId
  const jobs = await SegmentJobs.open({
    ...deps,
    rawRows: rawRowsFrom(files),
    nameOf: (source) => (source.kind === 'file' ? files.info(source.fileId).name : source.label),
    refuseDynamic: (profileId, id) => service.refuseDynamic(profileId, id),
    onChanged: (config, count) =>
      void catalogue
        .note(config.profileId, [
          { id: config.segmentId, [config.action === 'add' ? 'added' : 'removed']: count },
        ])
        .then(() => events.emit('segments:catalogue', { profileId: config.profileId }))
        .catch((err: unknown) => deps.log.warn('segment counts not saved', { error: err })),
    onState: (state) => events.emit('segments:job', state),
  })
  // A job of another shop is not this screen's to steer or read, whatever id arrives.
  const own = (jobId: string): string => {
    if (!jobs.list(active()).some((j) => j.id === jobId))
      throw keyedFailure('NOT_FOUND', 'segment-job-gone')
    return jobId
  }
  // Every change to the list is announced, so an open screen shows it without asking.
  const changed = <T>(result: T): T => {
    events.emit('segments:catalogue', { profileId: active() })
    return result
  }
  return {
    handlers: {
      ...forward(service, { 'segments:includes': 'includes' }),
      'segments:lookup': async (input) => changed(await service.lookup(input)),
      'segments:change': async (input) => changed(await service.change(input)),
      'segments:list': () => catalogue.list(active()),
      'segments:create': async ({ id, name, note }) =>
        changed(await catalogue.create(active(), id, name, note)),
      'segments:rename': async ({ id, name, note }) =>
        changed(await catalogue.rename(active(), id, name, note)),
      'segments:forget': async ({ id }) => changed(await catalogue.forget(active(), id)),
      'segments:seen': async ({ id }) => {
        changed(await catalogue.note(active(), [{ id }]))
      },
      'segments:export': ({ csv }) => {
        const dialect = deps.csvDialect(csv)
        return {
          filename: csvFileName(`personaclick-segments-${stamp()}.csv`, dialect),
          mimeType: CSV,
          content: catalogueCsv(catalogue.list(active()), dialect),
        }
      },
      'segments:import': async ({ fileId }) => {
        const rows = await readCatalogueCsv(files.pathOf(fileId))
        return changed({ merged: await catalogue.merge(active(), rows) })
      },
      'segments:bulk-detect': ({ fileId, overrides }) =>
        detectTableFile(files.pathOf(fileId), overrides ?? {}),
      'segments:bulk-review': ({ source }) => jobs.review(source, active()),
      'segments:bulk-rejected': async ({ source, csv }) => {
        const dialect = deps.csvDialect(csv)
        return {
          filename: csvFileName(`personaclick-segment-rejected-${stamp()}.csv`, dialect),
          mimeType: CSV,
          content: await jobs.rejectedCsv(source, active(), dialect),
        }
      },
      'segments:bulk-jobs': () => jobs.list(active()),
      'segments:bulk-start': (input) => jobs.start(input, active()),
      'segments:bulk-control': ({ jobId, action, ratePerSecond }) =>
        jobs.control(own(jobId), action, ratePerSecond),
      'segments:bulk-report': ({ jobId, csv }) => jobs.report(own(jobId), deps.csvDialect(csv)),
    },
    dispose: () => jobs.dispose(),
  }
}
