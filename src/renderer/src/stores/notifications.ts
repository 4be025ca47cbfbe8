import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { addDays, today } from '../../../shared/days'
import {
  SLOW_HISTORY_DAYS,
  messageChannels,
  messageTypes,
  summariseHistory,
  type IdentifierKind,
  type NotificationMessage,
  type NotificationsQuery,
} from '../../../shared/notifications'
import { invoke } from '../api'
import type { CsvChoice } from '../../../shared/csv-export'
import { downloadFile } from '../composables/download-file'
import { useAction, useRemote } from '../composables/use-remote'
import { useShopsStore } from './shops'

export interface HistoryResults {
  query: NotificationsQuery
  /** As PersonaClick was asked (normalised). */
  identifier: string
  messages: NotificationMessage[]
  page: number
  hasMore: boolean
}

/** A customer's message history: the search form, its pages, and a message opened in preview. */
export const useNotificationsStore = defineStore('notifications', () => {
  const shops = useShopsStore()
  const zone = computed(() => shops.active?.timeZone ?? 'UTC')
  /** The first day PersonaClick advises: two weeks back, in the shop's calendar. */
  const advisedFrom = (): string => addDays(today(zone.value), -SLOW_HISTORY_DAYS)

  const form = reactive({
    identifierKind: 'email' as IdentifierKind,
    identifier: '',
    dateFrom: advisedFrom(),
    types: [...messageTypes] as string[],
    channels: [...messageChannels] as string[],
  })
  /** The date the marketer already agreed to search from despite the slowness warning. */
  const slowAccepted = ref<string | null>(null)
  const isSlow = computed(() => form.dateFrom < advisedFrom())

  const searched = shallowRef<NotificationsQuery | null>(null)
  const results = useRemote<HistoryResults | null>(
    async () => {
      const query = searched.value
      if (!query) return null
      const page = await invoke('notifications:search', { ...query, page: 1 })
      return {
        query,
        identifier: page.identifier,
        messages: page.messages,
        page: 1,
        hasMore: page.hasMore,
      }
    },
    { initial: () => null, perShop: false, shallow: true },
  )
  const more = useAction()

  function snapshot(): NotificationsQuery {
    return {
      identifierKind: form.identifierKind,
      identifier: form.identifier.trim(),
      dateFrom: form.dateFrom,
      types: messageTypes.filter((x) => form.types.includes(x)),
      channels: messageChannels.filter((x) => form.channels.includes(x)),
    }
  }

  async function search(): Promise<void> {
    searched.value = snapshot()
    await results.load()
  }

  async function loadMore(): Promise<void> {
    const current = results.data.value
    if (!current?.hasMore || more.busy.value) return
    const page = await more.run(() =>
      invoke('notifications:search', { ...current.query, page: current.page + 1 }),
    )
    // A newer search may have replaced these results meanwhile.
    if (!page || results.data.value !== current) return
    results.data.value = {
      ...current,
      messages: [...current.messages, ...page.messages],
      page: page.page,
      hasMore: page.hasMore,
    }
  }

  async function exportCsv(csv: CsvChoice = {}): Promise<void> {
    const current = results.data.value
    if (current) downloadFile(await invoke('notifications:export', { ...current.query, csv }))
  }

  const summary = computed(() => summariseHistory(results.data.value?.messages ?? []))

  /** The active shop's remembered kind, types and channels, applied to the form. */
  async function loadChoices(): Promise<void> {
    const saved = await invoke('notifications:choices', {}).catch(() => null)
    if (!saved) return
    form.identifierKind = saved.identifierKind
    form.types = [...saved.types]
    form.channels = [...saved.channels]
  }

  /** Opened from elsewhere (a send, an NPS comment): the search filled in and run. */
  async function lookUp(kind: IdentifierKind, identifier: string): Promise<void> {
    form.identifierKind = kind
    form.identifier = identifier
    await search()
  }

  // Another shop: other customers, other choices, another calendar.
  watch(
    () => shops.activeId,
    (next, prev) => {
      if (prev === null || next === prev) return
      searched.value = null
      results.data.value = null
      results.error.value = null
      form.dateFrom = advisedFrom()
      slowAccepted.value = null
      void loadChoices()
    },
  )

  const preview = shallowRef<NotificationMessage | null>(null)

  return {
    form,
    zone,
    advisedFrom,
    isSlow,
    slowAccepted,
    results: results.data,
    loading: results.loading,
    error: results.error,
    loadingMore: more.busy,
    moreError: more.error,
    summary,
    preview,
    search,
    loadMore,
    exportCsv,
    loadChoices,
    lookUp,
  }
})
