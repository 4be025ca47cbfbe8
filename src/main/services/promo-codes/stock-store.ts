import { join } from 'node:path'
import { z } from 'zod'
import { DEFAULT_THRESHOLD, type StockPoint } from '../../../shared/promo-codes'
import { readJsonFile, writeJsonFile } from '../../store/json-file'

/** Readings older than this are dropped; the sparkline shows the last month. */
const KEEP_MS = 30 * 86_400_000
const MAX_POINTS = 2_000
/** A refresh within a minute of the last reading replaces it instead of adding one. */
const SAME_READING_MS = 60_000

const fileSchema = z.object({
  thresholds: z.record(z.string(), z.number()),
  history: z.record(z.string(), z.array(z.object({ t: z.string(), available: z.number() }))),
})
type StockFile = z.infer<typeof fileSchema>

/**
 * One shop's local knowledge of its lists: the marketer's warning thresholds and the
 * available-count readings taken on every refresh (`promo-codes/<profileId>/stock.json`).
 * PersonaClick keeps no history of stock, so the console keeps its own.
 */
export class StockStore {
  private readonly cache = new Map<string, StockFile>()
  private writes: Promise<void> = Promise.resolve()

  constructor(private readonly dir: string) {}

  private fileOf(profileId: string): string {
    return join(this.dir, profileId, 'stock.json')
  }

  async read(profileId: string): Promise<StockFile> {
    let file = this.cache.get(profileId)
    if (!file) {
      file = await readJsonFile(this.fileOf(profileId), fileSchema, { thresholds: {}, history: {} })
      this.cache.set(profileId, file)
    }
    return file
  }

  async threshold(profileId: string, listId: string): Promise<number> {
    return (await this.read(profileId)).thresholds[listId] ?? DEFAULT_THRESHOLD
  }

  async setThreshold(profileId: string, listId: string, threshold: number): Promise<void> {
    const file = await this.read(profileId)
    file.thresholds[listId] = threshold
    await this.save(profileId)
  }

  /**
   * Adds a reading of each list and returns the previous one of each (for threshold
   * crossings). Lists no longer in PersonaClick keep their history until it ages out.
   */
  async record(
    profileId: string,
    readings: readonly { listId: string; available: number }[],
    at: Date,
  ): Promise<Map<string, StockPoint | undefined>> {
    const file = await this.read(profileId)
    const previous = new Map<string, StockPoint | undefined>()
    const t = at.toISOString()
    for (const { listId, available } of readings) {
      const points = file.history[listId] ?? []
      const last = points.at(-1)
      previous.set(listId, last)
      if (last && at.getTime() - Date.parse(last.t) < SAME_READING_MS) points.pop()
      points.push({ t, available })
      file.history[listId] = points
        .filter((p) => at.getTime() - Date.parse(p.t) <= KEEP_MS)
        .slice(-MAX_POINTS)
    }
    await this.save(profileId)
    return previous
  }

  private save(profileId: string): Promise<void> {
    // Writes queue up so an older reading never lands after a newer one.
    const file = this.cache.get(profileId)
    this.writes = this.writes
      .catch(() => {})
      .then(() => writeJsonFile(this.fileOf(profileId), file))
    return this.writes
  }
}
