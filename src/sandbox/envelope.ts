import type { EnvelopeStyle } from './types'

/**
 * Response envelopes. 'legacy' = the shapes the reference shows today; 'current' = the newer
 * shapes the reference uses in its newer sections (/notifications, /nps/create,
 * /loyalty/members/join), applied to every endpoint so the client's normaliser is exercised.
 *
 * Success bodies (legacy -> current):
 * - bare arrays: /promo_codes GET, /segments/get, /nps/categories, /nps/channels,
 *   /nps/reviews, /products/categories, /products/subscribers/stock|price,
 *   /subscriptions/changes, /search/no_result_queries
 *     -> {status:'success', payload:{<key>:[...]}} with key = lists, segments, categories,
 *        channels, reviews, categories, products, changes, queries.
 * - bare value: /segments/includes `true` -> {status:'success', payload:{includes:true}}
 * - plain objects: /profile, /products/get, /products/counters, /subscriptions/check,
 *   /transact + /sms/transactional ({code}), /promo_codes/delete ({delete_count,…}),
 *   /notifications/:code -> {status:'success', payload:{...object}}
 * - identical in both styles: writes answering {status:'success'} (/import/*, /segments/add,
 *   /segments/remove, /promo_codes POST and purge, /subscriptions/manage), /notifications
 *   ({status,payload:{messages}} already) and /products/not_widgetable ({status,data}).
 *
 * Errors: legacy = {status:'error', message} everywhere (the /transact table). current =
 * {success:false, payload:{message}} for the JSON-body S2S writes (same family as
 * /loyalty/members/join, which answers {success:…}): /import/audience, /import/suppressed,
 * /promo_codes POST, /promo_codes/purge, /promo_codes/delete, /transact, /sms/transactional;
 * {status:'error', payload:{message}} (the /nps/create shape) for everything else,
 * including 404/405 on unknown paths and fault responses.
 */
export type ErrorFamily = 'status' | 'success'

/** What a handler returns: one body per style (same object when the shapes agree). */
export interface Reply {
  status?: number
  legacy: unknown
  current: unknown
}

export const success = (): Reply => ({
  legacy: { status: 'success' },
  current: { status: 'success' },
})

export const same = (body: unknown): Reply => ({ legacy: body, current: body })

export const list = (key: string, items: unknown[]): Reply => ({
  legacy: items,
  current: { status: 'success', payload: { [key]: items } },
})

export const object = (body: Record<string, unknown>): Reply => ({
  legacy: body,
  current: { status: 'success', payload: body },
})

/**
 * The wrong-shape fault's answer: a list of something no endpoint documents. A list where an
 * object or a confirmation is expected, rows without any documented field where a list is,
 * in the style's success envelope.
 */
export function wrongShapeBody(style: EnvelopeStyle): unknown {
  const body = [{ unexpected: 'shape' }]
  return style === 'legacy' ? body : { status: 'success', payload: body }
}

export function errorBody(style: EnvelopeStyle, family: ErrorFamily, message: string): unknown {
  if (style === 'legacy') return { status: 'error', message }
  return family === 'success'
    ? { success: false, payload: { message } }
    : { status: 'error', payload: { message } }
}

/** A body sent as it is, not as JSON: /notifications/:code's documented `{"200"}`. */
export class RawText {
  constructor(readonly text: string) {}
}

/**
 * JSON text of a body (a RawText as it is). client_id values are 19-digit integers the real API sends as bare
 * JSON numbers (beyond Number.MAX_SAFE_INTEGER); we keep them as digit strings in memory and
 * unquote them here so the client meets the same precision problem it will meet in production.
 */
export function serialize(body: unknown): string {
  if (body instanceof RawText) return body.text
  return JSON.stringify(body).replace(/"client_id":"(\d+)"/g, '"client_id":$1')
}
