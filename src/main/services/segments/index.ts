import type { segmentsChannels } from '../../../shared/contract/domains/segments'
import { forward, type Feature, type FeatureDeps } from '../../feature'
import { catalogueCsv, readCatalogueCsv } from './catalogue-csv'
import { SegmentCatalogue } from './catalogue-store'
import { SegmentsService } from './segments-service'

const CSV = 'text/csv;charset=utf-8'
const stamp = (): string => new Date().toISOString().slice(0, 10)

/** Segments: the shop's named list, one customer's memberships. */
export async function createSegmentsFeature(
  deps: FeatureDeps,
): Promise<Feature<keyof typeof segmentsChannels>> {
  const { shops, files, events } = deps
  const catalogue = await SegmentCatalogue.open(deps.dataDir)
  const service = new SegmentsService({ ...deps, catalogue })
  const active = (): string => shops.profile('active').profileId
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
      'segments:export': () => ({
        filename: `personaclick-segments-${stamp()}.csv`,
        mimeType: CSV,
        content: catalogueCsv(catalogue.list(active())),
      }),
      'segments:import': async ({ fileId }) => {
        const rows = await readCatalogueCsv(files.pathOf(fileId))
        return changed({ merged: await catalogue.merge(active(), rows) })
      },
    },
  }
}
