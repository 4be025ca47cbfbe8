import type { ShopCredentials, ShopRef } from '../../src/main/api/types'
import type { ShopDirectory, ShopProfile } from '../../src/main/services/shops/shop-directory'
import { keyedFailure } from '../../src/shared/errors'
import { DEMO_SHOP } from '../../src/sandbox'

/**
 * One shop (the sandbox's demo shop at `apiHost`), active, for tests that build services
 * without the shops service: its directory for the services and its credential resolver
 * for the API client. Another profile id is refused as the shops service refuses it.
 */
export function oneShop(
  apiHost: string,
  opts: { profileId?: string; defaultCountry?: string } = {},
): { profile: ShopProfile; shops: ShopDirectory; credentials: (ref: ShopRef) => ShopCredentials } {
  const profile: ShopProfile = {
    profileId: opts.profileId ?? 'demo',
    label: 'Demo shop',
    apiHost,
    shopId: DEMO_SHOP.shopId,
    defaultCountry: opts.defaultCountry ?? 'RU',
    timeZone: 'UTC',
  }
  const find = (ref: ShopRef): ShopProfile => {
    if (ref !== 'active' && ref.profileId !== profile.profileId)
      throw keyedFailure('NOT_FOUND', 'shop-gone')
    return profile
  }
  return {
    profile,
    shops: { profile: find, callable: find },
    credentials: (ref) => {
      const { profileId, shopId } = find(ref)
      return { profileId, apiHost, shopId, secret: DEMO_SHOP.secret }
    },
  }
}

/**
 * A credential resolver over a fixed list, for tests of the API client itself: 'active' is
 * the first entry, a profile id its entry; an unknown id fails as the shops service does.
 */
export function credentialsOf(...shops: ShopCredentials[]): (ref: ShopRef) => ShopCredentials {
  return (ref) => {
    const found = ref === 'active' ? shops[0] : shops.find((s) => s.profileId === ref.profileId)
    if (!found) throw keyedFailure('NOT_FOUND', 'shop-gone')
    return found
  }
}
