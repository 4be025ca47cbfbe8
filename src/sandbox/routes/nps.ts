import { NPS_REVIEWS_LIMIT, type NpsReview } from '../data/nps'
import { list } from '../envelope'
import { badRequest } from '../errors'
import { dateParam, str } from '../params'
import type { RouteSpec } from '../route'

/** Index of the first review at or after `time` (reviews are sorted by time). */
function lowerBound(reviews: NpsReview[], time: number): number {
  let lo = 0
  let hi = reviews.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((reviews[mid]?.time ?? Infinity) < time) lo = mid + 1
    else hi = mid
  }
  return lo
}

export const npsRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/nps/categories',
    body: 'none',
    secret: 'if-sent',
    errorFamily: 'status',
    handle: ({ shop }) => list('categories', shop.npsCategories),
  },
  {
    method: 'GET',
    path: '/nps/channels',
    body: 'none',
    secret: 'if-sent',
    errorFamily: 'status',
    handle: ({ shop }) => list('channels', shop.npsChannels),
  },
  {
    // "Limited to 1000 reviews per request." No paging parameter exists: the oldest 1,000
    // matches (ascending created_at) are returned and nothing signals the truncation, so a
    // client that gets exactly 1,000 must narrow the window. date_from/date_to accept a day
    // (YYYY-MM-DD, whole day inclusive) or a full ISO timestamp (inclusive bounds).
    method: 'GET',
    path: '/nps/reviews',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle({ params, shop }) {
      const from = dateParam(params, 'date_from', 'start') ?? -Infinity
      const to = dateParam(params, 'date_to', 'end') ?? Infinity
      if (from > to) throw badRequest('date_from must not be after date_to')
      const channel = str(params, 'channel')
      const category = str(params, 'category')
      const all = shop.npsReviews
      const out: Omit<NpsReview, 'time'>[] = []
      for (let i = lowerBound(all, from); i < all.length && out.length < NPS_REVIEWS_LIMIT; i++) {
        const r = all[i]
        if (!r || r.time > to) break
        if (channel !== undefined && r.channel !== channel) continue
        if (category !== undefined && r.category !== category) continue
        const { time: _time, ...wire } = r
        out.push(wire)
      }
      return list('reviews', out)
    },
  },
]
