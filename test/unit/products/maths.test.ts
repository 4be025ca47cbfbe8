import { describe, expect, it } from 'vitest'
import {
  conversionOf,
  gapReasonsOf,
  topMovers,
  trendOf,
  type ProductCounters,
  type Snapshot,
  type WatchedProduct,
} from '../../../src/shared/products'

const c = (view: number, cart = 0, purchase = 0): ProductCounters => ({
  daily: { view, cart, purchase },
  now: { view: 0, cart: 0, purchase: 0 },
})

describe('conversion', () => {
  it('is carts per view and purchases per cart', () => {
    expect(conversionOf({ view: 200, cart: 50, purchase: 10 })).toEqual({
      viewToCart: 0.25,
      cartToPurchase: 0.2,
    })
  })

  it('has no view→cart rate without views, and no cart→purchase rate without carts', () => {
    expect(conversionOf({ view: 0, cart: 0, purchase: 0 })).toEqual({
      viewToCart: null,
      cartToPurchase: null,
    })
    expect(conversionOf({ view: 40, cart: 0, purchase: 0 })).toEqual({
      viewToCart: 0,
      cartToPurchase: null,
    })
  })
})

describe('catalogue gap reasons', () => {
  it('names every blank field, and the download error only when there is an image', () => {
    expect(
      gapReasonsOf({
        name: ' ',
        price: null,
        url: '',
        image_url: '',
        image_downloading_error: 'x',
      }),
    ).toEqual(['name', 'price', 'url', 'image'])
    expect(
      gapReasonsOf({
        name: 'A',
        price: 1,
        url: 'u',
        image_url: 'i',
        image_downloading_error: '404',
      }),
    ).toEqual(['image-error'])
  })
})

const items: WatchedProduct[] = ['a', 'b', 'c', 'd', 'e'].map((itemId) => ({
  itemId,
  name: itemId.toUpperCase(),
  pinnedAt: '2025-01-01T00:00:00Z',
}))
const at = (hours: number) => new Date(Date.UTC(2025, 0, 2) + hours * 3_600_000).toISOString()

describe('top movers', () => {
  it('orders by absolute change, then relative change, then id; needs a snapshot a day before', () => {
    const snapshots: Snapshot[] = [
      { at: at(0), counters: { a: c(100), b: c(10), c: c(50), d: c(0), e: c(7) } },
      // Closer to exactly 24 hours before the latest: this one is "yesterday".
      { at: at(1), counters: { a: c(100), b: c(100), c: c(100), d: c(0), e: c(7) } },
      { at: at(25), counters: { a: c(60), b: c(140), c: c(140), d: c(40), e: c(7) } },
    ]
    const movers = topMovers(snapshots, items, 'view')
    // a −40, b +40, c +40, d +40 from zero (infinite share), e 0.
    expect(movers.map((m) => m.itemId)).toEqual(['d', 'a', 'b', 'c', 'e'])
    expect(movers[0]).toMatchObject({ before: 0, after: 40, change: 40, changeShare: null })
    expect(movers[1]).toMatchObject({ before: 100, after: 60, changeShare: -0.4 })
    // Input order does not matter.
    expect(topMovers([...snapshots].reverse(), [...items].reverse(), 'view')).toEqual(movers)
  })

  it('lists nothing without a snapshot about a day before the latest', () => {
    const snapshots: Snapshot[] = [
      { at: at(0), counters: { a: c(1) } },
      { at: at(10), counters: { a: c(5) } },
    ]
    expect(topMovers(snapshots, items, 'view')).toEqual([])
    expect(topMovers([], items, 'view')).toEqual([])
  })
})

describe('trend lines', () => {
  it('break where snapshots are more than the gap apart, and miss a failed read', () => {
    const min = (m: number) => new Date(Date.UTC(2025, 0, 1) + m * 60_000).toISOString()
    const snapshots: Snapshot[] = [
      { at: min(0), counters: { a: c(1) } },
      { at: min(15), counters: { a: c(2) } },
      { at: min(30), counters: {} },
      { at: min(120), counters: { a: c(4) } },
    ]
    expect(trendOf(snapshots, 'a', 'view').map((p) => p.y)).toEqual([1, 2, null, null, 4])
  })
})
