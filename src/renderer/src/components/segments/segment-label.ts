import type { SegmentEntry } from '../../../../shared/segments'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** "VIP customers · 313", or "Segment 313 (unnamed)" until someone names it. */
export function segmentLabel(t: Translate, id: number, entry?: SegmentEntry | null): string {
  return entry?.name ? t('segments.named', { name: entry.name, id }) : t('segments.unnamed', { id })
}
