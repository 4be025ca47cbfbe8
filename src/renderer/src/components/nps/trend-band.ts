import type { NpsScore } from '../../../../shared/nps'

/** The NPS axis: the score cannot leave it, so neither may anything drawn against it. */
export const NPS_AXIS = { min: -100, max: 100 } as const

/**
 * A point's 95% margin band, clamped to the axis. A running day with a handful of
 * responses has a margin of a hundred points or more; unclamped, its band would run off
 * the chart and read as a score no shop can have.
 */
export function marginBand(
  p: Pick<NpsScore, 'nps' | 'margin'>,
): { low: number; high: number } | null {
  if (p.nps === null || !Number.isFinite(p.nps)) return null
  const m = p.margin !== null && Number.isFinite(p.margin) ? Math.abs(p.margin) : 0
  const clamp = (v: number): number => Math.min(NPS_AXIS.max, Math.max(NPS_AXIS.min, v))
  return { low: clamp(p.nps - m), high: clamp(p.nps + m) }
}
