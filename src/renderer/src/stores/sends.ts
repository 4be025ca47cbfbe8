import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  BulkJobState,
  BulkStart,
  SendDraft,
  SendLogEntry,
  SendLogFilter,
} from '../../../shared/sends'
import type { TableReadSettings } from '../../../shared/table-file'
import { invoke, onEvent } from '../api'
import { downloadFile } from '../composables/download-file'

/** Transactional sends of the active shop: the log, bulk jobs, and the calls the forms make. */
export const useSendsStore = defineStore('sends', () => {
  const log = ref<SendLogEntry[]>([])
  const total = ref(0)
  const filter = ref<SendLogFilter>({})
  const loading = ref(false)
  const error = ref<Error | null>(null)
  const jobs = ref<BulkJobState[]>([])
  let subscribed = false
  let timer: ReturnType<typeof setTimeout> | null = null

  function subscribe(): void {
    if (subscribed) return
    subscribed = true
    // Bulk sends log hundreds of rows a second: refresh the list a few times a second at most.
    onEvent('sends:logged', () => {
      if (timer) return
      timer = setTimeout(() => {
        timer = null
        void loadLog()
      }, 400)
    })
    onEvent('sends:bulk', (state) => {
      const i = jobs.value.findIndex((j) => j.id === state.id)
      if (i >= 0) jobs.value.splice(i, 1, state)
      else jobs.value.unshift(state)
    })
    onEvent('shops:changed', () => {
      void loadLog()
      void loadJobs()
    })
  }

  async function loadLog(): Promise<void> {
    subscribe()
    loading.value = true
    error.value = null
    try {
      const page = await invoke('sends:log', { ...filter.value, limit: 5000 })
      log.value = page.items
      total.value = page.total
    } catch (err) {
      error.value = err as Error
    } finally {
      loading.value = false
    }
  }

  async function loadJobs(): Promise<void> {
    subscribe()
    jobs.value = await invoke('sends:bulk-jobs', {})
  }

  async function setFilter(next: SendLogFilter): Promise<void> {
    filter.value = next
    await loadLog()
  }

  return {
    log,
    total,
    filter,
    loading,
    error,
    jobs,
    loadLog,
    loadJobs,
    setFilter,
    preview: (draft: SendDraft) => invoke('sends:preview', draft),
    send: (draft: SendDraft) => invoke('sends:send', draft),
    status: (code: string) => invoke('sends:status', { code }),
    history: (id: string) => invoke('sends:history', { id }),
    recentCodes: (route: SendDraft['route']) => invoke('sends:recent-codes', { route }),
    reveal: (id: string) => invoke('sends:reveal', { id }),
    detect: (fileId: string) => invoke('sends:bulk-detect', { fileId }),
    countBulk: (fileId: string, table: TableReadSettings) =>
      invoke('sends:bulk-count', { fileId, table }),
    startBulk: (input: BulkStart) => invoke('sends:bulk-start', input),
    control: (jobId: string, action: 'pause' | 'resume' | 'cancel') =>
      invoke('sends:bulk-control', { jobId, action }),
    async exportLog(full = false): Promise<void> {
      downloadFile(await invoke('sends:log-export', { ...filter.value, full }))
    },
    async exportReport(jobId: string): Promise<void> {
      downloadFile(await invoke('sends:bulk-report', { jobId }))
    },
  }
})
