import { appendFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Snapshot, WatchedProduct } from '../../../shared/products'
import { readJsonFile, writeJsonFile, writeFileAtomic } from '../../store/json-file'
import { readJsonLines } from '../../store/json-lines'

/** Snapshots older than this (before the newest one) are dropped when the history is read. */
const KEEP_MS = 120 * 86_400_000

const counterSet = z.object({ view: z.number(), cart: z.number(), purchase: z.number() })
const snapshotSchema = z.object({
  at: z.string(),
  counters: z.record(z.string(), z.object({ daily: counterSet, now: counterSet })),
})
const watchedSchema = z.object({
  items: z.array(z.object({ itemId: z.string(), name: z.string(), pinnedAt: z.string() })),
})

/**
 * One shop's watchlist on disk, in `products/<profile>/`: the pinned products
 * (`watchlist.json`, written atomically) and a JSON-lines history of snapshots
 * (`snapshots.jsonl`, appended; a torn last line is skipped).
 */
export class WatchlistStore {
  private constructor(
    private readonly dir: string,
    public items: WatchedProduct[],
    public snapshots: Snapshot[],
  ) {}

  static async open(dataDir: string, profileId: string): Promise<WatchlistStore> {
    const dir = join(dataDir, 'products', profileId.replace(/[^\w-]+/g, '_'))
    const { items } = await readJsonFile(join(dir, 'watchlist.json'), watchedSchema, { items: [] })
    const { lines, skipped, torn } = await readJsonLines(join(dir, 'snapshots.jsonl'), (raw) => {
      const parsed = snapshotSchema.safeParse(raw)
      return parsed.success ? parsed.data : null
    })
    const newest = lines.reduce((m, s) => Math.max(m, Date.parse(s.at)), 0)
    const kept = lines.filter((s) => newest - Date.parse(s.at) < KEEP_MS)
    const store = new WatchlistStore(dir, items, kept)
    // Rewrite once when something was dropped, so the file does not grow for ever.
    if (kept.length < lines.length || skipped > 0 || torn) await store.rewriteSnapshots()
    return store
  }

  private get snapshotFile(): string {
    return join(this.dir, 'snapshots.jsonl')
  }

  async saveItems(items: WatchedProduct[]): Promise<void> {
    await writeJsonFile(join(this.dir, 'watchlist.json'), { items })
    this.items = items
  }

  async append(snapshot: Snapshot): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    await appendFile(this.snapshotFile, JSON.stringify(snapshot) + '\n', { mode: 0o600 })
    this.snapshots.push(snapshot)
  }

  private async rewriteSnapshots(): Promise<void> {
    const text = this.snapshots.map((s) => JSON.stringify(s) + '\n').join('')
    await writeFileAtomic(this.snapshotFile, text)
  }
}
