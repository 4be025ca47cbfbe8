import { defineStore } from 'pinia'
import { reactive } from 'vue'
import { reachShownBy, type ShopReach } from '../../../shared/shop-reach'
import { onEvent } from '../api'

/** Each shop's reach as its latest telling call showed it (see `reachShownBy`). */
export const useShopReachStore = defineStore('shop-reach', () => {
  const byShop = reactive(new Map<string, ShopReach>())
  onEvent('activity:recorded', (record) => {
    const reach = reachShownBy(record)
    if (reach) byShop.set(record.profileId, reach)
  })
  const of = (shopId: string | null | undefined): ShopReach =>
    (shopId && byShop.get(shopId)) || 'unknown'
  return { of }
})
