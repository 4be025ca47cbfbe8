import { availableCount, drainLists, takeCode, type PromoCodeList } from '../data/promo-codes'
import type { ShopData } from '../data/state'
import { list, object, success } from '../envelope'
import { badRequest, notFound } from '../errors'
import { csv, int, parseBool, requireStr, str, type Params } from '../params'
import type { RouteSpec } from '../route'

function listOf(shop: ShopData, params: Params, name: string): PromoCodeList {
  const id = Number(requireStr(params, name))
  const promoList = Number.isInteger(id) ? shop.promoLists.get(id) : undefined
  if (!promoList) throw notFound('Promo codes list not found')
  return promoList
}

function codesParam(params: Params): string[] {
  const codes = params.codes
  if (codes === undefined) throw badRequest('Missing required parameter: codes')
  if (!Array.isArray(codes)) throw badRequest('Parameter codes must be an array')
  return codes.map((c) => String(c).trim()).filter((c) => c !== '')
}

export const promoCodeRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/promo_codes',
    body: 'none',
    secret: 'required',
    errorFamily: 'status',
    handle({ params, shop }) {
      if (shop.promoDrain) drainLists(shop.promoLists, Date.now())
      const active = parseBool(params.active, 'active') ?? false
      const exclude = new Set(csv(params, 'exclude'))
      const include = new Set(csv(params, 'include'))
      const offset = int(params, 'offset', { min: 0, fallback: 0 })
      const limit = int(params, 'limit', { min: 1, fallback: 1000 })
      const rows = [...shop.promoLists.values()]
        .filter((l) => !exclude.has(String(l.id)))
        .filter((l) => include.size === 0 || include.has(String(l.id)))
        .map((l) => ({ id: l.id, name: l.name, available: availableCount(l) }))
        .filter((l) => !active || l.available > 0)
        .slice(offset, offset + limit)
      return list('lists', rows)
    },
  },
  {
    method: 'POST',
    path: '/promo_codes',
    body: 'json',
    secret: 'required',
    errorFamily: 'success',
    handle({ params, shop }) {
      const promoList = listOf(shop, params, 'id')
      // "All non-unique promo codes will be excluded": duplicates are silently skipped.
      for (const code of codesParam(params)) {
        if (!promoList.codes.has(code)) promoList.codes.set(code, { sent: false })
      }
      return success()
    },
  },
  {
    method: 'DELETE',
    path: '/promo_codes/purge',
    body: 'json',
    secret: 'required',
    errorFamily: 'success',
    handle({ params, shop }) {
      const promoList = listOf(shop, params, 'id')
      for (const [code, entry] of promoList.codes) if (!entry.sent) promoList.codes.delete(code)
      return success()
    },
  },
  {
    // Documented for devices (the SDK's get_promo_code): it hands a code out for good. The
    // console must never call it; the sandbox serves it so a test can see that it did not.
    method: 'GET',
    path: '/promo_codes/fetch',
    body: 'none',
    secret: 'if-sent',
    errorFamily: 'status',
    handle({ params, shop }) {
      requireStr(params, 'did')
      const code = takeCode(listOf(shop, params, 'id'))
      if (code === null) throw notFound('Promo codes list is empty')
      return object({ code })
    },
  },
  {
    // The parameter table spells it promo_code_list_Id; the curl example (which we follow)
    // sends promo_code_list_id. The table also omits shop_id/shop_secret that the curl sends.
    method: 'DELETE',
    path: '/promo_codes/delete',
    body: 'json',
    secret: 'required',
    errorFamily: 'success',
    handle({ params, shop }) {
      const name =
        str(params, 'promo_code_list_id') === undefined
          ? 'promo_code_list_Id'
          : 'promo_code_list_id'
      if (str(params, name) === undefined)
        throw badRequest('Missing required parameter: promo_code_list_id')
      const promoList = listOf(shop, params, name)
      let deleted = 0
      let notFoundCount = 0
      for (const code of codesParam(params)) {
        if (promoList.codes.delete(code)) deleted++
        else notFoundCount++
      }
      return object({ delete_count: deleted, not_found_count: notFoundCount })
    },
  },
]
