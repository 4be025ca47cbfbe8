import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  CatalogueGaps,
  CategoryNode,
  GapsFilter,
  SearchGaps,
  SearchGapsFilter,
  WaitKind,
  WaitingProduct,
  Watchlist,
} from '../../../shared/products'
import { invoke } from '../api'
import type { CsvChoice } from '../../../shared/csv-export'
import { downloadFile } from '../composables/download-file'
import { useEvent, useRemote } from '../composables/use-remote'
import { useShopsStore } from './shops'

/**
 * Product stats of the active shop: each section's list loads when its tab is first opened
 * (and again on a shop switch); the watchlist also follows main's snapshot runs.
 */
export const useProductsStore = defineStore('products', () => {
  const shops = useShopsStore()
  const opts = <T>(initial: T) => ({ initial: () => initial, shallow: true })

  const watchlist = useRemote<Watchlist | null>(
    () => invoke('products:watchlist', {}),
    opts<Watchlist | null>(null),
  )
  useEvent('products:watchlist', ({ profileId, watchlist: state }) => {
    if (profileId === shops.activeId && watchlist.data.value) watchlist.data.value = state
  })
  const gaps = useRemote<CatalogueGaps | null>(
    () => invoke('products:gaps', {}),
    opts<CatalogueGaps | null>(null),
  )
  const categories = useRemote<CategoryNode[] | null>(
    () => invoke('products:categories', {}),
    opts<CategoryNode[] | null>(null),
  )
  const searchGaps = useRemote<SearchGaps | null>(
    () => invoke('products:search-gaps', {}),
    opts<SearchGaps | null>(null),
  )
  const waitKind = ref<WaitKind>('stock')
  const waiting = useRemote<WaitingProduct[] | null>(
    () => invoke('products:waiting', { kind: waitKind.value }),
    opts<WaitingProduct[] | null>(null),
  )

  async function pin(itemId: string): Promise<void> {
    watchlist.data.value = await invoke('products:pin', { itemId })
  }
  async function unpin(itemId: string): Promise<void> {
    watchlist.data.value = await invoke('products:unpin', { itemId })
  }
  async function snapshot(): Promise<void> {
    watchlist.data.value = await invoke('products:snapshot', {})
  }

  return {
    watchlist,
    gaps,
    categories,
    searchGaps,
    waitKind,
    waiting,
    pin,
    unpin,
    snapshot,
    async exportWatch(csv: CsvChoice = {}, itemIds?: string[]): Promise<void> {
      downloadFile(await invoke('products:watch-export', itemIds ? { itemIds, csv } : { csv }))
    },
    async exportGaps(filter: GapsFilter, csv: CsvChoice = {}): Promise<void> {
      downloadFile(await invoke('products:gaps-export', { ...filter, csv }))
    },
    async exportSearchGaps(filter: SearchGapsFilter, csv: CsvChoice = {}): Promise<void> {
      downloadFile(await invoke('products:search-gaps-export', { ...filter, csv }))
    },
    async exportWaiting(itemId: string): Promise<void> {
      downloadFile(await invoke('products:waiting-export', { kind: waitKind.value, itemId }))
    },
  }
})
