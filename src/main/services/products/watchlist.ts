import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { keyedFailure } from '../../../shared/errors'
import type { ExportedFile } from '../../../shared/files'
import {
  MAX_WATCHED,
  SNAPSHOT_INTERVAL_MS,
  type ProductCounters,
  type Snapshot,
  type Watchlist,
} from '../../../shared/products'
import type { ApiClient } from '../../api'
import type { Logger } from '../../log/logger'
import { csvExport, headerOf, type CsvDialect } from '../files/csv'
import type { ShopDirectory } from '../shops/shop-directory'
import { productCard, unknownProduct } from './lookup'
import { SnapshotScheduler } from './scheduler'
import { WatchlistStore } from './watchlist-store'

/** Snapshots sent to the screen: four weeks (the rest stays on disk). */
const SHOWN_MS = 28 * 86_400_000

export interface WatchlistOptions {
  dataDir: string
  api: ApiClient
  shops: ShopDirectory
  log?: Logger
  onChange?: (profileId: string, watchlist: Watchlist) => void
  now?: () => number
  intervalMs?: number
  /** Injected for tests (see SnapshotScheduler). */
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

/**
 * Pinned products per shop and their counters' history: the API knows only the last 24
 * hours and 15 minutes, so the console snapshots them every 15 minutes while it runs (and
 * when asked) and keeps the snapshots on disk. Counters are public, so every shop with a
 * watchlist is snapshotted, stored secret or not.
 */
export class WatchlistService {
  private readonly stores = new Map<string, Promise<WatchlistStore>>()
  private readonly lastRun = new Map<string, { at: string; failed: string[] }>()
  private readonly scheduler: SnapshotScheduler
  private readonly now: () => number

  private constructor(private readonly opts: WatchlistOptions) {
    this.now = opts.now ?? Date.now
    this.scheduler = new SnapshotScheduler({
      intervalMs: opts.intervalMs ?? SNAPSHOT_INTERVAL_MS,
      run: () => this.runAll(),
      ...(opts.setTimer ? { setTimer: opts.setTimer } : {}),
      ...(opts.clearTimer ? { clearTimer: opts.clearTimer } : {}),
      onError: (err) => opts.log?.warn('watchlist snapshot failed', { error: err }),
    })
  }

  /** Opens the shops' watchlists found on disk and starts the schedule. */
  static async open(opts: WatchlistOptions): Promise<WatchlistService> {
    const service = new WatchlistService(opts)
    const dirs = await readdir(join(opts.dataDir, 'products')).catch(() => [] as string[])
    for (const profileId of dirs) void service.storeOf(profileId)
    service.scheduler.start()
    return service
  }

  async dispose(): Promise<void> {
    await this.scheduler.stop()
  }

  private storeOf(profileId: string): Promise<WatchlistStore> {
    let store = this.stores.get(profileId)
    if (!store) {
      store = WatchlistStore.open(this.opts.dataDir, profileId)
      this.stores.set(profileId, store)
    }
    return store
  }

  private stateOf(profileId: string, store: WatchlistStore): Watchlist {
    // Relative to the newest snapshot (the API's clock), not to this computer's.
    const newest = store.snapshots.reduce((m, s) => Math.max(m, Date.parse(s.at)), 0)
    const since = newest - SHOWN_MS
    const last = this.lastRun.get(profileId)
    return {
      items: store.items,
      snapshots: store.snapshots.filter((s) => Date.parse(s.at) >= since),
      running: this.scheduler.busy,
      lastRunAt: last?.at ?? store.snapshots.at(-1)?.at ?? null,
      lastRunFailed: last?.failed ?? [],
    }
  }

  private announce(profileId: string, store: WatchlistStore): void {
    this.opts.onChange?.(profileId, this.stateOf(profileId, store))
  }

  async watchlist(): Promise<Watchlist> {
    const { profileId } = this.opts.shops.profile('active')
    return this.stateOf(profileId, await this.storeOf(profileId))
  }

