import { z } from 'zod'
import { isDay } from './days'
export { notificationsFailures } from './failures/notifications'

/**
 * A customer's message history (GET /notifications) and one message's status by its code
 * (GET /notifications/:code), as both sides of the console see them.
 */

/** "Types chain and trigger considered as identical": the console never sends `chain`. */
export const messageTypes = ['bulk', 'trigger', 'transactional'] as const
export type MessageType = (typeof messageTypes)[number]

/** Spelled as the reference lists them ("WhatsApp" included). */
export const messageChannels = [
  'email',
  'sms',
  'web_push',
  'mobile_push',
  'telegram',
  'WhatsApp',
] as const
export type MessageChannel = (typeof messageChannels)[number]

/** The identifiers /notifications takes; exactly one travels. */
export const identifierKinds = ['email', 'phone', 'loyalty_id', 'external_id'] as const
export type IdentifierKind = (typeof identifierKinds)[number]

/** The API's maximum page size; the console always asks for full pages. */
export const NOTIFICATIONS_PAGE_LIMIT = 50

/** "Choose date not older than 2 weeks ago, otherwise it will slowdown everything drammatically." */
export const SLOW_HISTORY_DAYS = 14

export const statisticKeys = [
  'opened',
  'clicked',
  'hard_bounced',
  'soft_bounced',
  'complained',
  'unsubscribed',
  'purchased',
] as const
export type StatisticKey = (typeof statisticKeys)[number]
export type MessageStatistics = Record<StatisticKey, boolean>

const daySchema = z.string().refine(isDay, 'Expected a day as YYYY-MM-DD')

/** What the search form asks; the page is separate so every page shares one search. */
export const notificationsQuerySchema = z
  .object({
    identifierKind: z.enum(identifierKinds),
    identifier: z.string().trim().min(1).max(200),
    dateFrom: daySchema,
    types: z.array(z.enum(messageTypes)).min(1).max(messageTypes.length),
    channels: z.array(z.enum(messageChannels)).min(1).max(messageChannels.length),
  })
  .strict()
export type NotificationsQuery = z.infer<typeof notificationsQuerySchema>

export const notificationsPageSchema = notificationsQuerySchema
  .extend({ page: z.number().int().min(1).max(10_000).default(1) })
  .strict()
export type NotificationsPageInput = z.input<typeof notificationsPageSchema>

/** What the search form remembers per shop (never the customer it looked up). */
export const searchChoicesSchema = notificationsQuerySchema.pick({
  identifierKind: true,
  types: true,
  channels: true,
})
export type SearchChoices = z.infer<typeof searchChoicesSchema>

/** Remote images of one message preview, asked for only when the marketer turns them on. */
export const previewImagesSchema = z
  .object({ urls: z.array(z.string().url().max(2_000)).max(30) })
  .strict()

/** One sent message, with PersonaClick's field names turned into ours. */
export interface NotificationMessage {
  code: string | null
  type: string
  /** Not in the reference's example; shown when the API gives it. */
  channel: string | null
  campaignId: string | null
  /** ISO time; null when PersonaClick gave only a date. */
  sentAt: string | null
  date: string | null
  subject: string
  body: string
  url: string
  icon: string
  picture: string
  statistics: MessageStatistics
}

export interface NotificationsPage {
  /** The identifier as it was sent (normalised). */
  identifier: string
  page: number
  messages: NotificationMessage[]
  /** A full page came back: there may be more. */
  hasMore: boolean
  /** Messages loaded so far for this search, this page included. */
  loaded: number
}

/** Per type counts and this customer's open and click rates over what is loaded. */
export interface HistorySummary {
  total: number
  byType: Record<string, number>
  opened: number
  clicked: number
  /** Shares of `total`, 0..1; null for an empty list. */
  openRate: number | null
  clickRate: number | null
}

export function summariseHistory(messages: readonly NotificationMessage[]): HistorySummary {
  const byType: Record<string, number> = {}
  let opened = 0
  let clicked = 0
  for (const m of messages) {
    byType[m.type] = (byType[m.type] ?? 0) + 1
    if (m.statistics.opened) opened += 1
    if (m.statistics.clicked) clicked += 1
  }
  const total = messages.length
  return {
    total,
    byType,
    opened,
    clicked,
    openRate: total ? opened / total : null,
    clickRate: total ? clicked / total : null,
  }
}

// ---- status by code ------------------------------------------------------------------

/**
 * What GET /notifications/:code told us, in words the screen can translate. The reference
 * documents only `{"200"}`: "200" reads as "PersonaClick has this message" (`found`).
 */
export const messageStates = [
  'found',
  'queued',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'complained',
  'unsubscribed',
  'failed',
  'not-found',
] as const
export type MessageState = (typeof messageStates)[number]

export const messageCodeSchema = z.object({ code: z.string().trim().min(1).max(200) }).strict()

export interface MessageStatusReading {
  code: string
  state: MessageState
  /** PersonaClick's own answer, short and as it said it (shown beside the words). */
  said: string
  /** When the answer carried the message itself. */
  message?: NotificationMessage
}
