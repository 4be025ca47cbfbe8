import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import type { EventName, EventPayload } from '../../../shared/contract/types'
import { ApiError, onEvent } from '../api'
import { useShopsStore } from '../stores/shops'

/**
 * The one recipe for data that lives in main: every store builds its remote state with
 * `useRemote`, so loading, errors, late answers, event subscriptions and shop switches
 * behave the same on every screen.
 */

/** Listens for as long as the calling scope (a store or a component) lives. */
export function useEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  onScopeDispose(onEvent(event, listener))
}

/** Whatever was thrown, as the typed error the screens word with useErrorText. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  return new ApiError({
    code: 'INTERNAL',
    message: err instanceof Error ? err.message : String(err),
  })
}

/** Hands out tickets; only the newest is current, so a late answer cannot overwrite a newer one. */
export function latestWins(): { next(): number; current(): number; isCurrent(t: number): boolean } {
  let last = 0
  return { next: () => ++last, current: () => last, isCurrent: (t) => t === last }
}

/** Runs `fn` at most once per `ms` however often it is asked (bursts of events). */
export function coalesce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  onScopeDispose(() => {
    if (timer) clearTimeout(timer)
  })
  return () => {
    timer ??= setTimeout(() => {
      timer = null
      fn()
    }, ms)
  }
}

export interface RemoteOptions<T> {
  /** What the screen shows before the first answer and right after a shop switch. */
  initial: () => T
  /** Fetch again after these events; a burst of them reloads once per `throttleMs`. */
  refreshOn?: readonly EventName[]
  throttleMs?: number
  /** The data belongs to the active shop: a switch clears it and fetches it again. */
  perShop?: boolean
  /** Big answers that are replaced, never edited in place (NPS report). */
  shallow?: boolean
}

export interface Remote<T> {
  data: Ref<T>
  /** A fetch is under way. */
  loading: Ref<boolean>
  /** The newest fetch's failure; cleared when the next fetch starts. */
  error: Ref<ApiError | null>
  /** Fetches; resolves true when this answer became `data` (no newer fetch overtook it). */
  load(): Promise<boolean>
}

export function useRemote<T>(fetch: () => Promise<T>, options: RemoteOptions<T>): Remote<T> {
  const data = (options.shallow ? shallowRef(options.initial()) : ref(options.initial())) as Ref<T>
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)
  const tickets = latestWins()
  let used = false

  async function load(): Promise<boolean> {
    used = true
    const ticket = tickets.next()
    loading.value = true
    error.value = null
    try {
      const next = await fetch()
      if (!tickets.isCurrent(ticket)) return false
      data.value = next
      return true
    } catch (err) {
      if (tickets.isCurrent(ticket)) error.value = asApiError(err)
      return false
    } finally {
      if (tickets.isCurrent(ticket)) loading.value = false
    }
  }

  // Nothing is fetched for a screen never opened; once opened, its data stays current.
  const reload = (): void => {
    if (used) void load()
  }
  if (options.refreshOn?.length) {
    const soon = coalesce(reload, options.throttleMs ?? 300)
    for (const event of options.refreshOn) useEvent(event, soon)
  }
  if (options.perShop ?? true) {
    const shops = useShopsStore()
    watch(
      () => shops.activeId,
      (next, prev) => {
        if (prev === null || next === prev) return
        data.value = options.initial()
        reload()
      },
    )
  }

  return { data, loading, error, load }
}

/** One-off calls a screen makes (check, start, save): busy while running, the failure kept. */
export function useAction(): {
  busy: Ref<boolean>
  error: Ref<ApiError | null>
  run<R>(fn: () => Promise<R>): Promise<R | undefined>
} {
  const busy = ref(false)
  const error = shallowRef<ApiError | null>(null)
  async function run<R>(fn: () => Promise<R>): Promise<R | undefined> {
    busy.value = true
    error.value = null
    try {
      return await fn()
    } catch (err) {
      error.value = asApiError(err)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
