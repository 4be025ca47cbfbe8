import { keyedFailure } from '../../../shared/errors'
import type { SegmentEntry, SegmentType } from '../../../shared/segments'
import { languages } from '../../../shared/settings'
import { dialectFor, headerOf, toCsv, type CsvDialect } from '../files/csv'
import { detectTableFile, readTableRows, settingsFrom } from '../table-file'

const COLUMNS = ['id', 'name', 'note', 'type'] as const

/** The catalogue as a team shares it: one row per segment, headers and types in words. */
export function catalogueCsv(entries: readonly SegmentEntry[], dialect: CsvDialect): string {
  const types = dialect.words.values.segmentType
  return toCsv(
    headerOf(dialect.words.columns.segments),
    entries.map((e) => [e.id, e.name ?? '', e.note, e.type ? types[e.type] : '']),
    dialect,
  )
}

const folded = (text: string): string => text.trim().toLowerCase()

/**
 * A column's or a type's name in any language the console writes, and the code older
 * files carry (`id,name,note,type`, `static`), so a list exported in Russian reads back
 * in English and the other way round.
 */
function namesOf(code: string, word: (d: CsvDialect) => string): Set<string> {
  return new Set([code, ...languages.map((l) => word(dialectFor(l)))].map(folded))
}
const COLUMN_NAMES = COLUMNS.map((c) => namesOf(c, (d) => d.words.columns.segments[c]))
const TYPE_NAMES = (['static', 'dynamic'] as const).map(
  (t) => [t, namesOf(t, (d) => d.words.values.segmentType[t])] as const,
)

export interface SharedSegment {
  id: number
  name: string
  note: string
  type: SegmentType | null
}

/**
 * Reads a shared list with the table-file reader (any encoding or delimiter a spreadsheet
 * writes). It needs ID and name columns (in either language); rows without a positive ID or a name are skipped.
 */
export async function readCatalogueCsv(path: string): Promise<SharedSegment[]> {
  const detection = await detectTableFile(path, { hasHeader: true })
  const col = (names: Set<string>): number =>
    detection.headers.findIndex((h) => names.has(folded(h)))
  const [id, name, note, type] = COLUMN_NAMES.map(col) as [number, number, number, number]
  if (id < 0 || name < 0) throw keyedFailure('INVALID_INPUT', 'segment-catalogue-unreadable')
  const out: SharedSegment[] = []
  for await (const row of readTableRows(path, settingsFrom(detection))) {
    const n = Number((row.fields[id] ?? '').trim())
    const label = (row.fields[name] ?? '').trim().slice(0, 200)
    if (!Number.isInteger(n) || n <= 0 || label === '') continue
    const t = folded(row.fields[type] ?? '')
    out.push({
      id: n,
      name: label,
      note: note >= 0 ? (row.fields[note] ?? '').trim().slice(0, 1000) : '',
      type: TYPE_NAMES.find(([, names]) => names.has(t))?.[0] ?? null,
    })
  }
  return out
}
