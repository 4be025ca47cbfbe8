import { z } from 'zod'
import type { ErrorCode } from './errors'

export type CallOutcome = 'ok' | 'error' | 'unknown' | 'cancelled'

/** One PersonaClick API call, already redacted: what the Activity screen shows. */
export interface ActivityRecord {
  id: string
  /** ISO time the call started. */
  time: string
  profileId: string
  shopId: string
  method: string
  path: string
  /** The catalogue's name for the endpoint, e.g. `promoCodes.list`. */
  endpoint: string
  /** HTTP status of the last attempt; null when no answer arrived. */
  status: number | null
  outcome: CallOutcome
  errorCode?: ErrorCode
  durationMs: number
  bytes: number
  retries: number
  /** What was sent, with shop_secret replaced by '[redacted]' and long lists summarised. */
  params: Record<string, unknown>
}

export const activityFilterSchema = z
  .object({
    profileId: z.string().max(100).optional(),
    status: z.union([z.enum(['ok', 'error', 'unknown', 'cancelled']), z.number().int()]).optional(),
    pathContains: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict()
export type ActivityFilter = z.infer<typeof activityFilterSchema>

export interface ActivityPage {
  /** Newest first. */
  items: ActivityRecord[]
  /** Matches before limit/offset, for paging. */
  total: number
}
