import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IntakeFile } from '../../../shared/files'
import type {
  ColumnMapping,
  DateOrder,
  DetectResult,
  DuplicateRule,
  ImportJobState,
  ImportMode,
  RejectedRow,
  UploadOptions,
} from '../../../shared/import'
import type { TableFileOverrides } from '../../../shared/table-file'
import { invoke } from '../api'
import type { CsvChoice } from '../../../shared/csv-export'
import { downloadFile } from '../composables/download-file'
import { useAction, useEvent, useRemote } from '../composables/use-remote'
import { useShopsStore } from './shops'

/** Audience import: the current file's detection, the current job, and the history. */
export const useImportStore = defineStore('import', () => {
  const detected = ref<DetectResult | null>(null)
  const job = ref<ImportJobState | null>(null)
  const issues = ref<RejectedRow[]>([])
  const shops = useShopsStore()
  // The wizard's calls share one busy flag and one failure, worded by the screen.
  const { busy, error, run } = useAction()
  const history = useRemote<ImportJobState[]>(() => invoke('import:jobs', {}), {
    initial: () => [],
  })

  useEvent('import:job', (s) => {
    if (job.value?.id === s.id) {
      const wasValidating = job.value.status === 'validating'
      job.value = s
      if (wasValidating && s.status === 'review') void loadIssues()
    }
    // A job still running for the previous shop does not belong in this shop's history.
    if (s.profileId !== shops.activeId) return
    const jobs = history.data.value
    const i = jobs.findIndex((h) => h.id === s.id)
    if (i >= 0) jobs[i] = s
    else jobs.unshift(s)
  })

  const detect = (file: IntakeFile, overrides: TableFileOverrides = {}) =>
    run(async () => {
      detected.value = await invoke('import:detect', { fileId: file.fileId, overrides })
      job.value = null
    })

  const validate = (
    mapping: ColumnMapping,
    mode: ImportMode,
    duplicates: DuplicateRule,
    dateOrder: DateOrder,
  ) =>
    run(async () => {
      const d = detected.value!
      const { encoding, delimiter, hasHeader, sepLine } = d.detection
      issues.value = []
      job.value = await invoke('import:validate', {
        fileId: d.file.fileId,
        table: { encoding, delimiter, hasHeader, sepLine },
        mapping,
        mode,
        duplicates,
        dateOrder,
        headers: d.detection.headers,
      })
    })

  async function loadIssues(): Promise<void> {
    if (job.value) issues.value = await invoke('import:issues', { jobId: job.value.id, limit: 200 })
  }

  const start = (options: UploadOptions) =>
    run(async () => (job.value = await invoke('import:start', { jobId: job.value!.id, options })))
  const control = (action: 'pause' | 'resume' | 'cancel', jobId = job.value!.id) =>
    run(async () => {
      const s = await invoke(`import:${action}`, { jobId })
      if (job.value?.id === s.id) job.value = s
    })
  const report = (jobId: string, csv: CsvChoice = {}) =>
    run(async () => downloadFile(await invoke('import:error-report', { jobId, csv })))
  const loadHistory = () => history.load()
  const saveMapping = (name: string, mapping: ColumnMapping) =>
    run(async () => {
      const saved = await invoke('import:save-mapping', {
        name,
        headers: detected.value!.detection.headers,
        mapping,
      })
      if (detected.value) detected.value.savedMappings = saved
    })

  function open(s: ImportJobState): void {
    job.value = s
    void loadIssues()
  }

  function reset(): void {
    detected.value = null
    job.value = null
    issues.value = []
  }

  /**
   * Leaving a checked file before uploading it: nothing was sent, so the check is thrown
   * away rather than left in the history as "waiting for review" for good.
   */
  const discard = (jobId: string) =>
    run(async () => {
      await invoke('import:discard', { jobId })
      if (job.value?.id === jobId) reset()
      await history.load()
    })

  return {
    detected,
    job,
    issues,
    history: history.data,
    busy,
    error,
    detect,
    validate,
    start,
    control,
    report,
    loadHistory,
    saveMapping,
    open,
    reset,
    discard,
  }
})
