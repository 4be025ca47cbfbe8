import type { ShopRef } from '../../api/types'

export type { ShopRef }

/** What a service may know about a shop: its settings and defaults, never its secret. */
export interface ShopProfile {
  profileId: string
  label: string
  apiHost: string
  shopId: string
  /** Phone numbers without a country code are read as this country's (ISO 3166 alpha-2). */
  defaultCountry: string
  /** IANA zone, e.g. Europe/Berlin: the shop's days, for reports. */
  timeZone: string
}

/** The shops as services see them; the shops service implements it. */
export interface ShopDirectory {
  /** The shop's profile; throws 'choose-shop' or 'shop-gone' when there is no such shop. */
  profile(shop: ShopRef): ShopProfile
  /** As `profile`, and also refuses a shop whose secret is not stored: before work that calls. */
  callable(shop: ShopRef): ShopProfile
}
