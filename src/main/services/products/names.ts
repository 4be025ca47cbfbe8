import type { ApiClient, ShopRef } from '../../api'
import { productCard } from './lookup'

/** How long a product name read from /products/get is reused. */
const NAME_TTL_MS = 60 * 60_000

/**
 * Product names by id, per shop, read from /products/get and kept for an hour: lists that
 * name many products (waiting customers, the watchlist) would otherwise ask again for every
 * product on every visit. Reads go through the client's per-shop queue, never as a burst.
 */
export class ProductNames {
  private readonly cache = new Map<string, Map<string, { name: string | null; at: number }>>()

  constructor(
    private readonly api: ApiClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Names of `itemIds` for the shop `key`; null for a product the catalogue does not know. */
  async namesOf(
    key: string,
    shop: ShopRef,
    itemIds: readonly string[],
  ): Promise<Map<string, string | null>> {
    let names = this.cache.get(key)
    if (!names) this.cache.set(key, (names = new Map()))
    const fresh = (id: string): boolean => {
      const hit = names.get(id)
      return hit !== undefined && this.now() - hit.at < NAME_TTL_MS
    }
    const missing = [...new Set(itemIds)].filter((id) => !fresh(id))
    await Promise.all(
      missing.map(async (id) => {
        // A product that cannot be read is shown without a name, not as a failed list.
        const name = await productCard(this.api, shop, id).then(
          (c) => c.name,
          () => null,
        )
        names.set(id, { name, at: this.now() })
      }),
    )
    return new Map(itemIds.map((id) => [id, names.get(id)?.name ?? null]))
  }

  /** Remembers a name just read elsewhere (a lookup, a pin). */
  remember(key: string, itemId: string, name: string): void {
    let names = this.cache.get(key)
    if (!names) this.cache.set(key, (names = new Map()))
    names.set(itemId, { name, at: this.now() })
  }
}
