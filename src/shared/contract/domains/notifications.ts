import { withCsvChoice } from '../../csv-export'
import type { ExportedFile } from '../../files'
import {
  messageCodeSchema,
  notificationsPageSchema,
  notificationsQuerySchema,
  previewImagesSchema,
  type MessageStatusReading,
  type NotificationsPage,
  type SearchChoices,
} from '../../notifications'
import { channel } from '../define'
import { noInput } from './common'

/** A customer's message history and message status by code (see src/shared/notifications.ts). */
export const notificationsChannels = {
  /** The active shop's last identifier kind, types and channels (null before a search). */
  'notifications:choices': channel<SearchChoices | null>()(noInput),
  /** One page (50 messages) of the customer's history for the active shop. */
  'notifications:search': channel<NotificationsPage>()(notificationsPageSchema),
  /** The pages loaded so far for this search, as CSV (formula-safe). */
  'notifications:export': channel<ExportedFile>()(withCsvChoice(notificationsQuerySchema)),
  /** https images of a message preview as data: URLs (null where refused or unavailable). */
  'notifications:images': channel<Record<string, string | null>>()(previewImagesSchema),
  /** GET /notifications/:code, read into a status in words. */
  'notifications:status': channel<MessageStatusReading>()(messageCodeSchema),
} as const

export const notificationsEvents = {} as const
