import type { npsChannels } from '../../../shared/contract/domains/nps'
import { forward, type Feature, type FeatureDeps } from '../../feature'
import { NpsService } from './nps-service'

/** NPS analytics of the active shop: reviews fetched by day windows, cached per shop. */
export function createNpsFeature(deps: FeatureDeps): Feature<keyof typeof npsChannels> {
  const service = new NpsService({
    ...deps,
    onProgress: (p) => deps.events.emit('nps:progress', p),
  })
  return {
    handlers: {
      ...forward(service, {
        'nps:load': 'load',
        'nps:cancel': 'cancel',
        'nps:reviews': 'reviews',
      }),
      'nps:export': ({ csv, ...period }) => service.exportCsv(period, deps.csvDialect(csv)),
    },
  }
}
