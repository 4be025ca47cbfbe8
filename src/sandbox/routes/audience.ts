import {
  SUBSCRIPTION_FLAGS,
  normalizeEmail,
  normalizePhone,
  type Customer,
} from '../data/customers'
import type { ShopData } from '../data/state'
import { formatDatetime, type SubscriptionChange } from '../data/subscription-log'
import { object, success } from '../envelope'
import { badRequest, notFound } from '../errors'
import { identifiers, parseBool, requireOneOf, str, type Params } from '../params'
import type { RouteSpec } from '../route'

/** Appends a subscription change, so /subscriptions/changes shows what writes did. */
export function logChange(
  shop: ShopData,
  change: Omit<SubscriptionChange, 'datetime' | 'time' | 'ip'>,
): void {
  const time = Date.now()
  // Built field by field (not spread) in the order the wire shows: an import logs a change
  // for most of its rows.
  shop.subscriptionLog.push({
    contact_type: change.contact_type,
    contact: change.contact,
    campaign_type: change.campaign_type,
    event: change.event,
    channel: change.channel,
    datetime: formatDatetime(time),
    time,
    ip: '',
  })
}

/** Applies subscription flags from params/an audience row; logs each actual change. */
export function applySubscriptions(
  shop: ShopData,
  c: Customer,
  source: Params,
  channel: string,
): void {
  for (const flag of SUBSCRIPTION_FLAGS) {
    const value = parseBool(source[flag], flag)
    if (value === undefined || c.subscriptions[flag] === value) continue
    c.subscriptions[flag] = value
    const [kind, campaign] = flag.startsWith('email_')
      ? ['email', flag.slice(6)]
      : flag.startsWith('sms_')
        ? ['sms', flag.slice(4)]
        : flag.startsWith('web_push_')
          ? ['wpush', flag.slice(9)]
          : ['mpush', flag.slice(12)]
    const contact = kind === 'email' ? c.email : kind === 'sms' ? c.phone : (c.email ?? c.phone)
    if (!contact) continue
    logChange(shop, {
      contact_type: kind as SubscriptionChange['contact_type'],
      contact,
      campaign_type: campaign as SubscriptionChange['campaign_type'],
      event: value ? 'subscribe' : 'unsubscribe',
      channel,
    })
  }
}

const PROFILE_FIELDS: [keyof Customer, string][] = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['loyaltyId', 'loyalty_id'],
  ['externalId', 'id'],
  ['telegramId', 'telegram_id'],
  ['loyaltyStatus', 'loyalty_status'],
  ['location', 'location'],
  ['birthday', 'birthday'],
]

/** Profile fields an import may send that the sandbox keeps as they came (profile reads). */
const EXTRA_FIELDS = new Set(['kids', 'auto', 'middle_name', 'fb_id', 'vk_id', 'age'])

/**
 * One audience row: matched by email, then phone, else a new profile. Each identifier is
 * normalised once (a batch of thousands of rows runs through here on one thread).
 */
function importRow(shop: ShopData, row: Params, segmentId: number | undefined): boolean {
  const rawEmail = str(row, 'email')
  const rawPhone = str(row, 'phone')
  if (!rawEmail && !rawPhone) return false
  const email = rawEmail === undefined ? undefined : normalizeEmail(rawEmail)
  const phone = rawPhone === undefined ? undefined : normalizePhone(rawPhone)
  const found = shop.find({ email, phone })
  const c = found ?? shop.create({ email, phone })
  if (email !== undefined) c.email = email
  if (phone !== undefined) c.phone = phone
  for (const [key, field] of PROFILE_FIELDS) {
    const v = str(row, field)
    if (v !== undefined) (c as unknown as Record<string, unknown>)[key] = v
  }
  const gender = str(row, 'gender')
  if (gender === 'm' || gender === 'f') c.gender = gender
  const bonuses = Number(row.loyalty_bonuses)
  if (Number.isFinite(bonuses) && row.loyalty_bonuses !== undefined) c.loyaltyBonuses = bonuses
  const bought = parseBool(row.bought_something, 'bought_something')
  if (bought !== undefined) c.boughtSomething = bought
  for (const k in row) if (EXTRA_FIELDS.has(k)) c.extra = { ...c.extra, [k]: row[k] }
  applySubscriptions(shop, c, row, 'import')
  // A new profile is indexed under its email and phone already; only other ids are news.
  if (found || c.loyaltyId || c.externalId || c.telegramId) shop.index(c)
  if (segmentId !== undefined) shop.segments.get(segmentId)?.members.add(c.index)
  return true
}

function audienceRows(params: Params): Params[] {
  const audience = params.audience
  if (audience === undefined) throw badRequest('Missing required parameter: audience')
  if (!Array.isArray(audience)) throw badRequest('Parameter audience must be an array')
  return audience.map((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw badRequest(`audience[${i}] must be an object`)
    }
    return row as Params
  })
}

function profileOf(c: Customer, shop: ShopData): Record<string, unknown> {
  return {
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    phone: c.phone,
    fb_id: c.extra.fb_id ?? null,
    vk_id: c.extra.vk_id ?? null,
    telegram_id: c.telegramId,
    loyalty_id: c.loyaltyId,
    loyalty_card_location: c.location,
    loyalty_status: c.loyaltyStatus,
    loyalty_bonuses: c.loyaltyBonuses,
    loyalty_bonuses_to_next_level: c.loyaltyId ? Math.max(0, 20000 - c.loyaltyBonuses) : null,
    gender: c.gender,
    location: c.location,
    age: c.birthday
      ? Math.floor((shop.now.getTime() - Date.parse(c.birthday)) / 31_557_600_000)
      : null,
    birthday: c.birthday,
    bought_something: c.boughtSomething,
    tags: c.tags,
    custom_properties: c.customProperties,
    additional_phones: [],
    additional_emails: [],
    additional_loyalty_ids: [],
    orders: [],
  }
}

export const audienceRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/import/audience',
    body: 'json',
    secret: 'required',
    errorFamily: 'success',
    handle({ params, shop }) {
      const rows = audienceRows(params)
      const segmentRaw = str(params, 'segment_id')
      const segmentId = segmentRaw === undefined ? undefined : Number(segmentRaw)
      if (segmentId !== undefined && !shop.segments.has(segmentId))
        throw notFound('Segment not found')
      // Rows without email or phone cannot be matched to anyone: skipped, like the real import.
      for (const row of rows) importRow(shop, row, segmentId)
      return success()
    },
  },
  {
    method: 'POST',
    path: '/import/suppressed',
    body: 'json',
    secret: 'required',
    errorFamily: 'success',
    handle({ params, shop }) {
      for (const row of audienceRows(params)) {
        const email = str(row, 'email')
        if (!email) continue
        const c = shop.find({ email }) ?? shop.create({ email })
        // "unsubscribed from emails and marked as suppressed"
        applySubscriptions(
          shop,
          c,
          { email_bulk: false, email_chain: false, email_transactional: false },
          'import',
        )
        c.emailSuppressed = true
      }
      return success()
    },
  },
  {
    method: 'GET',
    path: '/profile',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle({ params, shop }) {
      requireOneOf(params, ['email', 'phone'])
      const ids = identifiers(params)
      const c = shop.find({ email: ids.email, phone: ids.phone })
      if (!c) throw notFound('User not found')
      return object(profileOf(c, shop))
    },
  },
]
