import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { PromoListsState, UploadJobState } from '../../../shared/promo-codes'
import { invoke } from '../api'
import type { CsvChoice } from '../../../shared/csv-export'
import { downloadFile } from '../composables/download-file'
import { useEvent, useRemote } from '../composables/use-remote'
import { useShopsStore } from './shops'
import { useToastStore } from './toasts'

/**
 * Promo-code lists of the active shop (with the console's thresholds, readings and
 * forecasts) and its uploads. Reviews, purges and deletions are one-off calls the dialogs
 * make themselves.
 */
export const usePromoCodesStore = defineStore('promoCodes', () => {
  const shops = useShopsStore()
  const search = ref('')
  const onlyFree = ref(false)
  const lists = useRemote<PromoListsState | null>(() => invoke('promo-codes:lists', {}), {
    initial: () => null,
  })
  const uploads = useRemote<UploadJobState[]>(() => invoke('promo-codes:uploads', {}), {
    initial: () => [],
  })
  // The 30-minute reading and the reading after an upload arrive without being asked for.
  useEvent('promo-codes:lists', ({ profileId, ...state }) => {
    if (profileId === shops.activeId) lists.data.value = state
  })
  useEvent('promo-codes:upload', (state) => {
    if (state.profileId !== shops.activeId) return
    const i = uploads.data.value.findIndex((j) => j.id === state.id)
    if (i >= 0) uploads.data.value.splice(i, 1, state)
    else uploads.data.value.unshift(state)
  })

  const visible = computed(() => {
    const needle = search.value.trim().toLocaleLowerCase()
    return (lists.data.value?.lists ?? []).filter(
      (l) =>
        (!onlyFree.value || l.available > 0) &&
        (needle === '' || l.name.toLocaleLowerCase().includes(needle)),
    )
  })

  async function setThreshold(listId: string, threshold: number): Promise<void> {
    lists.data.value = await invoke('promo-codes:threshold', { listId, threshold })
  }

  async function startUpload(reviewId: string, batchSize: number): Promise<void> {
    const job = await invoke('promo-codes:upload', { reviewId, batchSize })
    if (!uploads.data.value.some((j) => j.id === job.id)) uploads.data.value.unshift(job)
  }

  async function exportLedger(listId: string, csv: CsvChoice = {}): Promise<void> {
    downloadFile(await invoke('promo-codes:ledger-export', { listId, csv }))
  }

  return {
    state: lists.data,
    loading: lists.loading,
    error: lists.error,
    uploads: uploads.data,
    search,
    onlyFree,
    visible,
    load: lists.load,
    loadUploads: uploads.load,
    setThreshold,
    startUpload,
    exportLedger,
  }
})

/**
 * A toast when a list falls under its threshold, on whatever screen the marketer is (App
 * calls this once). Main notices it on a refresh or the 30-minute reading.
 */
export function useLowStockToasts(): void {
  const toasts = useToastStore()
  const { t, n } = useI18n()
  useEvent('promo-codes:low-stock', (alert) =>
    toasts.info(
      t('toast.promoLow', {
        name: alert.name,
        available: n(alert.available),
        threshold: n(alert.threshold),
      }),
    ),
  )
}
