import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ActivityFilter, ActivityRecord } from '../../../shared/activity'
import { invoke, onEvent } from '../api'
import { downloadFile } from '../composables/download-file'

/** The activity log: newest first, filtered in main, refreshed as calls are recorded. */
export const useActivityStore = defineStore('activity', () => {
  const items = ref<ActivityRecord[]>([])
  const total = ref(0)
  const filter = ref<ActivityFilter>({})
  const loading = ref(false)
  const error = ref<Error | null>(null)
  let subscribed = false
  let refreshTimer: ReturnType<typeof setTimeout> | null = null

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const page = await invoke('activity:list', { ...filter.value, limit: 10_000 })
      items.value = page.items
      total.value = page.total
    } catch (err) {
      error.value = err as Error
    } finally {
      loading.value = false
    }
    if (!subscribed) {
      subscribed = true
      // Calls arrive in bursts (imports, retries): refresh at most a few times a second.
      const refreshSoon = (): void => {
        if (refreshTimer) return
        refreshTimer = setTimeout(() => {
          refreshTimer = null
          void load()
        }, 300)
      }
      onEvent('activity:recorded', refreshSoon)
      onEvent('activity:cleared', refreshSoon)
    }
  }

  async function setFilter(next: ActivityFilter): Promise<void> {
    filter.value = next
    await load()
  }

  async function clear(): Promise<void> {
    await invoke('activity:clear', {})
    await load()
  }

  async function exportCsv(): Promise<void> {
    downloadFile(await invoke('activity:export', filter.value))
  }

  return { items, total, filter, loading, error, load, setFilter, clear, exportCsv }
})
