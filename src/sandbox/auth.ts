import type { SandboxState, ShopData } from './data/state'
import { HttpError } from './errors'
import { str, type Params } from './params'
import type { RouteSpec } from './route'
import type { SandboxShop } from './types'

/**
 * shop_id identifies the shop (401 when unknown: "Your API key is wrong"); shop_secret
 * guards S2S methods (403: "you don't have secret key to access it").
 */
export function authenticate(
  spec: RouteSpec,
  params: Params,
  headerSecret: string | undefined,
  shops: readonly SandboxShop[],
  state: SandboxState,
): ShopData {
  const shopId = str(params, 'shop_id')
  if (shopId === undefined) {
    if (spec.shopIdOptional) return state.main
    throw new HttpError(401, 'shop_id is required')
  }
  const shop = shops.find((s) => s.shopId === shopId)
  if (!shop) throw new HttpError(401, 'Unknown shop_id')
  const secret = str(params, 'shop_secret') ?? (spec.secretHeader ? headerSecret : undefined)
  if (secret === undefined) {
    if (spec.secret === 'required')
      throw new HttpError(403, 'shop_secret is required for this method')
  } else if (secret !== shop.secret) {
    throw new HttpError(403, 'Invalid shop_secret')
  }
  return state.shop(shop.shopId)
}
