import type { ShopData } from '../data/state'
import type { Segment } from '../data/segments'
import { list, object, same, success } from '../envelope'
import { badRequest, notFound } from '../errors'
import { identifiers, requireOneOf, requireStr, type Params } from '../params'
import type { RouteSpec } from '../route'

/** did is SDK-only (reference: "Only for JS/iOS/Android SDK"), so S2S calls need a contact. */
const CONTACTS = ['email', 'phone'] as const
const INCLUDES_IDS = ['email', 'phone', 'external_id', 'loyalty_id', 'telegram_id'] as const

function segmentOf(shop: ShopData, params: Params): Segment {
  const raw = requireStr(params, 'segment_id')
  const id = Number(raw)
  if (!Number.isInteger(id)) throw badRequest('Parameter segment_id must be an integer')
  const segment = shop.segments.get(id)
  if (!segment) throw notFound('Segment not found')
  return segment
}

function staticSegmentOf(shop: ShopData, params: Params): Segment {
  const segment = segmentOf(shop, params)
  // Only static segments take manual membership; dynamic ones are computed by rules.
  if (segment.type !== 'static') throw badRequest('Segment is not static')
  return segment
}

/** /segments/add and /segments/remove: a static segment, a contact, one membership change. */
function membershipRoute(
  path: string,
  change: (segment: Segment, shop: ShopData, ids: ReturnType<typeof identifiers>) => void,
): RouteSpec {
  return {
    method: 'POST',
    path,
    body: 'form',
    secret: 'required',
    errorFamily: 'status',
    handle({ params, shop }) {
      requireOneOf(params, CONTACTS)
      change(staticSegmentOf(shop, params), shop, identifiers(params))
      return success()
    },
  }
}

export const segmentRoutes: RouteSpec[] = [
  membershipRoute('/segments/add', (segment, shop, ids) => {
    const c = shop.find({ email: ids.email, phone: ids.phone }) ?? shop.create(ids)
    segment.members.add(c.index)
  }),
  membershipRoute('/segments/remove', (segment, shop, ids) => {
    const c = shop.find({ email: ids.email, phone: ids.phone })
    // Removing someone who is not there is a no-op, so retries stay harmless.
    if (c) segment.members.delete(c.index)
  }),
  {
    // The reference's curl for this (and /segments/includes) lacks a URL query (`curl "shop_id=…"
    // URL`); the method is GET, so parameters go in the query string.
    method: 'GET',
    path: '/segments/get',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle({ params, shop }) {
      requireOneOf(params, CONTACTS)
      const ids = identifiers(params)
      const c = shop.find({ email: ids.email, phone: ids.phone })
      if (!c) throw notFound('User not found')
      const segments = [...shop.segments.values()]
        .filter((s) => s.members.has(c.index))
        .map((s) => ({ id: s.id, type: s.type }))
      return list('segments', segments)
    },
  },
  {
    method: 'GET',
    path: '/segments/includes',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle({ params, shop }) {
      requireOneOf(params, INCLUDES_IDS)
      const segment = segmentOf(shop, params)
      const c = shop.find(identifiers(params))
      const includes = c !== undefined && segment.members.has(c.index)
      return { ...same(includes), current: object({ includes }).current }
    },
  },
]
