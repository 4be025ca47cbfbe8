import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { addDays, addYears, today } from '../../../shared/days'
import {
  NPS_TIME_ZONE,
  type NpsBucket,
  type NpsGroup,
  type NpsProgress,
  type NpsReport,
  type NpsReviewRow,
} from '../../../shared/nps'
import { invoke, onEvent } from '../api'
import { downloadFile } from '../composables/download-file'

export const npsPresets = ['d7', 'd30', 'd90', 'm12', 'custom'] as const
export type NpsPreset = (typeof npsPresets)[number]

/** Presets end today (UTC, the reviews' calendar) and include it. */
export function presetPeriod(preset: Exclude<NpsPreset, 'custom'>, now = Date.now()) {
  const to = today(NPS_TIME_ZONE, now)
  if (preset === 'm12') return { from: addDays(addYears(to, -1), 1), to }
  const days = { d7: 7, d30: 30, d90: 90 }[preset]
  return { from: addDays(to, -(days - 1)), to }
}

/** A review row or a not-yet-loaded slot of the explorer's virtual list. */
export type ExplorerRow = NpsReviewRow | { id?: undefined }

const PAGE = 200

/** NPS analytics: the period and filters, main's report, and the review explorer's pages. */
export const useNpsStore = defineStore('nps', () => {
  const preset = ref<NpsPreset>('d30')
  const custom = ref<{ from: string; to: string }>(presetPeriod('d30'))
  const channel = ref<string | null>(null)
  const category = ref<string | null>(null)
  const bucket = ref<NpsBucket>('day')

  const report = shallowRef<NpsReport | null>(null)
  const loading = ref(false)
  const error = ref<Error | null>(null)
  const progress = ref<NpsProgress | null>(null)
  let loadSeq = 0
  let subscribed = false

  const period = computed(() =>
    preset.value === 'custom' ? custom.value : presetPeriod(preset.value),
  )
  const filters = computed(() => ({
    ...period.value,
    ...(channel.value ? { channel: channel.value } : {}),
    ...(category.value ? { category: category.value } : {}),
  }))

  async function load(refresh = false): Promise<void> {
    if (!subscribed) {
      subscribed = true
      onEvent('nps:progress', (p) => {
        if (loading.value) progress.value = p
      })
    }
    const seq = ++loadSeq
    loading.value = true
    error.value = null
    progress.value = null
    try {
      const next = await invoke('nps:load', { ...filters.value, bucket: bucket.value, refresh })
      // A newer request (the user changed the period meanwhile) wins.
      if (seq !== loadSeq) return
      report.value = next
      await resetExplorer()
    } catch (err) {
      if (seq === loadSeq) error.value = err as Error
    } finally {
      if (seq === loadSeq) loading.value = false
    }
  }

  async function exportCsv(): Promise<void> {
    downloadFile(await invoke('nps:export', filters.value))
  }

  // ---- review explorer: filtered and sorted in main, fetched page by page as it scrolls
  const group = ref<NpsGroup | null>(null)
  const text = ref('')
  const withComment = ref(true)
  /** A sub-range of the period (a trend point's bucket); null = the whole period. */
  const dates = ref<{ from: string; to: string } | null>(null)
  const sortField = ref<'time' | 'rate'>('time')
  const sortOrder = ref<1 | -1>(-1)
  const rows = shallowRef<ExplorerRow[]>([])
  const total = ref(0)
  const rowsLoading = ref(false)
  let explorerSeq = 0

  const explorerQuery = () => ({
    ...filters.value,
    ...(dates.value ?? {}),
    ...(group.value ? { group: group.value } : {}),
    ...(text.value.trim() ? { text: text.value.trim() } : {}),
    withComment: withComment.value,
    sortField: sortField.value,
    sortOrder: sortOrder.value,
  })

  async function fetchRows(offset: number, limit: number, seq: number): Promise<void> {
    const page = await invoke('nps:reviews', { ...explorerQuery(), offset, limit })
    if (seq !== explorerSeq) return
    const next = rows.value.length === page.total ? rows.value.slice() : blank(page.total)
    page.rows.forEach((r, i) => (next[offset + i] = r))
    total.value = page.total
    rows.value = next
  }

  async function resetExplorer(): Promise<void> {
    const seq = ++explorerSeq
    rowsLoading.value = true
    try {
      rows.value = []
      await fetchRows(0, PAGE, seq)
    } catch (err) {
      if (seq === explorerSeq) error.value = err as Error
    } finally {
      if (seq === explorerSeq) rowsLoading.value = false
    }
  }

  /** The virtual scroller asks for rows first..last; fetch the ones still missing. */
  async function ensureRows(first: number, last: number): Promise<void> {
    const from = Math.max(0, first)
    const to = Math.min(total.value, Math.max(last, from + 1))
    let start = from
    while (start < to && rows.value[start]?.id !== undefined) start++
    if (start >= to) return
    await fetchRows(start, Math.max(PAGE, to - start), explorerSeq).catch(() => undefined)
  }

  function openBucket(range: { from: string; to: string }): void {
    dates.value = range
    withComment.value = false
    void resetExplorer()
  }

  return {
    preset,
    custom,
    channel,
    category,
    bucket,
    period,
    report,
    loading,
    error,
    progress,
    load,
    exportCsv,
    group,
    text,
    withComment,
    dates,
    sortField,
    sortOrder,
    rows,
    total,
    rowsLoading,
    resetExplorer,
    ensureRows,
    openBucket,
  }
})

function blank(n: number): ExplorerRow[] {
  return Array.from({ length: n }, () => ({}))
}
