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
        'products:gaps-export': 'gapsExport',
        'products:categories': 'categories',
        'products:search-gaps': 'searchGaps',
        'products:search-gaps-export': 'searchGapsExport',
        'products:waiting': 'waiting',
        'products:waiting-export': 'waitingExport',
        'products:waiting-handoff': 'waitingHandoff',
      }),
      ...forward(watchlist, {
        'products:watchlist': 'watchlist',
        'products:pin': 'pin',
        'products:unpin': 'unpin',
        'products:snapshot': 'snapshot',
        'products:watch-export': 'exportCsv',
      }),
    },
    dispose: () => watchlist.dispose(),
  }
}
