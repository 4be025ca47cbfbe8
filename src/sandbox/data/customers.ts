import { faker as fakerEn } from '@faker-js/faker/locale/en'
import { faker as fakerRu } from '@faker-js/faker/locale/ru'
import { subscriptionFlags } from '../../shared/import'
import { createRng, deriveSeed } from './rng'

/**
 * Every subscription flag the reference names (subscriptions/check and /manage): the email
 * and SMS ones an audience import sets, then the push ones only /manage knows.
 */
export const SUBSCRIPTION_FLAGS = [
  ...subscriptionFlags,
  'web_push_bulk',
  'web_push_chain',
  'web_push_transactional',
  'mobile_push_bulk',
  'mobile_push_chain',
  'mobile_push_transactional',
] as const
export type SubscriptionFlag = (typeof SUBSCRIPTION_FLAGS)[number]

export interface Customer {
  /**
   * Index in ShopData.customers; stable, used by segments and lazy message generation, and
   * with the shop's seed it gives the profile's CDP id (`clientIdFor`).
   */
  index: number
  externalId: string | null
  email: string | null
  phone: string | null
  loyaltyId: string | null
  telegramId: string | null
  firstName: string
  lastName: string
  gender: 'm' | 'f' | null
  birthday: string | null
  location: string | null
  loyaltyStatus: string | null
  loyaltyBonuses: number
  boughtSomething: boolean
  tags: string[]
  customProperties: Record<string, unknown>
  subscriptions: Record<SubscriptionFlag, boolean>
  emailInvalid: boolean
  emailBlacklisted: boolean
  emailBounced: boolean
  emailSuppressed: boolean
  emailConfirmed: boolean
  /** Extra profile fields an import sent that we do not model (kept for profile reads). */
  extra: Record<string, unknown>
}

export const DEFAULT_CUSTOMER_COUNT = 5000

const LOCATIONS = ['NYC', 'LON', 'MSK', 'SPB', 'BER', 'PAR', 'LA']
const LOYALTY_STATUSES = ['Basic', 'Silver', 'Gold', 'VIP']
const TAGS = ['newsletter', 'wholesale', 'returning', 'high_value', 'mobile_app', 'offline']

const DIGITS_ONLY = /^\d*$/

