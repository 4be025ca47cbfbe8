import type { Sleep } from './types'

/**
 * Retry timing. Full jitter (delay = random * min(cap, base * 2^attempt)) spreads retries of
 * many queued calls instead of having them hit the API again in lock-step.
 */
export interface BackoffOptions {
  baseDelayMs: number
  maxDelayMs: number
  random: () => number
}

/** Delay before retry number `attempt` (0 = the first retry). */
export function backoffDelay(attempt: number, o: BackoffOptions): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempt))
  const r = Math.min(Math.max(o.random(), 0), 1)
  return Math.floor(r * ceiling)
}

// IMF-fixdate plus the two obsolete forms RFC 9110 still asks recipients to accept.
const HTTP_DATE = [
  /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Za-z]+, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
]

/**
 * Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP-date (past dates give 0).
 * null when absent or unparsable, so the caller falls back to its own backoff. Date.parse
 * alone is too lenient ("1 2" is a date to V8), hence the shape check first.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null
  const v = value.trim()
  if (/^\d+$/.test(v)) return Number(v) * 1000
  if (!HTTP_DATE.some((re) => re.test(v))) return null
  const at = Date.parse(v)
  if (Number.isNaN(at)) return null
  return Math.max(0, at - nowMs)
}

/** The delay before the next attempt: at least what the server asked, never less than backoff. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  o: BackoffOptions,
): number {
  const jitter = backoffDelay(attempt, o)
  return retryAfterMs === null ? jitter : Math.max(retryAfterMs, jitter)
}

/** setTimeout-based sleep that rejects with the signal's reason when aborted. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
