import { z } from 'zod'
import { readMessageStatus } from '../../shared/notification-status'

/**
 * What each endpoint's answer looks like once `normalise.ts` has removed the envelope (a bare
 * array, `{payload:{<key>:[…]}}` and `{status, data}` all reach these schemas as the same
 * value). Taken from the reference's response examples and property tables.
 *
 * The rule: lenient where the reference (or the API in practice) varies — numbers that arrive
 * as strings are read as numbers, ids may be numbers or strings, fields we do not use may be
 * missing or null, and unknown extra fields pass through untouched; strict about what a
 * screen relies on (a review's id, score and date; a send's message code; a list being a
 * list of objects). Anything else is an answer the console does not know, and the client
 * turns it into one keyed failure instead of letting it reach a screen.
 */

/** A count or amount: a JSON number, or a numeric string (the reference types many as "..."). */
const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
])

/** Ids: integers in most examples, strings in others (external ids, barcodes). */
const id = z.union([z.number(), z.string()])

const text = z.string().nullish()

/** Writes that confirm and say nothing else ({status:'success'}, `{}`, `true`, an empty body). */
export const ack = z.looseObject({}).nullable()

/** /segments/get: "id" as Segment ID, "type" as Segment Type ("dynamic", "static"). */
export const segments = z.array(z.looseObject({ id, type: z.string() }))

/** /segments/includes: "TRUE|FALSE". */
export const included = z.boolean()

/** GET /promo_codes: lists with the count of codes still available. */
export const promoCodeLists = z.array(z.looseObject({ id, name: z.string(), available: numeric }))

/** /promo_codes/delete. */
export const promoCodesDeleted = z.looseObject({
  delete_count: numeric,
  not_found_count: numeric,
})

const messageStatistics = z.looseObject({
  opened: z.boolean().optional(),
  clicked: z.boolean().optional(),
  hard_bounced: z.boolean().optional(),
  soft_bounced: z.boolean().optional(),
  complained: z.boolean().optional(),
  unsubscribed: z.boolean().optional(),
  purchased: z.boolean().optional(),
})

/** One sent message, as /notifications lists it. */
const notification = z.looseObject({
  type: z.string(),
  code: id.nullish(),
  campaign_id: id.nullish(),
  date: text,
  sent_at: text,
  subject: text,
  body: text,
  url: text,
  statistics: messageStatistics.nullish(),
})

/** GET /notifications: {status, payload:{messages:[…]}} normalises to {messages}. */
export const notifications = z.looseObject({ messages: z.array(notification) })

/**
 * GET /notifications/:code is documented as `{"200"}` (not JSON): the answer arrives raw
 * (text, or JSON with its envelope) and is read into a status in words; an answer that
 * names no status the console knows is an unknown answer like any other.
 */
export const notificationStatus = z.unknown().transform((raw, ctx) => {
  const r = readMessageStatus(raw)
  if (r.state === 'unrecognised') {
    ctx.addIssue({ code: 'custom', message: 'Not a message status the console knows' })
    return z.NEVER
  }
  return { state: r.state, said: r.said, ...(r.message ? { message: r.message } : {}) }
})

/**
 * One NPS review. Its keys must be there (that is the shape); their values are data, which
 * the NPS service checks row by row, counting a score of 11 or an unreadable date as skipped
 * rather than failing the whole answer.
 */
const npsReview = z.looseObject({
  id: z.union([id, z.null()]),
  rate: z.union([numeric, z.string(), z.null()]),
  created_at: z.string().nullable(),
  channel: text,
  category: text,
  comment: text,
})

export const npsReviews = z.array(npsReview)

/** /nps/channels and /nps/categories: a code and a name (the name may be missing). */
export const npsLabels = z.array(z.looseObject({ id: id.optional(), code: id, name: text }))

/**
 * /transact answers {"code": "12345"}, the message code /notifications/:code looks up.
 * Without it the console cannot tell what happened to the message.
 */
export const transactSent = z.looseObject({ code: id.transform(String) })

/** /sms/transactional: the answer is not documented; a code is kept when there is one. */
export const smsSent = z.looseObject({ code: id.transform(String).optional() })

/** /products/get: basic product info; the price is a string in the reference. */
export const product = z.looseObject({
  name: z.string(),
  description: text,
  price: numeric.nullish(),
  currency: text,
  url: text,
  picture: text,
})

const counters = z.looseObject({ view: numeric, cart: numeric, purchase: numeric })

/** /products/counters: the last 24 hours ("daily") and the last 15 minutes ("now"). */
export const productCounters = z.looseObject({ daily: counters, now: counters })

export interface ProductCategory {
  id: number | string
  external_id?: string | number | null | undefined
  name: string
  url?: string | null | undefined
  parent_id?: number | string | null | undefined
  parent_external_id?: string | number | null | undefined
  children?: ProductCategory[] | undefined
  [extra: string]: unknown
}

const productCategory: z.ZodType<ProductCategory> = z.lazy(() =>
  z.looseObject({
    id,
    external_id: id.nullish(),
    name: z.string(),
    url: text,
    parent_id: id.nullish(),
    parent_external_id: id.nullish(),
    children: z.array(productCategory).optional(),
  }),
)

/** /products/categories: a tree, children nested in their parent. */
export const productCategories = z.array(productCategory)

/** /products/not_widgetable: {status, data:{total, items}} normalises to {total, items}. */
export const notWidgetable = z.looseObject({
  total: numeric,
  items: z.array(
    z.looseObject({
      uniqid: id,
      price: numeric.nullish(),
      name: text,
      url: text,
      image_url: text,
      image_downloading_error: text,
    }),
  ),
})

/** /products/subscribers/stock and /price. */
export const productSubscribers = z.array(
  z.looseObject({
    id,
    barcode: text,
    quantity: numeric,
    date: text,
    contacts: z.array(z.string()),
  }),
)

/** GET /profile: a lookup by email or phone, so both keys are there (null when unknown). */
export const profile = z.looseObject({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  first_name: text,
  last_name: text,
  loyalty_id: text,
  loyalty_bonuses: numeric.nullish(),
  tags: z.array(z.string()).nullish(),
  custom_properties: z.record(z.string(), z.unknown()).nullish(),
})

const flag = z.boolean().optional()

/** /subscriptions/check: whether the contact exists, then one flag per channel and kind. */
export const subscriptionStatus = z.looseObject({
  exists: z.boolean(),
  email_bulk: flag,
  email_chain: flag,
  email_transactional: flag,
  email_invalid: flag,
  email_blacklisted: flag,
  email_bounced: flag,
  email_suppressed: flag,
  email_confirmed: flag,
  sms_bulk: flag,
  sms_chain: flag,
  sms_transactional: flag,
})

/** /subscriptions/changes. */
export const subscriptionChanges = z.array(
  z.looseObject({
    contact_type: z.string(),
    contact: z.string(),
    campaign_type: z.string(),
    event: z.string(),
    channel: z.string(),
    datetime: z.string(),
    ip: text,
  }),
)

/**
 * /search/no_result_queries. The reference's own example has a row without `query` (a
 * copy-paste slip, but it is what the reference shows), so `query` may be missing.
 */
export const noResultQueries = z.array(
  z.looseObject({ query: z.string().optional(), quantity: numeric }),
)
