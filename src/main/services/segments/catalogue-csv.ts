import { keyedFailure } from '../../../shared/errors'
import type { SegmentEntry, SegmentType } from '../../../shared/segments'
import { toCsv } from '../files/csv'
import { detectTableFile, readTableRows, settingsFrom } from '../table-file'

const HEADER = ['id', 'name', 'note', 'type'] as const

/** The catalogue as a team shares it: one row per segment, the columns `HEADER` names. */
export function catalogueCsv(entries: readonly SegmentEntry[]): string {
  return toCsv(
    HEADER,
    entries.map((e) => [e.id, e.name ?? '', e.note, e.type ?? '']),
  )
}

export interface SharedSegment {
  id: number
  name: string
  note: string
  type: SegmentType | null
}

/**
 * Reads a shared list with the table-file reader (any encoding or delimiter a spreadsheet
 * writes). It needs `id` and `name` columns; rows without a positive ID or a name are skipped.
 */
export async function readCatalogueCsv(path: string): Promise<SharedSegment[]> {
  const detection = await detectTableFile(path, { hasHeader: true })
  const col = (name: string): number =>
    detection.headers.findIndex((h) => h.trim().toLowerCase() === name)
  const [id, name, note, type] = HEADER.map(col) as [number, number, number, number]
  if (id < 0 || name < 0) throw keyedFailure('INVALID_INPUT', 'segment-catalogue-unreadable')
  const out: SharedSegment[] = []
  for await (const row of readTableRows(path, settingsFrom(detection))) {
    const n = Number((row.fields[id] ?? '').trim())
    const label = (row.fields[name] ?? '').trim().slice(0, 200)
    if (!Number.isInteger(n) || n <= 0 || label === '') continue
    const t = (row.fields[type] ?? '').trim()
    out.push({
      id: n,
      name: label,
      note: note >= 0 ? (row.fields[note] ?? '').trim().slice(0, 1000) : '',
      type: t === 'static' || t === 'dynamic' ? t : null,
    })
  }
  return out
}
