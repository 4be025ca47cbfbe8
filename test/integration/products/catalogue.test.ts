import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProductsService } from '../../../src/main/services/products/products-service'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import {
  countersAt,
  PRODUCT_NO_CARTS,
  PRODUCT_NO_VIEWS,
  productIdAt,
  SLOT_MS,
} from '../../../src/sandbox/data/products'
import { AppFailure } from '../../../src/shared/errors'
import { gapReasons } from '../../../src/shared/products'
import { productsWorld } from './support'
import { dialectFor, PLAIN_CSV } from '../../../src/main/services/files/csv'
import { detectTableFile } from '../../../src/main/services/table-file'

/**
 * Product stats against the Demo shop sandbox over loopback HTTP: what the screen shows is
 * what the sandbox holds, counters follow the sandbox clock, and every request carries the
 * secret only where the reference asks for it (in the GET query) and nowhere else.
 */
const NOW = '2025-06-30T12:07:00.000Z'

let sandbox: Sandbox
let world: Awaited<ReturnType<typeof productsWorld>>
let service: ProductsService
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW })
  world = await productsWorld(sandbox)
  service = new ProductsService({ ...world, csvDialect: () => PLAIN_CSV })
})
afterAll(async () => {
  await sandbox.close()
  await world.cleanup()
})

const product = (index: number) => {
  const p = sandbox.state.main.products.find((x) => x.id === productIdAt(index))
  if (!p) throw new Error(`no product ${index}`)
  return p
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof AppFailure)) throw new Error(`expected a failure, got ${String(err)}`)
  return err
}

describe('product lookup', () => {
  it('shows the card and counters the sandbox holds, at the sandbox clock', async () => {
    const p = product(3)
    sandbox.clock.set(NOW)
    const found = await service.lookup({ itemId: p.id })
    expect(found.card).toMatchObject({ itemId: p.id, name: p.name, currency: 'USD' })
    expect(found.card.price).toBe(p.price)
    expect(found.card.picture).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(found.counters).toEqual(countersAt(p.traffic, new Date(NOW)))
    // Stamped with the API's Date header (whole seconds), i.e. the sandbox clock.
    expect(found.at).toBe('2025-06-30T12:07:00.000Z')
    const { daily } = found.counters
    expect(found.conversion.daily.viewToCart).toBeCloseTo(daily.cart / daily.view)
  })

  it('moves with the sandbox clock, step by quarter hour, as predicted', async () => {
    const p = product(5)
    sandbox.clock.set(NOW)
    const before = await service.lookup({ itemId: p.id })
    sandbox.clock.advance(5 * 60_000) // same quarter hour: nothing moves
    expect((await service.lookup({ itemId: p.id })).counters).toEqual(before.counters)
    sandbox.clock.advance(3 * SLOT_MS)
    const later = await service.lookup({ itemId: p.id })
    expect(later.counters).toEqual(countersAt(p.traffic, sandbox.clock.now()))
    expect(later.counters).not.toEqual(before.counters)
  })

  it('has no conversion where there is nothing to convert from', async () => {
    sandbox.clock.set(NOW)
    const none = await service.lookup({ itemId: productIdAt(PRODUCT_NO_VIEWS) })
    expect(none.counters.daily.view).toBe(0)
    expect(none.conversion.daily).toEqual({ viewToCart: null, cartToPurchase: null })
    const noCarts = await service.lookup({ itemId: productIdAt(PRODUCT_NO_CARTS) })
    expect(noCarts.counters.daily.view).toBeGreaterThan(0)
    expect(noCarts.conversion.daily).toEqual({ viewToCart: 0, cartToPurchase: null })
  })

  it('says when the catalogue has no such product', async () => {
    const failure = await failureOf(service.lookup({ itemId: 'no-such-item' }))
    expect(failure.appError.details?.messageKey).toBe('product-not-found')
  })

  it('works for a shop without a stored secret, and sends no secret at all', async () => {
    const bare = await productsWorld(sandbox, { secret: false })
    try {
      const noSecret = new ProductsService({ ...bare, csvDialect: () => PLAIN_CSV })
      sandbox.journal.clear()
      await noSecret.lookup({ itemId: product(3).id })
      const reads = sandbox.journal.entries()
      expect(reads.map((e) => e.path).sort()).toEqual(['/products/counters', '/products/get'])
      for (const e of reads) {
        expect(e.secretPlacement).toBe('none')
        expect(Object.keys(e.query)).not.toContain('shop_secret')
      }
      // Secret endpoints refuse before any request.
      const failure = await failureOf(noSecret.gaps())
      expect(failure.appError.details?.messageKey).toBe('secret-missing')
      expect(sandbox.journal.entries()).toHaveLength(2)
    } finally {
      await bare.cleanup()
    }
  })
})

