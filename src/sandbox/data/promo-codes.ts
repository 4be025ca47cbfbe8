import { createRng, deriveSeed } from './rng'

export interface PromoCodeList {
  id: number
  name: string
  /** code -> sent to a user already (sent codes survive /promo_codes/purge). */
  codes: Map<string, { sent: boolean }>
  /** Codes the shop's campaigns hand out per hour when the sandbox drains stock. */
  drainPerHour: number
  /** Time (ms) up to which draining has been applied; set on the first drain. */
  drainedTo?: number
}

/**
 * The Demo shop's lists, as a shop running a few trigger campaigns has them: a busy
 * abandoned-cart list, a welcome list, one nearly used up (under the console's default
 * warning threshold of 500), one used up and one waiting for its first upload.
 */
const LIST_DEFS: {
  id: number
  name: string
  size: number
  sentShare: number
  drainPerHour: number
}[] = [
  {
    id: 3184,
    name: 'Abandoned cart trigger discount codes',
    size: 4200,
    sentShare: 0.1,
    drainPerHour: 120,
  },
  { id: 3190, name: 'Welcome -10%', size: 6000, sentShare: 0.35, drainPerHour: 90 },
  { id: 3201, name: 'Birthday gift', size: 1500, sentShare: 0.05, drainPerHour: 6 },
  { id: 3208, name: 'Free delivery, second order', size: 2400, sentShare: 0.93, drainPerHour: 30 },
  { id: 3215, name: 'Spring sale 2025 (used up)', size: 800, sentShare: 1, drainPerHour: 0 },
  {
    id: 3222,
    name: 'Reactivation (empty, waiting for upload)',
    size: 0,
    sentShare: 0,
    drainPerHour: 0,
  },
]

export function generatePromoLists(seed: number): Map<number, PromoCodeList> {
  const lists = new Map<number, PromoCodeList>()
  for (const def of LIST_DEFS) {
    const rng = createRng(deriveSeed(seed, 'promo', def.id))
    const codes = new Map<string, { sent: boolean }>()
    const prefix = def.name
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase()
    while (codes.size < def.size)
      codes.set(`${prefix}-${rng.code(8)}`, { sent: rng.chance(def.sentShare) })
    lists.set(def.id, { id: def.id, name: def.name, codes, drainPerHour: def.drainPerHour })
  }
  return lists
}

export function availableCount(list: PromoCodeList): number {
  let n = 0
  for (const entry of list.codes.values()) if (!entry.sent) n++
  return n
}

/**
 * The shop's campaigns handing codes out while the console is open: each list loses
 * `drainPerHour` codes an hour (oldest unsent first), applied lazily whenever the lists are
 * read, so stock visibly goes down over a session without a timer. Off unless the sandbox
 * was started with `promoDrain` (tests need counts that stay put).
 */
export function drainLists(lists: Map<number, PromoCodeList>, nowMs: number): void {
  for (const list of lists.values()) {
    if (list.drainPerHour <= 0) continue
    list.drainedTo ??= nowMs
    const due = Math.floor(((nowMs - list.drainedTo) * list.drainPerHour) / 3_600_000)
    if (due <= 0) continue
    list.drainedTo += (due * 3_600_000) / list.drainPerHour
    let left = due
    for (const entry of list.codes.values()) {
      if (left === 0) break
      if (entry.sent) continue
      entry.sent = true
      left--
    }
  }
}

/** What /promo_codes/fetch does: hands the oldest unsent code out (and marks it sent). */
export function takeCode(list: PromoCodeList): string | null {
  for (const [code, entry] of list.codes) {
    if (entry.sent) continue
    entry.sent = true
    return code
  }
  return null
}
