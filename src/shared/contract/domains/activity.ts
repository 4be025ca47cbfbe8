import { activityFilterSchema, type ActivityPage, type ActivityRecord } from '../../activity'
import type { ExportedFile } from '../../files'
import { withCsvChoice } from '../../csv-export'
import { channel, event } from '../define'
import { noInput } from './common'

export const activityChannels = {
  'activity:list': channel<ActivityPage>()(activityFilterSchema),
  'activity:clear': channel<{ cleared: true }>()(noInput),
  'activity:export': channel<ExportedFile>()(withCsvChoice(activityFilterSchema)),
} as const

export const activityEvents = {
  /** A new API call was recorded (already redacted). */
  'activity:recorded': event<ActivityRecord>(),
  'activity:cleared': event<Record<string, never>>(),
} as const
