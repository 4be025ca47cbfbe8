import { AppFailure, keyedFailure } from '../../../shared/errors'
import { conversionOf, type ProductCard, type ProductLookup } from '../../../shared/products'
import type { ApiClient, ShopRef } from '../../api'
import { pictureOf } from './picture'

/** A 404 from /products/get or /counters means the catalogue has no such product. */
export function unknownProduct(err: unknown, itemId: string): unknown {
  return err instanceof AppFailure && err.appError.code === 'API_NOT_FOUND'
    ? keyedFailure('NOT_FOUND', 'product-not-found', { itemId })
    : err
}

/** /products/get as the card the screen shows (public: no secret travels). */
export async function productCard(
  api: ApiClient,
  shop: ShopRef,
  itemId: string,
): Promise<ProductCard> {
  const { data } = await api.call('products.get', shop, { item_id: itemId }).catch((err) => {
    throw unknownProduct(err, itemId)
  })
  return {
    itemId,
    name: data.name,
    description: data.description ?? '',
    price: data.price ?? null,
    currency: data.currency ?? '',
    url: data.url ?? '',
    picture: await pictureOf(data.picture),
  }
}

/** The card and both counter windows, read side by side through the shop's queue. */
export async function lookupProduct(
  api: ApiClient,
  shop: ShopRef,
  itemId: string,
  now: () => number,
): Promise<ProductLookup> {
  const [card, counters] = await Promise.all([
    productCard(api, shop, itemId),
    api.call('products.counters', shop, { item: itemId }).catch((err) => {
      throw unknownProduct(err, itemId)
    }),
  ])
  const { daily, now: recent } = counters.data
  return {
    card,
    counters: { daily, now: recent },
    conversion: { daily: conversionOf(daily), now: conversionOf(recent) },
    at: new Date(counters.serverTime ?? now()).toISOString(),
  }
}
