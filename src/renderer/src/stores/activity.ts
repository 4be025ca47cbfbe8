import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ActivityFilter, ActivityPage } from '../../../shared/activity'
import { invoke } from '../api'
import type { CsvChoice } from '../../../shared/csv-export'
import { downloadFile } from '../composables/download-file'
import { useRemote } from '../composables/use-remote'

/**
 * The activity log: newest first, filtered in main, refreshed as calls are recorded. It
 * spans every shop (the screen filters by shop), so a shop switch does not reload it.
 */
export const useActivityStore = defineStore('activity', () => {
  const filter = ref<ActivityFilter>({})
  const remote = useRemote<ActivityPage>(
    () => invoke('activity:list', { ...filter.value, limit: 10_000 }),
    {
      initial: () => ({ items: [], total: 0 }),
      // Calls arrive in bursts (imports, retries): refresh at most a few times a second.
      refreshOn: ['activity:recorded', 'activity:cleared'],
      throttleMs: 300,
      perShop: false,
    },
  )

  async function load(): Promise<void> {
    await remote.load()
  }

  async function setFilter(next: ActivityFilter): Promise<void> {
    filter.value = next
    await load()
  }

  async function clear(): Promise<void> {
    await invoke('activity:clear', {})
    await load()
  }

  async function exportCsv(csv: CsvChoice = {}): Promise<void> {
    downloadFile(await invoke('activity:export', { ...filter.value, csv }))
  }

  return {
    items: computed(() => remote.data.value.items),
    total: computed(() => remote.data.value.total),
    filter,
    loading: remote.loading,
    error: remote.error,
    load,
    setFilter,
    clear,
    exportCsv,
  }
})
