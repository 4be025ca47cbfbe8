import { keyedFailure, AppFailure } from '../../../shared/errors'
import {
  forecast,
  type LowStockAlert,
  type PromoList,
  type PromoListsState,
  type StockChange,
} from '../../../shared/promo-codes'
import type { ApiClient } from '../../api'
import type { StockStore } from './stock-store'

/** A list as PersonaClick answers it. */
export interface RemoteList {
  id: string
  name: string
  available: number
}

export interface ListsDeps {
  api: ApiClient
  stock: StockStore
  onLowStock?(alert: LowStockAlert): void
  /** `limit` of each page; the API's own default (1000) unless a test wants small pages. */
  pageSize?: number
  now?: () => Date
}

/** The reference's default `limit`: we ask for it explicitly so a short page means the end. */
const PAGE_SIZE = 1000
/** A server that ignores `offset` would page forever; no shop has this many lists. */
const MAX_PAGES = 1000

/**
 * The lists of a shop with the console's own view of them: the marketer's thresholds, the
 * readings kept on disk (a sparkline and a forecast) and a warning when a list falls under
 * its threshold between two readings. Also purge and delete, which change the stock.
 */
export class PromoLists {
  /** The lists as last read per shop, so a threshold change needs no request. */
  private readonly last = new Map<string, { lists: RemoteList[]; at: Date }>()

  constructor(private readonly deps: ListsDeps) {}

  /** Every list, page by page until a short page. */
  async fetchAll(profileId: string): Promise<RemoteList[]> {
    const limit = this.deps.pageSize ?? PAGE_SIZE
    const out: RemoteList[] = []
    const seen = new Set<string>()
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await this.deps.api.call(
        'promoCodes.list',
        { profileId },
        { offset: page * limit, limit },
      )
      let fresh = 0
      for (const row of data) {
        const id = String(row.id)
        if (seen.has(id)) continue
        seen.add(id)
        fresh++
        out.push({ id, name: row.name, available: row.available })
      }
      if (data.length < limit || fresh === 0) break
    }
    return out
  }

  /** One list, read again (for before/after counts); a list gone from PersonaClick is keyed. */
  async find(profileId: string, listId: string): Promise<RemoteList> {
    const { data } = await this.deps.api.call('promoCodes.list', { profileId }, { include: listId })
    const row = data.find((r) => String(r.id) === listId)
    if (!row) throw keyedFailure('NOT_FOUND', 'promo-list-gone')
    return { id: listId, name: row.name, available: row.available }
  }

  /** Reads the lists, keeps a reading of each, warns about lists that fell under threshold. */
  async refresh(profileId: string): Promise<PromoListsState> {
    const lists = await this.fetchAll(profileId)
    const at = (this.deps.now ?? (() => new Date()))()
    const previous = await this.deps.stock.record(
      profileId,
      lists.map((l) => ({ listId: l.id, available: l.available })),
      at,
    )
    this.last.set(profileId, { lists, at })
    const state = await this.stateOf(profileId, lists, at)
    for (const list of state.lists) {
      const before = previous.get(list.id)
      if (before && before.available >= list.threshold && list.low)
        this.deps.onLowStock?.({
          profileId,
          listId: list.id,
          name: list.name,
          available: list.available,
          threshold: list.threshold,
        })
    }
    return state
  }

  async setThreshold(
    profileId: string,
    listId: string,
    threshold: number,
  ): Promise<PromoListsState> {
    await this.deps.stock.setThreshold(profileId, listId, threshold)
    const last = this.last.get(profileId)
    return last ? this.stateOf(profileId, last.lists, last.at) : this.refresh(profileId)
  }

  /** The lists as last read, with thresholds, readings and forecasts. */
  async stateOf(profileId: string, lists: RemoteList[], at: Date): Promise<PromoListsState> {
    const file = await this.deps.stock.read(profileId)
    const rows: PromoList[] = []
    for (const list of lists) {
      const threshold = await this.deps.stock.threshold(profileId, list.id)
      const history = file.history[list.id] ?? []
      rows.push({
        ...list,
        threshold,
        low: list.available < threshold,
        history,
        forecast: forecast(history, list.available),
      })
    }
    return { lists: rows, fetchedAt: at.toISOString() }
  }

  /** Deletes the list's unsent codes once the marketer typed its name; counts before and after. */
  async purge(profileId: string, listId: string, confirmName: string): Promise<StockChange> {
    const list = await this.find(profileId, listId)
    if (confirmName.trim() !== list.name.trim())
      throw keyedFailure('INVALID_INPUT', 'promo-name-mismatch')
    await this.call(() => this.deps.api.call('promoCodes.purge', { profileId }, { id: listId }))
    const after = await this.find(profileId, listId)
    return { before: list.available, after: after.available }
  }

  /** Deletes codes in batches; the API counts what it deleted and what it did not find. */
  async deleteCodes(
    profileId: string,
    listId: string,
    codes: readonly string[],
    batchSize: number,
  ): Promise<StockChange & { deleted: number; notFound: number }> {
    const before = await this.find(profileId, listId)
    let deleted = 0
    let notFound = 0
    for (let i = 0; i < codes.length; i += batchSize) {
      const { data } = await this.call(() =>
        this.deps.api.call(
          'promoCodes.delete',
          { profileId },
          { promo_code_list_id: listId, codes: codes.slice(i, i + batchSize) },
        ),
      )
      deleted += data.delete_count
      notFound += data.not_found_count
    }
    const after = await this.find(profileId, listId)
    return { before: before.available, after: after.available, deleted, notFound }
  }

  /** A 404 from purge or delete means the list itself is gone: say that, not "not found". */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (err) {
      if (err instanceof AppFailure && err.appError.code === 'API_NOT_FOUND')
        throw keyedFailure('NOT_FOUND', 'promo-list-gone')
      throw err
    }
  }
}
