import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { UTC, addDays, addYears, npsTimeZone, today, type TimeZone } from '../../../shared/days'
import {
  type NpsBucket,
  type NpsGroup,
  type NpsProgress,
  type NpsReport,
  type NpsReviewRow,
} from '../../../shared/nps'
import { invoke } from '../api'
import type { CsvChoice } from '../../../shared/csv-export'
import { downloadFile } from '../composables/download-file'
import { asApiError, latestWins, useEvent, useRemote } from '../composables/use-remote'
import { useShopsStore } from './shops'

export const npsPresets = ['d7', 'd30', 'd90', 'm12', 'custom'] as const
export type NpsPreset = (typeof npsPresets)[number]

/** Presets end today in the shop's time zone (main counts days there too) and include it. */
export function presetPeriod(
  preset: Exclude<NpsPreset, 'custom'>,
  zone: TimeZone = UTC,
  now = Date.now(),
) {
  const to = today(zone, now)
  if (preset === 'm12') return { from: addDays(addYears(to, -1), 1), to }
  const days = { d7: 7, d30: 30, d90: 90 }[preset]
  return { from: addDays(to, -(days - 1)), to }
}

/** A review row or a not-yet-loaded slot of the explorer's virtual list. */
export type ExplorerRow = NpsReviewRow | { id?: undefined }

const PAGE = 200

/** NPS analytics: the period and filters, main's report, and the review explorer's pages. */
export const useNpsStore = defineStore('nps', () => {
  const shops = useShopsStore()
  /**
   * The active shop's zone, only to know which day "today" is here: main counts days in the
   * zone of its own shop record and reports it back (`report.timeZone`) for the screen.
   */
  const zone = computed(() => npsTimeZone(shops.active?.timeZone))
  const preset = ref<NpsPreset>('d30')
  const custom = ref<{ from: string; to: string }>(presetPeriod('d30', zone.value))
  const channel = ref<string | null>(null)
  const category = ref<string | null>(null)
  const bucket = ref<NpsBucket>('day')

  const period = computed(() =>
    preset.value === 'custom' ? custom.value : presetPeriod(preset.value, zone.value),
  )
  const filters = computed(() => ({
    ...period.value,
    ...(channel.value ? { channel: channel.value } : {}),
    ...(category.value ? { category: category.value } : {}),
  }))

  const remote = useRemote<NpsReport | null>(
    () => invoke('nps:load', { ...filters.value, bucket: bucket.value, refresh: refreshing }),
    { initial: () => null, shallow: true },
  )
  const progress = ref<NpsProgress | null>(null)
  let refreshing = false
  useEvent('nps:progress', (p) => {
    if (remote.loading.value) progress.value = p
  })

  /** `refresh`: fetch again what main has cached. A newer request (a new period) wins. */
  async function load(refresh = false): Promise<void> {
    refreshing = refresh
    progress.value = null
    const loaded = remote.load()
    refreshing = false
    await loaded
  }

  /** Stops a long load; it ends as cancelled (the error state offers to load again). */
  async function cancel(): Promise<void> {
    await invoke('nps:cancel', {})
  }

  async function exportCsv(csv: CsvChoice = {}): Promise<void> {
    downloadFile(await invoke('nps:export', { ...filters.value, csv }))
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
  const pages = latestWins()

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
    if (!pages.isCurrent(seq)) return
    const next = rows.value.length === page.total ? rows.value.slice() : blank(page.total)
    page.rows.forEach((r, i) => (next[offset + i] = r))
    total.value = page.total
    rows.value = next
  }

  async function resetExplorer(): Promise<void> {
    const seq = pages.next()
    rowsLoading.value = true
    try {
      rows.value = []
      await fetchRows(0, PAGE, seq)
    } catch (err) {
      if (pages.isCurrent(seq)) remote.error.value = asApiError(err)
    } finally {
      if (pages.isCurrent(seq)) rowsLoading.value = false
    }
  }

  // Every new report (a new period, filter or shop) starts the explorer over.
  watch(remote.data, (report) => {
    if (report) void resetExplorer()
    else {
      pages.next()
      rows.value = []
      total.value = 0
    }
  })

  /** The virtual scroller asks for rows first..last; fetch the ones still missing. */
  async function ensureRows(first: number, last: number): Promise<void> {
    const from = Math.max(0, first)
    const to = Math.min(total.value, Math.max(last, from + 1))
    let start = from
    while (start < to && rows.value[start]?.id !== undefined) start++
    if (start >= to) return
    await fetchRows(start, Math.max(PAGE, to - start), pages.current()).catch(() => undefined)
  }

  function openBucket(range: { from: string; to: string }): void {
    dates.value = range
    withComment.value = false
    void resetExplorer()
  }

  return {
    zone,
    preset,
    custom,
    channel,
    category,
    bucket,
    period,
    report: remote.data,
    loading: remote.loading,
    error: remote.error,
    progress,
    cancel,
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
