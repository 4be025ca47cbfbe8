import { z } from 'zod'
import type { ActivityRecord } from '../../../shared/activity'

/**
 * Lines read back from the activity file are checked: the file lives in user data, may be
 * cut short by a crash mid-write, or come from an older version.
 */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const activityRecordSchema = z.object({
  id: z.string(),
  time: z.string(),
  profileId: z.string(),
  shopId: z.string(),
  method: z.string(),
  path: z.string(),
  endpoint: z.string(),
  status: z.number().nullable(),
  outcome: z.enum(['ok', 'error', 'unknown', 'cancelled']),
  errorCode: z.string().optional(),
  durationMs: z.number(),
  bytes: z.number(),
  retries: z.number(),
  params: z.record(
    z.string(),
    z.union([scalar, z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  ),
})

export function parseRecord(raw: unknown): ActivityRecord | null {
  const parsed = activityRecordSchema.safeParse(raw)
  return parsed.success ? (parsed.data as ActivityRecord) : null
}
