import { join } from 'node:path'
import { z } from 'zod'
import { keyedFailure } from '../../../shared/errors'
import { segmentTypes, type SegmentEntry, type SegmentType } from '../../../shared/segments'
import { readJsonFile, writeJsonFile } from '../../store/json-file'

const entrySchema = z.object({
  id: z.number().int().positive(),
  name: z.string().nullable(),
  note: z.string(),
  type: z.enum(segmentTypes).nullable(),
  lastUsed: z.string().nullable(),
  added: z.number().int().min(0),
  removed: z.number().int().min(0),
}) satisfies z.ZodType<SegmentEntry>

const fileSchema = z.object({ shops: z.record(z.string(), z.array(entrySchema)) })

const blank = (id: number): SegmentEntry => ({
  id,
  name: null,
  note: '',
  type: null,
  lastUsed: null,
  added: 0,
  removed: 0,
})

/**
 * The console's own list of each shop's segments (`segments/catalogue.json`): PersonaClick
 * cannot list them or their names, so the marketer names them here. Forgetting one is local
 * only; it stays in PersonaClick. Writes are queued so two quick changes never race.
 */
export class SegmentCatalogue {
  private writing: Promise<void> = Promise.resolve()

  private constructor(
    private readonly file: string,
    private readonly shops: Map<string, Map<number, SegmentEntry>>,
  ) {}

  static async open(dataDir: string): Promise<SegmentCatalogue> {
    const file = join(dataDir, 'segments', 'catalogue.json')
    const stored = await readJsonFile(file, fileSchema, { shops: {} })
    const shops = new Map(
      Object.entries(stored.shops).map(([profileId, list]) => [
        profileId,
        new Map(list.map((e) => [e.id, e])),
      ]),
    )
    return new SegmentCatalogue(file, shops)
  }

  /** Named segments first (by name), then unnamed ones by ID. */
  list(profileId: string): SegmentEntry[] {
    return [...this.of(profileId).values()].sort((a, b) =>
      a.name !== null && b.name !== null
        ? a.name.localeCompare(b.name) || a.id - b.id
        : a.name !== null
          ? -1
          : b.name !== null
            ? 1
            : a.id - b.id,
    )
  }

  get(profileId: string, id: number): SegmentEntry | undefined {
    return this.of(profileId).get(id)
  }

  /** A new named segment; an ID already named is refused, an unnamed one gets its name. */
  async create(profileId: string, id: number, name: string, note = ''): Promise<SegmentEntry> {
    const found = this.of(profileId).get(id)
    if (found?.name) throw keyedFailure('INVALID_INPUT', 'segment-exists', { id })
    const entry = { ...(found ?? blank(id)), name, note }
    return this.put(profileId, entry)
  }

  async rename(profileId: string, id: number, name: string, note?: string): Promise<SegmentEntry> {
    const found = this.of(profileId).get(id)
    if (!found) throw keyedFailure('NOT_FOUND', 'segment-unknown', { id })
    return this.put(profileId, { ...found, name, ...(note !== undefined ? { note } : {}) })
  }

  async forget(profileId: string, id: number): Promise<void> {
    if (this.of(profileId).delete(id)) await this.save()
  }

  /**
   * What the console learned about segments in use: their type from `/segments/get`, that
   * they were used now, and memberships it changed. IDs it did not know appear unnamed.
   */
  async note(
    profileId: string,
    seen: { id: number; type?: SegmentType | null; added?: number; removed?: number }[],
  ): Promise<SegmentEntry[]> {
    const at = new Date().toISOString()
    const shop = this.of(profileId)
    const out = seen.map((s) => {
      const entry = { ...(shop.get(s.id) ?? blank(s.id)) }
      if (s.type) entry.type = s.type
      entry.lastUsed = at
      entry.added += s.added ?? 0
      entry.removed += s.removed ?? 0
      shop.set(s.id, entry)
      return entry
    })
    if (out.length > 0) await this.save()
    return out
  }

  /** Merges a shared list: names and notes from the file win, counts and types stay ours. */
  async merge(
    profileId: string,
    rows: { id: number; name: string; note: string; type: SegmentType | null }[],
  ): Promise<number> {
    const shop = this.of(profileId)
    for (const r of rows) {
      const entry = shop.get(r.id) ?? blank(r.id)
      shop.set(r.id, { ...entry, name: r.name, note: r.note, type: entry.type ?? r.type })
    }
    if (rows.length > 0) await this.save()
    return rows.length
  }

  private async put(profileId: string, entry: SegmentEntry): Promise<SegmentEntry> {
    this.of(profileId).set(entry.id, entry)
    await this.save()
    return entry
  }

  private of(profileId: string): Map<number, SegmentEntry> {
    let shop = this.shops.get(profileId)
    if (!shop) {
      shop = new Map()
      this.shops.set(profileId, shop)
    }
    return shop
  }

  private save(): Promise<void> {
    const snapshot = {
      shops: Object.fromEntries([...this.shops].map(([id, m]) => [id, [...m.values()]])),
    }
    this.writing = this.writing.catch(() => {}).then(() => writeJsonFile(this.file, snapshot))
    return this.writing
  }
}
