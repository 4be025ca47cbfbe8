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

/** What keeps a product out of search, recommendations and messages. */
export const productGaps = ['name', 'price', 'url', 'image_url', 'image'] as const
export type ProductGap = (typeof productGaps)[number]

/**
 * How a product's counters move with the sandbox clock. Each quarter hour ("slot") gets a
 * number of views from the base rate, a daily curve, a steady trend per day and a seeded
 * wobble; carts and purchases follow from the rates. Pure functions of (product, slot), so
 * a test can predict every number (see `countersAt`).
 */
export interface Traffic {
  /** Average views per quarter hour on the anchor day. */
  base: number
  /** Change of the base per day after the anchor day: 0.2 = +20 % a day. */
  trend: number
  /** Share of views that become carts, and of carts that become purchases. */
  cartRate: number
  purchaseRate: number
  /** The day (ms, UTC midnight) the trend starts from: the day the data was generated. */
  anchorDay: number
  /** Seed of the wobble. */
  seed: number
}

export interface Product {
  id: string
  barcode: string
  name: string
  description: string
  price: number | null
  currency: string
  url: string
  /** An inline SVG (data: URI), so the console shows it without reaching out anywhere. */
  pictureUrl: string
  categoryId: number
  inStock: boolean
  /** Why the product cannot be shown in widgets; empty = widgetable. */
  gaps: ProductGap[]
  imageDownloadingError: string
  traffic: Traffic
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
const DAY = 86_400_000
export const SLOT_MS = 15 * 60_000
const SLOTS_PER_DAY = DAY / SLOT_MS

/** The first product's id; product i has id FIRST_PRODUCT_ID + 7 i. */
export const FIRST_PRODUCT_ID = 100_000

/**
 * Products with fixed traits the tests and the demo rely on (by index): each gap on its
 * own and one product with two; one nobody views; one viewed but never carted; one whose
 * views climb fast and one whose views fall.
 */
const FIXED_GAPS: Record<number, ProductGap[]> = {
  11: ['name'],
  12: ['price'],
  13: ['url'],
  14: ['image_url'],
  15: ['image'],
  16: ['price', 'image_url'],
}
export const PRODUCT_NO_VIEWS = 20
export const PRODUCT_NO_CARTS = 21
export const PRODUCT_RISING = 22
export const PRODUCT_FALLING = 23

export const productIdAt = (index: number): string => String(FIRST_PRODUCT_ID + index * 7)

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
  const date = new Date(now.getTime() - rng.int(0, 200) * DAY).toISOString().slice(0, 10)
  return { date, contacts: [...contacts] }
}

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A small square picture: a coloured tile with the product's initials. */
export function pictureOf(name: string, hue: number): string {
  const initials = escapeXml(
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('') || '?',
  )
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">` +
    `<rect width="160" height="160" rx="16" fill="hsl(${hue} 55% 42%)"/>` +
    `<circle cx="122" cy="38" r="22" fill="hsl(${(hue + 40) % 360} 70% 70%)"/>` +
    `<text x="80" y="100" font-family="sans-serif" font-size="56" font-weight="700" ` +
    `fill="#fff" text-anchor="middle">${initials}</text></svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

function trafficOf(rng: ReturnType<typeof createRng>, index: number, now: Date): Traffic {
  const traffic: Traffic = {
    base: rng.int(2, 40),
    trend: (rng.next() - 0.4) * 0.2,
    cartRate: 0.05 + rng.next() * 0.15,
    purchaseRate: 0.1 + rng.next() * 0.4,
    anchorDay: Math.floor(now.getTime() / DAY) * DAY,
    seed: rng.int(1, 2 ** 31),
  }
  if (index === PRODUCT_NO_VIEWS) traffic.base = 0
  if (index === PRODUCT_NO_CARTS) traffic.cartRate = 0
  if (index === PRODUCT_RISING) Object.assign(traffic, { base: 30, trend: 0.5 })
  if (index === PRODUCT_FALLING) Object.assign(traffic, { base: 40, trend: -0.3 })
  return traffic
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
    const id = productIdAt(i)
    const name = fakerEn.commerce.productName()
    const inStock = rng.chance(0.85)
    const random: ProductGap[] = rng.chance(0.05) ? [rng.pick(productGaps)] : []
    const gaps = FIXED_GAPS[i] ?? (i < 30 ? [] : random)
    const has = (g: ProductGap): boolean => !gaps.includes(g)
    products.push({
      id,
      barcode: `BC${rng.digits(10)}`,
      name: has('name') ? name : '',
      description: `${name}. ${fakerEn.commerce.productDescription()}`,
      price: has('price') ? rng.int(500, 250_000) / 100 : null,
      currency: 'USD',
      url: has('url') ? `${SHOP_URL}/products/${slug(name)}-${id}` : '',
      pictureUrl: has('image_url') ? pictureOf(name, rng.int(0, 359)) : '',
      categoryId: rng.pick(leaves).id,
      inStock,
      gaps,
      imageDownloadingError: has('image') ? '' : 'Image download failed: HTTP 404 Not Found',
      traffic: trafficOf(rng, i, now),
      stockSubscribers: !inStock && rng.chance(0.8) ? subscription(rng, emails, now) : null,
      priceSubscribers: rng.chance(0.15) ? subscription(rng, emails, now) : null,
    })
  }
  return products
}

/** A number in [0, 1) from the product's seed and a slot: the same inputs, the same number. */
function wobble(seed: number, slot: number, salt: number): number {
  return (deriveSeed(seed, slot, salt) % 10_000) / 10_000
}

export interface CounterSet {
  view: number
  cart: number
  purchase: number
}

/** Views, carts and purchases of one quarter hour (slot = ms since epoch / 15 min). */
export function slotCounters(t: Traffic, slot: number): CounterSet {
  const hour = (slot % SLOTS_PER_DAY) / 4
  // Busiest mid-afternoon UTC, quietest before dawn.
  const curve = 1 + 0.5 * Math.sin(((hour - 9) / 24) * 2 * Math.PI)
  const days = (slot * SLOT_MS - t.anchorDay) / DAY
  const growth = Math.max(0.05, 1 + t.trend * days)
  const view = Math.round(t.base * curve * growth * (0.7 + 0.6 * wobble(t.seed, slot, 1)))
  const cart = Math.floor(view * t.cartRate * (0.6 + 0.8 * wobble(t.seed, slot, 2)) + 0.5)
  const purchase = Math.min(
    cart,
    Math.floor(cart * t.purchaseRate * (0.6 + 0.8 * wobble(t.seed, slot, 3)) + 0.5),
  )
  return { view, cart, purchase }
}

/**
 * What /products/counters answers at an instant: `now` is the last complete quarter hour,
 * `daily` the 96 complete quarter hours before the instant, so counters step every 15 min.
 */
export function countersAt(t: Traffic, at: Date): { daily: CounterSet; now: CounterSet } {
  const current = Math.floor(at.getTime() / SLOT_MS)
  const daily: CounterSet = { view: 0, cart: 0, purchase: 0 }
  for (let slot = current - SLOTS_PER_DAY; slot < current; slot++) {
    const c = slotCounters(t, slot)
    daily.view += c.view
    daily.cart += c.cart
    daily.purchase += c.purchase
  }
  return { daily, now: slotCounters(t, current - 1) }
}
