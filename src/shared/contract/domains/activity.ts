import { activityFilterSchema, type ActivityPage } from '../../activity'
import type { ExportedFile } from '../../files'
import { channel } from '../define'
import { noInput } from './common'

export const activityChannels = {
  'activity:list': channel<ActivityPage>()(activityFilterSchema),
  'activity:clear': channel<{ cleared: true }>()(noInput),
  'activity:export': channel<ExportedFile>()(activityFilterSchema),
} as const