export function normalizePhone(phone: string): string {
  // Most phones arrive as digits already (the console sends them so): no new string then.
  return DIGITS_ONLY.test(phone) ? phone : phone.replace(/\D/g, '')
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

const NO_SUBSCRIPTIONS = Object.fromEntries(
  SUBSCRIPTION_FLAGS.map((flag) => [flag, false]),
) as Record<SubscriptionFlag, boolean>

function emptySubscriptions(): Record<SubscriptionFlag, boolean> {
  // A copy of one template: adding the flags one by one to a new object was a slow path.
  return { ...NO_SUBSCRIPTIONS }
}

/**
 * Nothing yet: every new profile starts with these, and a write replaces them rather than
 * fill them in (frozen, so a write into one fails loudly). Imports create profiles by the
 * hundred thousand, and three empty containers each were a third of their objects.
 */
const NO_TAGS: string[] = Object.freeze([]) as unknown as string[]
const NO_PROPERTIES: Record<string, unknown> = Object.freeze({})

/** A bare customer for contacts first seen through an import or a send. */
export function blankCustomer(index: number): Customer {
  return {
    index,
    externalId: null,
    email: null,
    phone: null,
    loyaltyId: null,
    telegramId: null,
    firstName: '',
    lastName: '',
    gender: null,
    birthday: null,
    location: null,
    loyaltyStatus: null,
    loyaltyBonuses: 0,
    boughtSomething: false,
    tags: NO_TAGS,
    customProperties: NO_PROPERTIES,
    subscriptions: emptySubscriptions(),
    emailInvalid: false,
    emailBlacklisted: false,
    emailBounced: false,
    emailSuppressed: false,
    emailConfirmed: false,
    extra: NO_PROPERTIES,
  }
}

/**
 * A profile's 19-digit CDP id, as a string (the real API sends it as a JSON number beyond
 * 2^53). Derived when read rather than stored: imports create profiles by the thousand.
 */
export function clientIdFor(seed: number, index: number): string {
  // Starts with 15 like the reference's example; always 19 digits.
  return `15${String(deriveSeed(seed, 'client', index)).padStart(10, '0')}${String(index).padStart(7, '0')}`
}

interface NamePool {
  first: Record<'female' | 'male', string[]>
  last: Record<'female' | 'male', string[]>
}

/**
 * Faker is ~10 µs a call; drawing names from small faker-made pools keeps 5,000 customers
 * in a few milliseconds (startup budget) while still looking like real people.
 */
function namePool(f: typeof fakerEn, size: number): NamePool {
  const list = (fn: () => string): string[] => Array.from({ length: size }, fn)
  return {
    first: {
      female: list(() => f.person.firstName('female')),
      male: list(() => f.person.firstName('male')),
    },
    last: {
      female: list(() => f.person.lastName('female')),
      male: list(() => f.person.lastName('male')),
    },
  }
}

/**
 * Generates the customer base. ~20% get Russian names (the shop sells in two markets);
 * emails use reserved example.* domains so nothing here is a real address.
 */
export function generateCustomers(seed: number, count = DEFAULT_CUSTOMER_COUNT): Customer[] {
  const rng = createRng(deriveSeed(seed, 'customers'))
  fakerEn.seed(deriveSeed(seed, 'faker-en'))
  fakerRu.seed(deriveSeed(seed, 'faker-ru'))
  const pools = { en: namePool(fakerEn, 150), ru: namePool(fakerRu, 80) }
  const customers: Customer[] = []
  for (let i = 0; i < count; i++) {
    const russian = rng.chance(0.2)
    const sex = rng.chance(0.5) ? 'female' : 'male'
    const pool = russian ? pools.ru : pools.en
    const c = blankCustomer(i)
    c.firstName = rng.pick(pool.first[sex])
    c.lastName = rng.pick(pool.last[sex])
    c.gender = sex === 'female' ? 'f' : 'm'
    c.externalId = `U${100000 + i}`
    const hasEmail = rng.chance(0.93)
    const hasPhone = !hasEmail || rng.chance(0.7)
    if (hasEmail) {
      const domain = russian
        ? 'example.ru'
        : rng.pick(['example.com', 'example.org', 'example.net'])
      c.email = `customer${i}.${rng.code(4).toLowerCase()}@${domain}`
    }
    if (hasPhone) c.phone = russian ? `79${rng.digits(9)}` : `1${rng.int(201, 989)}${rng.digits(7)}`
    if (rng.chance(0.6)) c.loyaltyId = `L${rng.digits(9)}`
    if (rng.chance(0.25)) c.telegramId = String(rng.int(10_000_000, 999_999_999))
    c.birthday = rng.chance(0.7)
      ? `${rng.int(1955, 2005)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : null
    c.location = rng.pick(LOCATIONS)
    c.loyaltyStatus = c.loyaltyId ? rng.pick(LOYALTY_STATUSES) : null
    c.loyaltyBonuses = c.loyaltyId ? rng.int(0, 20000) : 0
    c.boughtSomething = rng.chance(0.55)
    if (rng.chance(0.4)) c.tags = [rng.pick(TAGS)]
    if (rng.chance(0.3)) c.customProperties = { favourite_store: rng.pick(LOCATIONS) }
    for (const flag of SUBSCRIPTION_FLAGS) {
      const channelOk = flag.startsWith('email')
        ? c.email !== null
        : flag.startsWith('sms')
          ? c.phone !== null
          : true
      c.subscriptions[flag] = channelOk && rng.chance(flag.endsWith('transactional') ? 0.95 : 0.6)
    }
    if (c.email) {
      c.emailInvalid = rng.chance(0.01)
      c.emailBounced = rng.chance(0.02)
      c.emailBlacklisted = rng.chance(0.005)
      c.emailConfirmed = rng.chance(0.5)
    }
    customers.push(c)
  }
  return customers
}
