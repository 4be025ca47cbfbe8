import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BulkJobState, BulkStart, SendLogFilter, SendLogPage } from '../../../shared/sends'
import { invoke } from '../api'
import type { CsvChoice } from '../../../shared/csv-export'
import { downloadFile } from '../composables/download-file'
import { useEvent, useRemote } from '../composables/use-remote'
import { useShopsStore } from './shops'

/**
 * Transactional sends of the active shop: the log and the bulk jobs. One-off calls the
 * forms make (preview, send, status) hold no shared state, so the forms invoke them.
 */
export const useSendsStore = defineStore('sends', () => {
  const filter = ref<SendLogFilter>({})
  const log = useRemote<SendLogPage>(() => invoke('sends:log', { ...filter.value, limit: 5000 }), {
    initial: () => ({ items: [], total: 0 }),
    // Bulk sends log hundreds of rows a second: refresh the list a few times a second at most.
    refreshOn: ['sends:logged'],
    throttleMs: 400,
  })
  const jobs = useRemote<BulkJobState[]>(() => invoke('sends:bulk-jobs', {}), {
    initial: () => [],
  })
  const shops = useShopsStore()
  useEvent('sends:bulk', (state) => {
    // A job still running for the previous shop is not listed under this one.
    if (state.profileId !== shops.activeId) return
    const i = jobs.data.value.findIndex((j) => j.id === state.id)
    if (i >= 0) jobs.data.value.splice(i, 1, state)
    else jobs.data.value.unshift(state)
  })

  async function loadLog(): Promise<void> {
    await log.load()
  }

  async function loadJobs(): Promise<void> {
    await jobs.load()
  }

  async function setFilter(next: SendLogFilter): Promise<void> {
    filter.value = next
    await loadLog()
  }

  async function startBulk(input: BulkStart): Promise<void> {
    await invoke('sends:bulk-start', input)
    await loadJobs()
  }

  return {
    log: computed(() => log.data.value.items),
    total: computed(() => log.data.value.total),
    filter,
    loading: log.loading,
    error: log.error,
    jobs: jobs.data,
    jobsError: jobs.error,
    loadLog,
    loadJobs,
    setFilter,
    startBulk,
    async exportLog(full = false, csv: CsvChoice = {}): Promise<void> {
      downloadFile(await invoke('sends:log-export', { ...filter.value, full, csv }))
    },
    async exportReport(jobId: string, csv: CsvChoice = {}): Promise<void> {
      downloadFile(await invoke('sends:bulk-report', { jobId, csv }))
    },
  }
})
