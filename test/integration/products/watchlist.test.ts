import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WatchlistService } from '../../../src/main/services/products/watchlist'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import {
  countersAt,
  PRODUCT_FALLING,
  PRODUCT_RISING,
  productIdAt,
  SLOT_MS,
} from '../../../src/sandbox/data/products'
import type { Watchlist } from '../../../src/shared/products'
import { topMovers, trendOf } from '../../../src/shared/products'
import { productsWorld } from './support'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

/**
 * The watchlist against the Demo shop sandbox: pinned products are snapshotted at the
 * sandbox clock, kept on disk per shop, and the history draws trends and top movers that
 * the sandbox's own formula predicts. The schedule's timer is injected, so nothing waits.
 */
const NOW = '2025-06-30T09:00:00.000Z'
const DAY = 86_400_000

let sandbox: Sandbox
let world: Awaited<ReturnType<typeof productsWorld>>
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW })
  world = await productsWorld(sandbox, { secret: false })
})
afterAll(async () => {
  await sandbox.close()
  await world.cleanup()
})

const ids = [productIdAt(3), productIdAt(PRODUCT_RISING), productIdAt(PRODUCT_FALLING)]
const traffic = (id: string) => {
  const p = sandbox.state.main.products.find((x) => x.id === id)
  if (!p) throw new Error(id)
  return p.traffic
}

async function open(events: Watchlist[] = []) {
  return WatchlistService.open({
    ...world,
    onChange: (_profile, state) => events.push(state),
    // The schedule never fires on its own here: runs are asked for.
    setTimer: () => 0,
    clearTimer: () => undefined,
  })
}

describe('watchlist', () => {
  it('snapshots pinned products across a simulated day and keeps them on disk', async () => {
    const events: Watchlist[] = []
    const service = await open(events)
    for (const itemId of ids) await service.pin({ itemId })
    // Pinning the same product twice keeps one pin.
    expect((await service.pin({ itemId: ids[0] ?? '' })).items).toHaveLength(3)

    sandbox.clock.set(NOW)
    const times: string[] = []
    for (let i = 0; i < 4; i++) {
      const state = await service.snapshot()
      times.push(state.lastRunAt ?? '')
      sandbox.clock.advance(SLOT_MS)
    }
    // The console was "closed" for a day: the next snapshots come a day later.
    sandbox.clock.set(Date.parse(NOW) + DAY)
    await service.snapshot()
    const state = await service.snapshot()
    expect(events.some((e) => e.running)).toBe(true)
    expect(state.running).toBe(false)
    expect(state.lastRunFailed).toEqual([])
    expect(state.snapshots).toHaveLength(6)
    expect(times[1]).toBe('2025-06-30T09:15:00.000Z')

    for (const s of state.snapshots)
      for (const id of ids) expect(s.counters[id]).toEqual(countersAt(traffic(id), new Date(s.at)))

    // Four points, a break for the day the console was closed, then two more.
    const line = trendOf(state.snapshots, ids[1] ?? '', 'view')
    expect(line.map((p) => p.y === null)).toEqual([false, false, false, false, true, false, false])

    const movers = topMovers(state.snapshots, state.items, 'view')
    expect(movers[0]?.itemId).toBe(productIdAt(PRODUCT_RISING))
    expect(movers[0]?.change).toBeGreaterThan(0)
    expect(movers.find((m) => m.itemId === productIdAt(PRODUCT_FALLING))?.change).toBeLessThan(0)
    await service.dispose()

    // Another launch reads the same history from disk.
    const again = await open()
    const reread = await again.watchlist()
    expect(reread.items.map((i) => i.itemId)).toEqual(ids)
    expect(reread.snapshots).toEqual(state.snapshots)
    const csv = await again.exportCsv({ itemIds: [ids[0] ?? ''] }, PLAIN_CSV)
    expect(csv.content.trimEnd().split('\r\n')).toHaveLength(7)
    await again.unpin({ itemId: ids[2] ?? '' })
    expect((await again.watchlist()).items).toHaveLength(2)
    await again.dispose()
  })

  it('refuses to pin a product the catalogue does not know', async () => {
    const service = await open()
    await expect(service.pin({ itemId: 'nope' })).rejects.toMatchObject({
      appError: { details: { messageKey: 'product-not-found' } },
    })
    await service.dispose()
  })
})
