import { faker as fakerEn } from '@faker-js/faker/locale/en'
import { createRng, deriveSeed } from './rng'

export interface Category {
  id: number
  externalId: string
  name: string
  parentId: number | null
  discount: boolean
  locations: string[]
}

export interface ProductSubscription {
  date: string
  contacts: string[]
}

export interface Product {
  id: string
  barcode: string
  name: string
  description: string
  price: number | null
  currency: string
  url: string
  pictureUrl: string
  categoryId: number
  inStock: boolean
  /** Why the product cannot be shown in widgets; null = widgetable. */
  notWidgetableReason: string | null
  imageDownloadingError: string
  counters: {
    daily: { view: number; cart: number; purchase: number }
    now: { view: number; cart: number; purchase: number }
  }
  stockSubscribers: ProductSubscription | null
  priceSubscribers: ProductSubscription | null
}

const ROOTS: [string, string[]][] = [
  ['Jewelry', ['Rings', 'Earrings', 'Necklaces']],
  ['Baby & Kids', ['Clothing Sets', 'Toys', 'Strollers']],
  ['Electronics', ['Phones', 'Laptops', 'Headphones', 'Chargers']],
  ['Home', ['Kitchen', 'Bedding', 'Lighting']],
  ['Beauty', ['Skin care', 'Perfume']],
  ['Sports', ['Running', 'Cycling', 'Yoga']],
]

const SHOP_URL = 'https://demo.example.com'
export const PRODUCT_COUNT = 400

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '')
}

export function generateCategories(seed: number): Category[] {
  const rng = createRng(deriveSeed(seed, 'categories'))
  const out: Category[] = []
  let id = 4
  let ext = 479
  for (const [root, children] of ROOTS) {
    const rootId = id++
    out.push({
      id: rootId,
      externalId: String(ext++),
      name: root,
      parentId: null,
      discount: false,
      locations: [],
    })
    for (const child of children) {
      const discount = rng.chance(0.4)
      const locations = rng.chance(0.5) ? ['NYC', 'LON'] : ['MSK']
      out.push({
        id: id++,
        externalId: String(ext++),
        name: child,
        parentId: rootId,
        discount,
        locations,
      })
      const parent = out.find((c) => c.id === rootId)
      if (parent && discount) parent.discount = true
    }
  }
  return out
}

export function categoryUrl(c: Category): string {
  return `${SHOP_URL}/categories/${slug(c.name)}`
}

function subscription(
  rng: ReturnType<typeof createRng>,
  emails: string[],
  now: Date,
): ProductSubscription {
  const n = rng.int(1, 6)
  const contacts = new Set<string>()
  while (contacts.size < n) contacts.add(rng.pick(emails))
  const date = new Date(now.getTime() - rng.int(0, 200) * 86_400_000).toISOString().slice(0, 10)
  return { date, contacts: [...contacts] }
}

export function generateProducts(
  seed: number,
  categories: Category[],
  emails: string[],
  now: Date,
): Product[] {
  const rng = createRng(deriveSeed(seed, 'products'))
  fakerEn.seed(deriveSeed(seed, 'faker-products'))
  const leaves = categories.filter((c) => c.parentId !== null)
  const products: Product[] = []
  for (let i = 0; i < PRODUCT_COUNT; i++) {
    const id = String(100_000 + i * 7)
    const name = fakerEn.commerce.productName()
    const inStock = rng.chance(0.85)
    const reason = rng.chance(0.06)
      ? rng.pick(['name', 'price', 'url', 'image_url', 'image'])
      : null
    const view = rng.int(0, 3000)
    const cart = Math.floor(view * rng.next() * 0.2)
    const purchase = Math.floor(cart * rng.next() * 0.5)
    products.push({
      id,
      barcode: `BC${rng.digits(10)}`,
      name: reason === 'name' ? '' : name,
      description: `${name}. ${fakerEn.commerce.productDescription()}`,
      price: reason === 'price' ? null : rng.int(500, 250_000) / 100,
      currency: 'USD',
      url: reason === 'url' ? '' : `${SHOP_URL}/products/${slug(name)}-${id}`,
      pictureUrl: reason === 'image_url' ? '' : `${SHOP_URL}/images/${id}.jpg`,
      categoryId: rng.pick(leaves).id,
      inStock,
      notWidgetableReason: reason,
      imageDownloadingError: reason === 'image' ? 'Image download failed: HTTP 404 Not Found' : '',
      counters: {
        daily: { view, cart, purchase },
        now: {
          view: Math.floor(view / 96),
          cart: Math.floor(cart / 96),
          purchase: Math.floor(purchase / 96),
        },
      },
      stockSubscribers: !inStock && rng.chance(0.8) ? subscription(rng, emails, now) : null,
      priceSubscribers: rng.chance(0.15) ? subscription(rng, emails, now) : null,
    })
  }
  return products
}
