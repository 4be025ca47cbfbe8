import { clientIdFor, type Customer } from './customers'
import { NPS_COMMENTS } from './nps-comments'
import { createRng, deriveSeed } from './rng'

export interface NpsCategory {
  id: number
  code: string
  name: string
  promoter_question: string
  passive_question: string
  detractor_question: string
  promoter_success: string
  passive_success: string
  detractor_success: string
}

export interface NpsChannel {
  id: number
  code: string
  name: string
}

export interface NpsReview {
  id: number
  channel: string
  category: string
  rate: number
  comment: string | null
  /** 19-digit id kept as a string; serialised as a bare JSON number (see envelope.ts). */
  client_id: string
  email: string | null
  phone: string | null
  created_at: string
  /** Epoch ms of created_at, for fast range filtering; not sent on the wire. */
  time: number
}

/** The reference: "Limited to 1000 reviews per request." */
export const NPS_REVIEWS_LIMIT = 1000

const QUESTIONS = {
  promoter_question: 'Which features do you value/use the most?',
  passive_question: 'How can we improve your experience?',
  detractor_question: 'What was missing or disappointing in your experience with us?',
  promoter_success:
    'Thanks for your feedback. It’s great to hear that you’re a fan of our product.',
  passive_success:
    'Thanks for your feedback. Your ideas help us identify opportunities to improve.',
  detractor_success: 'Thanks for your feedback. Our team might reach out to you to learn more.',
}

export function npsCategories(): NpsCategory[] {
  return [
    { id: 1, code: 'website', name: 'Online checkout quality', ...QUESTIONS },
    { id: 2, code: 'checkout', name: 'Checkout survey', ...QUESTIONS },
    { id: 3, code: 'delivery', name: 'Delivery quality survey', ...QUESTIONS },
    { id: 4, code: 'support', name: 'Customer support', ...QUESTIONS },
  ]
}

/** The reference's example lists ios_app twice (ids 2 and 3); we use android_app for id 3. */
export function npsChannels(): NpsChannel[] {
  return [
    { id: 1, code: 'website', name: 'Online checkout quality' },
    { id: 2, code: 'ios_app', name: 'iOS mobile app' },
    { id: 3, code: 'android_app', name: 'Android mobile app' },
    { id: 4, code: 'pos', name: 'POS terminal' },
    { id: 5, code: 'email', name: 'Email survey' },
    { id: 6, code: 'popup', name: 'Website pop-up' },
  ]
}

const DAY = 86_400_000

/**
 * Reviews for the 365 days before `now`, sorted by time. A handful of campaign days get
 * 1,100-2,600 reviews so a one-day window exceeds the 1,000 cap and the console must split
 * it further (the API accepts full timestamps in date_from/date_to).
 */
export function generateNpsReviews(seed: number, customers: Customer[], now: Date): NpsReview[] {
  const rng = createRng(deriveSeed(seed, 'nps'))
  const channels = npsChannels().map((c) => c.code)
  const categories = npsCategories().map((c) => c.code)
  const startDay = Math.floor(now.getTime() / DAY) * DAY - 365 * DAY
  const spikeDays = new Set([40, 120, 200, 330, 358].map((d) => d + rng.int(-5, 5)))
  const reviews: NpsReview[] = []
  let id = 1
  for (let d = 0; d <= 365; d++) {
    const dayStart = startDay + d * DAY
    const weekday = new Date(dayStart).getUTCDay()
    const base = weekday === 0 || weekday === 6 ? rng.int(60, 140) : rng.int(100, 220)
    const count = spikeDays.has(d) ? rng.int(1100, 2600) : base
    const times: number[] = []
    for (let i = 0; i < count; i++) {
      // Daytime-heavy distribution: average of two uniforms peaks mid-day.
      const frac = (rng.next() + rng.next()) / 2
      times.push(dayStart + Math.floor(frac * DAY))
    }
    times.sort((a, b) => a - b)
    for (const time of times) {
      if (time > now.getTime()) continue
      const customer = rng.pick(customers)
      const r = rng.next()
      const rate = r < 0.55 ? rng.int(9, 10) : r < 0.8 ? rng.int(7, 8) : rng.int(1, 6)
      const band = rate >= 9 ? 'promoter' : rate >= 7 ? 'passive' : 'detractor'
      reviews.push({
        id: id++,
        channel: rng.pick(channels),
        category: rng.pick(categories),
        rate,
        comment: rng.chance(0.55) ? rng.pick(NPS_COMMENTS[band]) : null,
        client_id: clientIdFor(seed, customer.index),
        email: customer.email,
        phone: customer.phone,
        created_at: new Date(time).toISOString(),
        time,
      })
    }
  }
  return reviews
}
