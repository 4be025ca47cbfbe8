import { createRng, type Rng } from './data/rng'
import type { FaultOptions } from './types'

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'rate-limit'; retryAfter: number }
  | { kind: '429'; retryAfter: number }
  | { kind: '5xx'; status: 500 | 503 }
  | { kind: 'drop'; afterProcessing: boolean }

/**
 * Decides, per request, which fault (if any) to inject. Draws a fixed number of random
 * numbers per request so a given faultSeed yields the same fault sequence for the same
 * request sequence, whatever the options.
 */
export class FaultInjector {
  private options: FaultOptions
  private readonly rng: Rng
  private readonly recent = new Map<string, number[]>()

  constructor(options: FaultOptions = {}, seed = 46) {
    this.options = { ...options }
    this.rng = createRng(seed)
  }

  set(options: FaultOptions): void {
    this.options = { ...options }
  }

  get latencyMs(): number {
    return Math.max(0, this.options.latencyMs ?? 0)
  }

  /** Whether this route answers in the wrong shape (no random draw: it is not a rate). */
  wrongShape(route: { method: string; path: string }): boolean {
    const target = this.options.wrongShape
    if (target === undefined) return false
    if (target === 'all') return true
    if (target === 'reads') return route.method === 'GET'
    if (target === 'writes') return route.method !== 'GET'
    return target.includes(route.path)
  }

  decide(shopKey: string | null, nowMs: number): FaultDecision {
    const o = this.options
    const [r429, r5xx, rDrop, rWhich] = [
      this.rng.next(),
      this.rng.next(),
      this.rng.next(),
      this.rng.next(),
    ]
    const retryAfter = o.retryAfterSeconds ?? 1
    if (
      o.hardRateLimitPerSecond !== undefined &&
      this.overLimit(shopKey ?? '-', nowMs, o.hardRateLimitPerSecond)
    ) {
      return { kind: 'rate-limit', retryAfter }
    }
    if (r429 < (o.rate429 ?? 0)) return { kind: '429', retryAfter }
    if (r5xx < (o.rate5xx ?? 0)) return { kind: '5xx', status: rWhich < 0.5 ? 500 : 503 }
    if (rDrop < (o.dropRate ?? 0))
      return { kind: 'drop', afterProcessing: o.dropAfterProcessing ?? false }
    return { kind: 'none' }
  }

  /** Sliding one-second window per shop; rejected requests do not count toward the window. */
  private overLimit(key: string, nowMs: number, limit: number): boolean {
    const times = (this.recent.get(key) ?? []).filter((t) => nowMs - t < 1000)
    const over = times.length >= limit
    if (!over) times.push(nowMs)
    this.recent.set(key, times)
    return over
  }
}
