import { SandboxClock } from '../clock'
import type { SandboxShop } from '../types'
import {
  blankCustomer,
  generateCustomers,
  normalizeEmail,
  normalizePhone,
  type Customer,
} from './customers'
import { seededMessages, type Message } from './messages'
import { generateNpsReviews, npsCategories, npsChannels, type NpsReview } from './nps'
import { generateCategories, generateProducts, type Category, type Product } from './products'
import { generatePromoLists, type PromoCodeList } from './promo-codes'
import { deriveSeed } from './rng'
import { generateNoResultQueries, type NoResultQuery } from './search'
import { generateSegments, type Segment } from './segments'
import { generateSubscriptionLog, type SubscriptionChange } from './subscription-log'

/** A send accepted by /transact or /sms/transactional, for tests to count and inspect. */
export interface SendRecord {
  code: string
  endpoint: '/transact' | '/sms/transactional'
  campaign: string
  email: string | null
  phone: string | null
  variables: Record<string, unknown>
  files: { field: string; filename: string; size: number }[]
  channels: string[]
  at: string
}

/** Campaign codes the demo shop has set up; any other code gets 404. */
export const TRANSACTIONAL_CAMPAIGNS = [
  'order_created',
  'order_shipped',
  'password_reset',
  'welcome',
]
export const SMS_CAMPAIGNS = ['sms_order_shipped', 'sms_one_time_code']

/**
 * One shop's data. Cheap parts are built at startup; heavy parts (NPS reviews, promo codes,
 * products, change log) on first read, each from its own derived seed, so the data is the
 * same whatever the order of reads.
 */
export class ShopData {
  readonly customers: Customer[]
  readonly segments: Map<number, Segment>
  readonly sends: SendRecord[] = []
  /** Messages created by sends, by customer index (seeded history is generated on demand). */
  readonly sentMessages = new Map<number, Message[]>()
  readonly transactionalCampaigns = [...TRANSACTIONAL_CAMPAIGNS]
  readonly smsCampaigns = [...SMS_CAMPAIGNS]
  /** Campaigns hand promo codes out over time (`SandboxOptions.promoDrain`). */
  promoDrain = false
  private readonly byEmail = new Map<string, Customer>()
  private readonly byPhone = new Map<string, Customer>()
  private readonly byLoyalty = new Map<string, Customer>()
  private readonly byExternal = new Map<string, Customer>()
  private readonly byTelegram = new Map<string, Customer>()
  private lazy: {
    promo?: Map<number, PromoCodeList>
    nps?: NpsReview[]
    categories?: Category[]
    products?: Product[]
    log?: SubscriptionChange[]
    queries?: NoResultQuery[]
  } = {}
  private sendSeq = 0
  /** Customers below this index have a seeded message history. */
  readonly generatedCount: number

  constructor(
    readonly shopId: string,
    readonly seed: number,
    readonly now: Date,
  ) {
    this.customers = generateCustomers(seed)
    for (const c of this.customers) this.index(c)
    this.generatedCount = this.customers.length
    this.segments = generateSegments(seed, this.customers.length)
  }

  get promoLists(): Map<number, PromoCodeList> {
    return (this.lazy.promo ??= generatePromoLists(this.seed))
  }
  get npsReviews(): NpsReview[] {
    return (this.lazy.nps ??= generateNpsReviews(this.seed, this.customers, this.now))
  }
  readonly npsCategories = npsCategories()
  readonly npsChannels = npsChannels()
  get categories(): Category[] {
    return (this.lazy.categories ??= generateCategories(this.seed))
  }
  get products(): Product[] {
    if (!this.lazy.products) {
      const emails = this.customers.flatMap((c) => (c.email ? [c.email] : []))
      this.lazy.products = generateProducts(this.seed, this.categories, emails, this.now)
    }
    return this.lazy.products
  }
  get subscriptionLog(): SubscriptionChange[] {
    return (this.lazy.log ??= generateSubscriptionLog(this.seed, this.customers, this.now))
  }
  get noResultQueries(): NoResultQuery[] {
    return (this.lazy.queries ??= generateNoResultQueries(this.seed))
  }

  /** Re-indexes a customer after its identifiers changed (imports can add any of them). */
  index(c: Customer): void {
    if (c.email) this.byEmail.set(normalizeEmail(c.email), c)
    if (c.phone) this.byPhone.set(normalizePhone(c.phone), c)
    if (c.loyaltyId) this.byLoyalty.set(c.loyaltyId, c)
    if (c.externalId) this.byExternal.set(c.externalId, c)
    if (c.telegramId) this.byTelegram.set(c.telegramId, c)
  }

  /** First match wins, in the order the reference lists identifiers. */
  find(ids: {
    email?: string
    phone?: string
    loyalty_id?: string
    external_id?: string
    telegram_id?: string
  }): Customer | undefined {
    return (
      (ids.email ? this.byEmail.get(normalizeEmail(ids.email)) : undefined) ??
      (ids.phone ? this.byPhone.get(normalizePhone(ids.phone)) : undefined) ??
      (ids.loyalty_id ? this.byLoyalty.get(ids.loyalty_id) : undefined) ??
      (ids.external_id ? this.byExternal.get(ids.external_id) : undefined) ??
      (ids.telegram_id ? this.byTelegram.get(ids.telegram_id) : undefined)
    )
  }

  /** Creates a profile for a contact seen for the first time (import, send, manage). */
  create(ids: { email?: string; phone?: string }): Customer {
    const index = this.customers.length
    const c = blankCustomer(index)
    c.email = ids.email ? normalizeEmail(ids.email) : null
    c.phone = ids.phone ? normalizePhone(ids.phone) : null
    this.customers.push(c)
    this.index(c)
    return c
  }

  /** Seeded history (only for generated customers) plus messages sent through the sandbox. */
  messagesOf(c: Customer): Message[] {
    const seeded = c.index < this.generatedCount ? seededMessages(this.seed, c, this.now) : []
    const sent = this.sentMessages.get(c.index) ?? []
    return [...sent, ...seeded].sort((a, b) => b.sent_at.localeCompare(a.sent_at))
  }

  nextSendCode(): string {
    this.sendSeq += 1
    const salt = deriveSeed(this.seed, this.shopId, this.sendSeq).toString(36)
    return `tx${this.sendSeq.toString(36).padStart(5, '0')}${salt}`
  }
}

export class SandboxState {
  private readonly data = new Map<string, ShopData>()

  constructor(
    readonly seed: number,
    readonly now: Date,
    readonly shops: readonly SandboxShop[],
    /** What product counters move with (see clock.ts). */
    readonly clock: SandboxClock = new SandboxClock(now.getTime()),
  ) {}

  /** The data of one shop; the first shop uses the seed as-is, others a derived one. */
  shop(shopId: string): ShopData {
    let d = this.data.get(shopId)
    if (!d) {
      const position = this.shops.findIndex((s) => s.shopId === shopId)
      if (position < 0) throw new Error(`Unknown sandbox shop ${shopId}`)
      const seed = position === 0 ? this.seed : deriveSeed(this.seed, shopId)
      d = new ShopData(shopId, seed, this.now)
      this.data.set(shopId, d)
    }
    return d
  }

  /** Shortcut for the first configured shop (the Demo shop by default). */
  get main(): ShopData {
    const first = this.shops[0]
    if (!first) throw new Error('The sandbox has no shops')
    return this.shop(first.shopId)
  }
}
