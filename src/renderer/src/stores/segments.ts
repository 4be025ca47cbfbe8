import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  HandedContact,
  SegmentBulkStart,
  SegmentEntry,
  SegmentJobState,
} from '../../../shared/segments'
import { invoke } from '../api'
import type { CsvChoice } from '../../../shared/csv-export'
import { downloadFile } from '../composables/download-file'
import { useEvent, useRemote } from '../composables/use-remote'
import { useShopsStore } from './shops'

/** Contacts another screen hands to the bulk change, kept in memory only until it starts. */
export interface HandedList {
  /** What the list is, in the words of the screen that handed it over. */
  label: string
  contacts: HandedContact[]
}

/**
 * The active shop's segments as the console knows them (PersonaClick cannot list them), and
 * a list of contacts handed over by another screen for a bulk add or remove.
 *
 * Hand-off: `useSegmentsStore().handOver({ label, contacts })`, then open the screen with
 * `router.push({ name: 'segments', query: { tab: 'bulk' } })`; the bulk tab takes the list.
 */
export const useSegmentsStore = defineStore('segments', () => {
  const catalogue = useRemote<SegmentEntry[]>(() => invoke('segments:list', {}), {
    initial: () => [],
    refreshOn: ['segments:catalogue'],
  })
  const handed = ref<HandedList | null>(null)
  const jobs = useRemote<SegmentJobState[]>(() => invoke('segments:bulk-jobs', {}), {
    initial: () => [],
  })
  const shops = useShopsStore()
  useEvent('segments:job', (state) => {
    // A job still running for the previous shop is not listed under this one.
    if (state.profileId !== shops.activeId) return
    const i = jobs.data.value.findIndex((j) => j.id === state.id)
    if (i >= 0) jobs.data.value.splice(i, 1, state)
    else jobs.data.value.unshift(state)
  })

  return {
    segments: catalogue.data,
    loading: catalogue.loading,
    error: catalogue.error,
    load: catalogue.load,
    byId: computed(() => new Map(catalogue.data.value.map((s) => [s.id, s]))),
    handed,
    jobs: jobs.data,
    jobsError: jobs.error,
    loadJobs: jobs.load,
    async startJob(input: SegmentBulkStart): Promise<void> {
      await invoke('segments:bulk-start', input)
      await jobs.load()
    },
    async exportReport(jobId: string, csv: CsvChoice = {}): Promise<void> {
      downloadFile(await invoke('segments:bulk-report', { jobId, csv }))
    },
    handOver(list: HandedList): void {
      handed.value = list
    },
    /** The handed list, once: the bulk form owns it from here. */
    takeHanded(): HandedList | null {
      const list = handed.value
      handed.value = null
      return list
    },
    async create(id: number, name: string, note = ''): Promise<SegmentEntry> {
      const entry = await invoke('segments:create', { id, name, note })
      await catalogue.load()
      return entry
    },
    async rename(id: number, name: string, note?: string): Promise<void> {
      await invoke('segments:rename', { id, name, ...(note !== undefined ? { note } : {}) })
      await catalogue.load()
    },
    async forget(id: number): Promise<void> {
      await invoke('segments:forget', { id })
      await catalogue.load()
    },
    /** An ID used elsewhere (an import): listed, unnamed until someone names it. */
    async noteSeen(id: number): Promise<void> {
      await invoke('segments:seen', { id })
    },
    async exportList(csv: CsvChoice = {}): Promise<void> {
      downloadFile(await invoke('segments:export', { csv }))
    },
    async importList(fileId: string): Promise<number> {
      const { merged } = await invoke('segments:import', { fileId })
      await catalogue.load()
      return merged
    },
  }
})
