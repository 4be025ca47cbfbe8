import type { Customer } from './customers'
import { createRng, deriveSeed } from './rng'

/** One row of /subscriptions/changes, exactly the documented properties plus a sort key. */
export interface SubscriptionChange {
  contact_type: 'email' | 'sms' | 'mpush' | 'wpush'
  contact: string
  campaign_type: 'bulk' | 'chain' | 'transactional' | 'everything'
  event: 'subscribe' | 'unsubscribe' | 'hard_bounced' | 'complained' | 'blacklisted'
  channel: string
  /** "YYYY-MM-DD H:i:s" as documented (UTC). */
  datetime: string
  ip: string
  time: number
}

const CHANNELS = ['popup', 'unsubscribe_page', 'email_feedback_processing', 'crm', 'import', 'api']
const EVENTS: SubscriptionChange['event'][] = [
  'subscribe',
  'subscribe',
  'unsubscribe',
  'hard_bounced',
  'complained',
]

/** The last second formatted: writes log changes by the thousand within one second. */
let formatted = { second: NaN, text: '' }

export function formatDatetime(time: number): string {
  const second = Math.floor(time / 1000)
  if (second !== formatted.second)
    formatted = { second, text: new Date(time).toISOString().slice(0, 19).replace('T', ' ') }
  return formatted.text
}

/** About 60 changes a day over the last 30 days, sorted by time ascending. */
export function generateSubscriptionLog(
  seed: number,
  customers: Customer[],
  now: Date,
): SubscriptionChange[] {
  const rng = createRng(deriveSeed(seed, 'subscription-log'))
  const out: SubscriptionChange[] = []
  const start = now.getTime() - 30 * 86_400_000
  for (let i = 0; i < 1800; i++) {
    const customer = rng.pick(customers)
    const sms = customer.phone !== null && (customer.email === null || rng.chance(0.25))
    const contact = sms ? customer.phone : customer.email
    if (!contact) continue
    const time = start + rng.int(0, now.getTime() - start)
    const channel = rng.pick(CHANNELS)
    out.push({
      contact_type: sms ? 'sms' : 'email',
      contact,
      campaign_type: rng.pick(['bulk', 'chain', 'transactional'] as const),
      event: rng.pick(EVENTS),
      channel,
      datetime: formatDatetime(time),
      ip:
        channel === 'email_feedback_processing'
          ? ''
          : `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      time,
    })
  }
  return out.sort((a, b) => a.time - b.time)
}
