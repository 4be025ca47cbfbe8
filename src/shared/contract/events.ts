import type { ActivityRecord } from '../activity'
import type { IntakeFile } from '../files'
import type { ImportJobState } from '../import'
import type { NpsProgress } from '../nps'
import type { BulkJobState, SendLogEntry } from '../sends'
import type { Settings } from '../settings'
import type { ShopsState } from '../shops'
import { event } from './define'

/** Every event main pushes to the renderer. */
export const events = {
  'settings:changed': event<Settings>(),
  'shops:changed': event<ShopsState>(),
  /** A new API call was recorded (already redacted). */
  'activity:recorded': event<ActivityRecord>(),
  'activity:cleared': event<Record<string, never>>(),
  /** Files dropped onto an Electron window (the preload saw the drop and told main). */
  'files:dropped': event<IntakeFile[]>(),
  /** An audience import's status or progress changed. */
  'import:job': event<ImportJobState>(),
  /** Requests and reviews fetched so far by a running NPS load. */
  'nps:progress': event<NpsProgress>(),
  /** A send was logged (recipient masked). */
  'sends:logged': event<SendLogEntry>(),
  /** A bulk send's progress or status changed. */
  'sends:bulk': event<BulkJobState>(),
} as const

export const eventNames = Object.keys(events) as (keyof typeof events)[]
