import type { productsChannels } from '../../../shared/contract/domains/products'
import { forward, type Feature, type FeatureDeps } from '../../feature'
import { ProductsService } from './products-service'
import { WatchlistService } from './watchlist'

/** Product stats of the active shop, and the watchlist's snapshots of every shop. */
export async function createProductsFeature(
  deps: FeatureDeps,
): Promise<Feature<keyof typeof productsChannels>> {
  const service = new ProductsService(deps)
  const watchlist = await WatchlistService.open({
    ...deps,
    onChange: (profileId, state) =>
      deps.events.emit('products:watchlist', { profileId, watchlist: state }),
  })
  return {
    handlers: {
      ...forward(service, {
        'products:lookup': 'lookup',
        'products:gaps': 'gaps',
        'products:categories': 'categories',
        'products:search-gaps': 'searchGaps',
        'products:waiting': 'waiting',
        'products:waiting-handoff': 'waitingHandoff',
      }),
      ...forward(watchlist, {
        'products:watchlist': 'watchlist',
        'products:pin': 'pin',
        'products:unpin': 'unpin',
        'products:snapshot': 'snapshot',
      }),
      'products:gaps-export': ({ csv, ...filter }) =>
        service.gapsExport(filter, deps.csvDialect(csv)),
      'products:search-gaps-export': ({ csv, ...filter }) =>
        service.searchGapsExport(filter, deps.csvDialect(csv)),
      'products:waiting-export': ({ csv, ...product }) =>
        service.waitingExport(product, deps.csvDialect(csv)),
      'products:watch-export': ({ csv, ...items }) =>
        watchlist.exportCsv(items, deps.csvDialect(csv)),
    },
    dispose: () => watchlist.dispose(),
  }
}
