/**
 * The one place that knows the wire format of every PersonaClick endpoint the console uses.
 * Everything here is taken from shared/reference/personaclick-api-reference.txt; where the
 * reference contradicts itself the entry's `note` says what we chose and why (the rule: do
 * what the curl examples do, because that is what has actually been run against the API).
 */

import type { z } from 'zod'
import * as answers from './answers'

/** How parameters travel. 'query' = all in the URL (GET). */
export type Encoding = 'query' | 'form' | 'json'

/**
 * Where shop_secret goes. 'query' only for GET endpoints that accept nothing else;
 * 'header' = X-Shop-Secret (documented for /subscriptions/check and /changes only), which
 * keeps the secret out of the URL; 'none' = the endpoint is documented without a secret,
 * so we do not send it (less exposure).
 */
export type SecretPlacement = 'query' | 'body' | 'header' | 'none'

/**
 * What a successful answer normalises to, whatever the envelope:
 * 'ack' = nothing useful (data null), 'object' = a plain object, 'list' = an array,
 * 'boolean' = true/false, 'raw' = the answer as it came, envelope and all (text when it is
 * not JSON) for the endpoint's schema to read: /notifications/:code answers `{"200"}`.
 */
export type ResultShape = 'ack' | 'object' | 'list' | 'boolean' | 'raw'

export interface EndpointSpec {
  method: 'GET' | 'POST' | 'DELETE'
  /** May contain `:name` path parameters, taken out of params. */
  path: string
  encoding: Encoding
  /** shop_id always travels with the other parameters (query for GET, body otherwise). */
  secret: SecretPlacement
  /** May the same request be sent again without changing the result? */
  idempotent: boolean
  /** When files are attached, send multipart/form-data instead of `encoding`. */
  multipartWithFiles?: boolean
  /** Parameters that must be present (besides shop_id/shop_secret). */
  required: readonly string[]
  /** Each group: at least one of these must be present ("true*" in the reference). */
  oneOf?: readonly (readonly string[])[]
  result: ResultShape
  /** For 'list' results: the key the newer `payload` envelope wraps the array in. */
  listKey?: string
  /**
   * The normalised answer (after the envelope is removed), from `answers.ts`. The client
   * parses every successful answer with it; `api.call` returns its output type.
   */
  answer: z.ZodType
  /**
   * The largest answer read, in bytes; past it the call fails as "answer too large" without
   * downloading the rest. Default `DEFAULT_MAX_ANSWER_BYTES`; larger only where the answer
   * is a long list by design.
   */
  maxAnswerBytes?: number
  /** Parameters the activity log shows only as a count (promo codes are money). */
  unlogged?: readonly string[]
  note?: string
}

const CONTACT = ['email', 'phone'] as const

const MB = 1024 * 1024
/** Every documented answer but a few long lists is a few kilobytes. */
export const DEFAULT_MAX_ANSWER_BYTES = 16 * MB

/** /import/audience and /import/suppressed differ only in their path. */
const audienceImport = {
  method: 'POST',
  encoding: 'json',
  secret: 'body',
  // An upsert of profiles (or suppression flags): sending the same batch twice converges to
  // the same state, so a retry after a 5xx is harmless.
  idempotent: true,
  required: ['audience'],
  result: 'ack',
  answer: answers.ack,
  note: 'Table says "Query Parameters" but the curl POSTs a JSON body; we follow the curl.',
} as const

/** /segments/add and /segments/remove differ only in their path. */
const segmentMembership = {
  method: 'POST',
  encoding: 'form',
  secret: 'body',
  // Adding someone already in (or removing someone already out) changes nothing.
  idempotent: true,
  required: ['segment_id'],
  // did is "Only for JS/iOS/Android SDK", so a server-to-server call needs a contact.
  oneOf: [CONTACT],
  result: 'ack',
  answer: answers.ack,
  note: 'curl -d: application/x-www-form-urlencoded body. segment_id has no "Required" value in the table; it cannot work without one, so we require it.',
} as const

/** /products/subscribers/stock and /price differ only in their path. */
const productSubscribers = {
  method: 'GET',
  encoding: 'query',
  secret: 'query',
  idempotent: true,
  required: [],
  result: 'list',
  answer: answers.productSubscribers,
  listKey: 'products',
} as const

/** Reads about one customer, found by email or phone (the secret in the query, as documented). */
const contactLookup = {
  method: 'GET',
  encoding: 'query',
  secret: 'query',
  idempotent: true,
  required: [],
  oneOf: [CONTACT],
} as const

