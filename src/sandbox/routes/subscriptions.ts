import { SUBSCRIPTION_FLAGS, normalizeEmail, normalizePhone } from '../data/customers'
import { list, object, success } from '../envelope'
import { notFound } from '../errors'
import { dayParam, identifiers, int, requireOneOf, str } from '../params'
import type { RouteSpec } from '../route'
import { applySubscriptions } from './audience'

const MANAGE_IDS = ['email', 'phone', 'external_id', 'telegram_id', 'loyalty_id'] as const
const DAY = 86_400_000

export const subscriptionRoutes: RouteSpec[] = [
  {
    // did is accepted as an identifier only to answer "exists: false": the sandbox has no
    // devices. The secret may come as X-Shop-Secret, as documented for this method.
    method: 'GET',
    path: '/subscriptions/check',
    body: 'none',
    secret: 'required',
    secretHeader: true,
    errorFamily: 'status',
    handle({ params, shop }) {
      requireOneOf(params, ['email', 'phone', 'did'])
      const ids = identifiers(params)
      const c =
        ids.email || ids.phone ? shop.find({ email: ids.email, phone: ids.phone }) : undefined
      const flags: Record<string, boolean> = {
        exists: c !== undefined,
        email_invalid: c?.emailInvalid ?? false,
        email_blacklisted: c?.emailBlacklisted ?? false,
        email_bounced: c?.emailBounced ?? false,
        email_suppressed: c?.emailSuppressed ?? false,
        email_confirmed: c?.emailConfirmed ?? false,
      }
      for (const flag of SUBSCRIPTION_FLAGS) flags[flag] = c?.subscriptions[flag] ?? false
      return object(flags)
    },
  },
  {
    method: 'GET',
    path: '/subscriptions/changes',
    body: 'none',
    secret: 'required',
    secretHeader: true,
    errorFamily: 'status',
    handle({ params, shop, now }) {
      // Defaults: "from: 1 day ago", "to: current date" (the whole current day).
      const from = dayParam(params, 'from', 'start') ?? Date.now() - DAY
      const to = dayParam(params, 'to', 'end') ?? Math.max(now.getTime(), Date.now())
      const offset = int(params, 'offset', { min: 0, fallback: 0 })
      const limit = int(params, 'limit', { min: 1, max: 20000, fallback: 20000 })
      const event = str(params, 'event')
      const channel = str(params, 'channel')
      const email = str(params, 'email')
      const phone = str(params, 'phone')
      const rows = shop.subscriptionLog
        .filter((r) => r.time >= from && r.time <= to)
        .filter((r) => event === undefined || r.event === event)
        .filter((r) => channel === undefined || r.channel === channel)
        .filter(
          (r) =>
            email === undefined ||
            (r.contact_type === 'email' && r.contact === normalizeEmail(email)),
        )
        .filter(
          (r) =>
            phone === undefined ||
            (r.contact_type === 'sms' && r.contact === normalizePhone(phone)),
        )
        .sort((a, b) => a.time - b.time)
        .slice(offset, offset + limit)
        .map(({ time: _time, ...wire }) => wire)
      return list('changes', rows)
    },
  },
  {
    // shop_secret is "Required only for REST integration": the console is REST, so required.
    method: 'POST',
    path: '/subscriptions/manage',
    body: 'form',
    secret: 'required',
    errorFamily: 'status',
    handle({ params, shop }) {
      requireOneOf(params, MANAGE_IDS)
      const ids = identifiers(params)
      let c = shop.find(ids)
      if (!c) {
        if (!ids.email && !ids.phone) throw notFound('User not found')
        c = shop.create(ids)
      }
      applySubscriptions(shop, c, params, 'api')
      return success()
    },
  },
]
