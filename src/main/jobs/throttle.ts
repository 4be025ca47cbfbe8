/** How often a running job may announce its progress: often enough to look live, rarely
 * enough that a fast job does not flood the window with events. */
export const PROGRESS_EVERY_MS = 200

export type Throttled<T> = (value: T, force?: boolean) => void

/**
 * Passes `value` on at most once every `everyMs`. A value whose `phase` (a job's status)
 * differs from the last one passed, or a forced one, goes out at once: a marketer must see
 * "paused" or "done" the moment it happens, only the counts in between may be skipped.
 */
export function throttled<T>(
  emit: (value: T) => void,
  opts: { everyMs?: number; phase?: (value: T) => string; now?: () => number } = {},
): Throttled<T> {
  const everyMs = opts.everyMs ?? PROGRESS_EVERY_MS
  const now = opts.now ?? Date.now
  let lastAt = -Infinity
  let lastPhase: string | undefined
  return (value, force = false) => {
    const at = now()
    const phase = opts.phase?.(value) ?? ''
    if (!force && phase === lastPhase && at - lastAt < everyMs) return
    lastAt = at
    lastPhase = phase
    emit(value)
  }
}
