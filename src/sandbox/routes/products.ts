import type { Category, Product, ProductSubscription } from '../data/products'
import { categoryUrl, countersAt } from '../data/products'
import type { ShopData } from '../data/state'
import { list, object, same } from '../envelope'
import { notFound } from '../errors'
import { csv, int, parseBool, requireStr } from '../params'
import type { RouteSpec } from '../route'

function productOf(shop: ShopData, id: string): Product {
  const product = shop.products.find((p) => p.id === id)
  if (!product) throw notFound('Product not found')
  return product
}

interface CategoryNode {
  id: number
  external_id: string
  name: string
  url: string
  parent_id: number | null
  parent_external_id: string | null
  children: CategoryNode[]
}

function tree(all: Category[], keep: (c: Category) => boolean, depth: number): CategoryNode[] {
  const build = (parent: Category | null, level: number): CategoryNode[] =>
    all
      .filter((c) => c.parentId === (parent?.id ?? null) && keep(c))
      .map((c) => ({
        id: c.id,
        external_id: c.externalId,
        name: c.name,
        url: categoryUrl(c),
        parent_id: c.parentId,
        parent_external_id: parent?.externalId ?? null,
        children: level < depth ? build(c, level + 1) : [],
      }))
  return build(null, 0)
}

function subscribers(shop: ShopData, pick: (p: Product) => ProductSubscription | null) {
  return shop.products.flatMap((p) => {
    const s = pick(p)
    // "quantity – Number of products that have subscribers" reads oddly; the summary says
    // "a number of subscribers for each product", which is what we send.
    return s
      ? [
          {
            id: p.id,
            barcode: p.barcode,
            quantity: s.contacts.length,
            date: s.date,
            contacts: s.contacts,
          },
        ]
      : []
  })
}

/** /products/subscribers/stock and /price: the same list over a different subscription. */
function subscribersRoute(
  path: string,
  pick: (p: Product) => ProductSubscription | null,
): RouteSpec {
  return {
    method: 'GET',
    path,
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle: ({ shop }) => list('products', subscribers(shop, pick)),
  }
}

export const productRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/products/get',
    body: 'none',
    secret: 'if-sent',
    errorFamily: 'status',
    handle({ params, shop }) {
      const p = productOf(shop, requireStr(params, 'item_id'))
      return object({
        name: p.name,
        description: p.description,
        price: p.price === null ? null : p.price.toFixed(2),
        currency: p.currency,
        url: p.url,
        picture: p.pictureUrl,
      })
    },
  },
  {
    method: 'GET',
    path: '/products/counters',
    body: 'none',
    secret: 'if-sent',
    errorFamily: 'status',
    // Counters move with the sandbox clock (see countersAt): tests advance it and predict them.
    handle({ params, shop, at }) {
      const p = productOf(shop, requireStr(params, 'item'))
      return object(countersAt(p.traffic, at))
    },
  },
  {
    // The curl example sends nothing, the table requires shop_id and shop_secret: we follow
    // the table. depth 0 = roots only; default = the whole tree.
    method: 'GET',
    path: '/products/categories',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle({ params, shop }) {
      const depth = int(params, 'depth', { min: 0, fallback: 99 })
      const exclude = new Set(csv(params, 'exclude'))
      const onlyDiscount = parseBool(params.only_discount, 'only_discount') ?? false
      const locations = csv(params, 'locations')
      const keep = (c: Category): boolean =>
        !exclude.has(String(c.id)) &&
        !exclude.has(c.externalId) &&
        (!onlyDiscount || c.discount) &&
        (locations.length === 0 ||
          c.parentId === null ||
          c.locations.some((l) => locations.includes(l)))
      return list('categories', tree(shop.categories, keep, depth))
    },
  },
  {
    // Already {status, data} in the reference: the same body in both styles. "total" is
    // described as "number of widgetable products" but sits next to the not-widgetable
    // items; we send the number of not-widgetable items (the length of the list). A missing
    // name or url is sent as "" and a missing price as null, the reference's "Float | Null".
    method: 'GET',
    path: '/products/not_widgetable',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle({ shop }) {
      const items = shop.products
        .filter((p) => p.gaps.length > 0)
        .map((p) => ({
          uniqid: p.id,
          price: p.price,
          name: p.name,
          url: p.url,
          image_url: p.pictureUrl,
          image_downloading_error: p.imageDownloadingError,
        }))
      return same({ status: 'success', data: { total: items.length, items } })
    },
  },
  subscribersRoute('/products/subscribers/stock', (p) => p.stockSubscribers),
  subscribersRoute('/products/subscribers/price', (p) => p.priceSubscribers),
]
