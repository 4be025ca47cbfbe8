import { createRng, deriveSeed } from './rng'

export interface Segment {
  id: number
  name: string
  type: 'static' | 'dynamic'
  /** Customer indices. Dynamic segments are fixed here: the sandbox has no rules engine. */
  members: Set<number>
}

const SEGMENT_DEFS: { id: number; name: string; type: Segment['type']; share: number }[] = [
  { id: 313, name: 'VIP customers', type: 'static', share: 0.05 },
  { id: 320, name: 'Newsletter readers', type: 'static', share: 0.3 },
  { id: 327, name: 'Black Friday 2024 buyers', type: 'static', share: 0.12 },
  { id: 334, name: 'Imported from POS', type: 'static', share: 0 },
  { id: 314, name: 'Active in last 30 days', type: 'dynamic', share: 0.2 },
]

export function generateSegments(seed: number, customerCount: number): Map<number, Segment> {
  const rng = createRng(deriveSeed(seed, 'segments'))
  const segments = new Map<number, Segment>()
  for (const def of SEGMENT_DEFS) {
    const members = new Set<number>()
    for (let i = 0; i < customerCount; i++) if (rng.chance(def.share)) members.add(i)
    segments.set(def.id, { id: def.id, name: def.name, type: def.type, members })
  }
  return segments
}