describe('catalogue reads', () => {
  it('lists not-widgetable products with every reason spelled out and counted', async () => {
    sandbox.journal.clear()
    const gaps = await service.gaps()
    expect(sandbox.journal.entries()[0]?.secretPlacement).toBe('query')
    const truth = sandbox.state.main.products.filter((p) => p.gaps.length > 0)
    expect(gaps.rows.map((r) => r.itemId)).toEqual(truth.map((p) => p.id))
    for (const reason of gapReasons) expect(gaps.counts[reason], reason).toBeGreaterThan(0)
    expect(gaps.rows.find((r) => r.itemId === productIdAt(16))?.reasons).toEqual(['price', 'image'])
    const imageError = gaps.rows.find((r) => r.itemId === productIdAt(15))
    expect(imageError?.reasons).toEqual(['image-error'])
    expect(imageError?.imageError).toContain('404')
  })

  it('exports the filtered gaps as formula-safe CSV', async () => {
    const file = await service.gapsExport({ reason: 'price' }, PLAIN_CSV)
    const lines = file.content
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'Product ID,Name,Price,Link,No name,No price,No link,No image,Image download error',
    )
    const withPrice = sandbox.state.main.products.filter((p) => p.gaps.includes('price'))
    expect(lines).toHaveLength(withPrice.length + 1)
  })

  it('gives the category tree with children nested', async () => {
    sandbox.journal.clear()
    const tree = await service.categories()
    expect(sandbox.journal.entries()[0]?.secretPlacement).toBe('query')
    const roots = sandbox.state.main.categories.filter((c) => c.parentId === null)
    expect(tree.map((c) => c.name)).toEqual(roots.map((c) => c.name))
    expect(tree[0]?.children.map((c) => c.name)).toEqual(['Rings', 'Earrings', 'Necklaces'])
  })

  it('ranks zero-result searches and counts the row without a query', async () => {
    sandbox.journal.clear()
    const { rows, skipped } = await service.searchGaps()
    expect(sandbox.journal.entries()[0]?.secretPlacement).toBe('query')
    expect(skipped).toBe(1)
    expect(rows).toHaveLength(sandbox.state.main.noResultQueries.length - 1)
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1))
    const sorted = [...rows].sort((a, b) => b.quantity - a.quantity)
    expect(rows.map((r) => r.quantity)).toEqual(sorted.map((r) => r.quantity))
    const csv = await service.searchGapsExport({ text: 'зимние' }, PLAIN_CSV)
    expect(csv.content).toContain('зимние шины')
    expect(csv.content.trimEnd().split('\r\n')).toHaveLength(2)
  })
})

describe('waiting customers', () => {
  it('lists products with subscriber counts and catalogue names, read once', async () => {
    sandbox.journal.clear()
    const rows = await service.waiting({ kind: 'stock' })
    const truth = sandbox.state.main.products.filter((p) => p.stockSubscribers)
    expect(rows.map((r) => r.itemId)).toEqual(truth.map((p) => p.id))
    for (const r of rows) {
      const p = truth.find((x) => x.id === r.itemId)
      expect(r.subscribers).toBe(p?.stockSubscribers?.contacts.length)
      expect(r.lastDate).toBe(p?.stockSubscribers?.date)
      expect(r.name).toBe(p?.name)
    }
    const gets = () => sandbox.journal.entries().filter((e) => e.path === '/products/get').length
    expect(gets()).toBe(truth.length)
    await service.waiting({ kind: 'stock' })
    expect(gets()).toBe(truth.length) // names come from the cache the second time
  })

  it('hands one product’s contacts over as a file a bulk send can open', async () => {
    const p = sandbox.state.main.products.find((x) => x.priceSubscribers)
    if (!p?.priceSubscribers) throw new Error('no price subscribers in the demo data')
    const file = await service.waitingHandoff({ kind: 'price', itemId: p.id })
    const text = await readFile(world.files.pathOf(file.fileId), 'utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('Email,Phone,product_id,product_name,waiting_for')
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(p.priceSubscribers.contacts)
    expect(file.name).toBe(`waiting-price-${p.id}.csv`)
    // In Russian the bulk send reads the same contacts from a `;` file, and the product's
    // columns keep the names its template uses.
    const russian = new ProductsService({ ...world, csvDialect: () => dialectFor('ru') })
    const handed = await russian.waitingHandoff({ kind: 'price', itemId: p.id })
    const detection = await detectTableFile(world.files.pathOf(handed.fileId), {})
    expect(detection).toMatchObject({
      delimiter: ';',
      hasHeader: true,
      headers: ['Email', 'Номер телефона', 'product_id', 'product_name', 'waiting_for'],
    })
  })
})
