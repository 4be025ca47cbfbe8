import { createRng, deriveSeed } from './rng'

export interface PromoCodeList {
  id: number
  name: string
  /** code -> sent to a user already (sent codes survive /promo_codes/purge). */
  codes: Map<string, { sent: boolean }>
}

const LIST_DEFS: { id: number; name: string; size: number; sentShare: number }[] = [
  { id: 3184, name: 'Abandoned cart trigger discount codes', size: 4200, sentShare: 0.1 },
  { id: 3190, name: 'Welcome -10%', size: 6000, sentShare: 0.35 },
  { id: 3201, name: 'Birthday gift', size: 1500, sentShare: 0.05 },
  { id: 3215, name: 'Spring sale 2025 (used up)', size: 800, sentShare: 1 },
  { id: 3222, name: 'Reactivation (empty, waiting for upload)', size: 0, sentShare: 0 },
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
    lists.set(def.id, { id: def.id, name: def.name, codes })
  }
  return lists
}

export function availableCount(list: PromoCodeList): number {
  let n = 0
  for (const entry of list.codes.values()) if (!entry.sent) n++
  return n
}