  /** Pins a product the catalogue knows (its name is read now and kept with the pin). */
  async pin({ itemId }: { itemId: string }): Promise<Watchlist> {
    const { profileId } = this.opts.shops.profile('active')
    const store = await this.storeOf(profileId)
    if (!store.items.some((i) => i.itemId === itemId)) {
      if (store.items.length >= MAX_WATCHED)
        throw keyedFailure('NOT_ALLOWED', 'watchlist-full', { max: MAX_WATCHED })
      const card = await productCard(this.opts.api, { profileId }, itemId)
      const pinnedAt = new Date(this.now()).toISOString()
      await store.saveItems([...store.items, { itemId, name: card.name, pinnedAt }])
    }
    return this.stateOf(profileId, store)
  }

  async unpin({ itemId }: { itemId: string }): Promise<Watchlist> {
    const { profileId } = this.opts.shops.profile('active')
    const store = await this.storeOf(profileId)
    if (!store.items.some((i) => i.itemId === itemId))
      throw keyedFailure('NOT_FOUND', 'watch-unknown', { itemId })
    await store.saveItems(store.items.filter((i) => i.itemId !== itemId))
    return this.stateOf(profileId, store)
  }

  /** Takes a snapshot of every shop's watchlist now, or waits for the one under way. */
  async snapshot(): Promise<Watchlist> {
    // Say "running" at once; the run announces its end.
    const run = this.scheduler.runNow()
    const { profileId } = this.opts.shops.profile('active')
    this.announce(profileId, await this.storeOf(profileId))
    await run
    return this.watchlist()
  }

  private async runAll(): Promise<void> {
    for (const [profileId, storePromise] of [...this.stores]) {
      const store = await storePromise
      if (store.items.length === 0) continue
      try {
        this.opts.shops.profile({ profileId })
      } catch {
        continue // the shop was removed; its history stays on disk
      }
      await this.snapshotShop(profileId, store)
    }
  }

  /** One request per pinned product, through the shop's queue (its concurrency cap). */
  private async snapshotShop(profileId: string, store: WatchlistStore): Promise<void> {
    const items = store.items
    const results = await Promise.allSettled(
      items.map((i) =>
        this.opts.api.call('products.counters', { profileId }, { item: i.itemId }).catch((err) => {
          throw unknownProduct(err, i.itemId)
        }),
      ),
    )
    const counters: Record<string, ProductCounters> = {}
    const failed: string[] = []
    let serverTime: number | null = null
    results.forEach((r, n) => {
      const itemId = items[n]?.itemId ?? ''
      if (r.status === 'fulfilled') {
        counters[itemId] = { daily: r.value.data.daily, now: r.value.data.now }
        serverTime ??= r.value.serverTime
      } else failed.push(itemId)
    })
    // Stamped with the API's clock: the counters describe the 24 hours before that instant.
    const at = new Date(serverTime ?? this.now()).toISOString()
    if (Object.keys(counters).length > 0) await store.append({ at, counters })
    this.lastRun.set(profileId, { at, failed })
    this.announce(profileId, store)
  }

  async exportCsv(
    { itemIds }: { itemIds?: string[] | undefined },
    dialect: CsvDialect,
  ): Promise<ExportedFile> {
    const { profileId } = this.opts.shops.profile('active')
    const store = await this.storeOf(profileId)
    const items = store.items.filter((i) => !itemIds || itemIds.includes(i.itemId))
    const rows: (string | number)[][] = []
    for (const s of store.snapshots)
      for (const i of items) {
        const c: ProductCounters | undefined = (s as Snapshot).counters[i.itemId]
        if (!c) continue
        rows.push([
          s.at,
          i.itemId,
          i.name,
          c.daily.view,
          c.daily.cart,
          c.daily.purchase,
          c.now.view,
          c.now.cart,
          c.now.purchase,
        ])
      }
    return csvExport(
      'watchlist-snapshots.csv',
      headerOf(dialect.words.columns.watchlist),
      rows,
      dialect,
    )
  }
}