/** /nps/categories and /nps/channels: the same kind of list under a different key. */
const npsLabelList = {
  method: 'GET',
  encoding: 'query',
  secret: 'none',
  idempotent: true,
  required: [],
  result: 'list',
  answer: answers.npsLabels,
  note: 'Documented with shop_id only.',
} as const

export const catalogue = {
  'import.audience': { ...audienceImport, path: '/import/audience' },
  'import.suppressed': { ...audienceImport, path: '/import/suppressed' },
  'segments.add': { ...segmentMembership, path: '/segments/add' },
  'segments.remove': { ...segmentMembership, path: '/segments/remove' },
  'profile.get': {
    ...contactLookup,
    path: '/profile',
    result: 'object',
    answer: answers.profile,
  },
  'segments.get': {
    ...contactLookup,
    path: '/segments/get',
    result: 'list',
    answer: answers.segments,
    listKey: 'segments',
    note: 'The curl puts the parameters in a quoted string before the URL (not a valid request); the method is GET, so they go in the query string.',
  },
  'segments.includes': {
    method: 'GET',
    path: '/segments/includes',
    encoding: 'query',
    secret: 'query',
    idempotent: true,
    required: ['segment_id'],
    oneOf: [['email', 'phone', 'external_id', 'loyalty_id', 'telegram_id']],
    result: 'boolean',
    answer: answers.included,
    listKey: 'includes',
    note: 'Same malformed curl as /segments/get; GET with a query string. Answers bare true/false.',
  },
  'promoCodes.list': {
    method: 'GET',
    path: '/promo_codes',
    encoding: 'query',
    secret: 'query',
    idempotent: true,
    required: [],
    result: 'list',
    answer: answers.promoCodeLists,
    listKey: 'lists',
  },
  'promoCodes.upload': {
    method: 'POST',
    path: '/promo_codes',
    encoding: 'json',
    secret: 'body',
    // "All non-unique promo codes will be excluded": uploading the same codes again is a no-op.
    idempotent: true,
    required: ['id', 'codes'],
    result: 'ack',
    answer: answers.ack,
    unlogged: ['codes'],
  },
  'promoCodes.purge': {
    method: 'DELETE',
    path: '/promo_codes/purge',
    encoding: 'json',
    secret: 'body',
    idempotent: true,
    required: ['id'],
    result: 'ack',
    answer: answers.ack,
    note: 'DELETE with a JSON body, as the curl shows.',
  },
  'promoCodes.delete': {
    method: 'DELETE',
    path: '/promo_codes/delete',
    encoding: 'json',
    secret: 'body',
    // Deleting the same codes twice leaves the same list; only the counts in the answer differ.
    idempotent: true,
    required: ['promo_code_list_id', 'codes'],
    result: 'object',
    answer: answers.promoCodesDeleted,
    unlogged: ['codes'],
    note: 'The table spells the list parameter "promo_code_list_Id" and omits shop_id/shop_secret; the curl body has promo_code_list_id, shop_id and shop_secret. We follow the curl.',
  },
  'notifications.list': {
    method: 'GET',
    path: '/notifications',
    encoding: 'query',
    secret: 'query',
    idempotent: true,
    required: ['date_from', 'type', 'channel'],
    oneOf: [['phone', 'email', 'loyalty_id', 'external_id']],
    result: 'object',
    answer: answers.notifications,
    // Every message a customer was sent, bodies included (HTML emails run to 100 KB each).
    maxAnswerBytes: 64 * MB,
  },
  'notifications.status': {
    method: 'GET',
    path: '/notifications/:code',
    encoding: 'query',
    secret: 'none',
    idempotent: true,
    required: ['code'],
    result: 'raw',
    answer: answers.notificationStatus,
    note: 'Documented with no parameters and the non-JSON answer {"200"}. We send shop_id (the Authentication section: "send all requests with shop_id") but no secret, and read the answer raw (services/notifications/status-reading.ts).',
  },
  'nps.reviews': {
    method: 'GET',
    path: '/nps/reviews',
    encoding: 'query',
    secret: 'query',
    idempotent: true,
    required: [],
    result: 'list',
    answer: answers.npsReviews,
    listKey: 'reviews',
    // Up to 1,000 reviews with their comments per request.
    maxAnswerBytes: 64 * MB,
  },
  'nps.categories': { ...npsLabelList, path: '/nps/categories', listKey: 'categories' },
  'nps.channels': { ...npsLabelList, path: '/nps/channels', listKey: 'channels' },
  transact: {
    method: 'POST',
    path: '/transact',
    encoding: 'json',
    secret: 'body',
    // Sends a message: a blind resend could message the customer twice.
    idempotent: false,
    multipartWithFiles: true,
    required: ['code'],
    oneOf: [CONTACT],
    result: 'object',
    answer: answers.transactSent,
    note: 'Listed twice as "GET" but both curl examples POST (JSON body, or multipart form with attachments and variables[KEY] fields): we POST. The two tables disagree (email required vs. email*/phone*); we require one of email/phone.',
  },
  'sms.transactional': {
    method: 'POST',
    path: '/sms/transactional',
    encoding: 'json',
    secret: 'body',
    idempotent: false,
    required: ['code', 'phone', 'variables'],
    result: 'object',
    answer: answers.smsSent,
    note: 'Listed as "Endpoint: GET" but "Data format: JSON body" and the curl POSTs JSON: we POST JSON.',
  },
  'products.get': {
    method: 'GET',
    path: '/products/get',
    encoding: 'query',
    secret: 'none',
    idempotent: true,
    required: ['item_id'],
    result: 'object',
    answer: answers.product,
    note: 'Documented with shop_id only.',
  },
  'products.counters': {
    method: 'GET',
    path: '/products/counters',
    encoding: 'query',
    secret: 'none',
    idempotent: true,
    required: ['item'],
    result: 'object',
    answer: answers.productCounters,
    note: 'Documented with shop_id only; the product parameter is "item" (not item_id).',
  },
  'products.categories': {
    method: 'GET',
    path: '/products/categories',
    encoding: 'query',
    secret: 'query',
    idempotent: true,
    required: [],
    result: 'list',
    answer: answers.productCategories,
    listKey: 'categories',
    note: 'The curl shows no parameters; the table requires shop_id and shop_secret, so we send both.',
  },
  'products.notWidgetable': {
    method: 'GET',
    path: '/products/not_widgetable',
    encoding: 'query',
    secret: 'query',
    idempotent: true,
    required: [],
    result: 'object',
    answer: answers.notWidgetable,
    note: 'Answers {status:"success", data:{total, items}}; the normaliser unwraps `data`.',
  },
  'products.subscribersStock': { ...productSubscribers, path: '/products/subscribers/stock' },
  'products.subscribersPrice': { ...productSubscribers, path: '/products/subscribers/price' },
  'subscriptions.check': {
    method: 'GET',
    path: '/subscriptions/check',
    encoding: 'query',
    secret: 'header',
    idempotent: true,
    required: [],
    oneOf: [['email', 'phone', 'did']],
    result: 'object',
    answer: answers.subscriptionStatus,
    note: 'shop_secret "can be sent as header X-Shop-Secret": we do, so the secret stays out of the URL.',
  },
  'subscriptions.changes': {
    method: 'GET',
    path: '/subscriptions/changes',
    encoding: 'query',
    secret: 'header',
    idempotent: true,
    required: [],
    result: 'list',
    answer: answers.subscriptionChanges,
    listKey: 'changes',
    note: 'shop_secret "can be sent as header X-Shop-Secret": we do, so the secret stays out of the URL.',
  },
  'subscriptions.manage': {
    method: 'POST',
    path: '/subscriptions/manage',
    encoding: 'form',
    secret: 'body',
    // Sets flags to given values: repeating it changes nothing.
    idempotent: true,
    required: [],
    oneOf: [CONTACT],
    result: 'ack',
    answer: answers.ack,
    note: 'curl -d: application/x-www-form-urlencoded body; booleans as "true"/"false".',
  },
  'search.noResultQueries': {
    method: 'GET',
    path: '/search/no_result_queries',
    encoding: 'query',
    secret: 'query',
    idempotent: true,
    required: [],
    result: 'list',
    answer: answers.noResultQueries,
    listKey: 'queries',
  },
} as const satisfies Record<string, EndpointSpec>

export type EndpointName = keyof typeof catalogue

/** What `api.call(endpoint, …)` resolves to: the output of the endpoint's answer schema. */
export type EndpointAnswer<E extends EndpointName> = z.output<(typeof catalogue)[E]['answer']>

export const endpointNames = Object.keys(catalogue) as EndpointName[]

export function endpointSpec(name: EndpointName): EndpointSpec {
  return catalogue[name]
}

export function isEndpointName(value: string): value is EndpointName {
  return Object.hasOwn(catalogue, value)
}
