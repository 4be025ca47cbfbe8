import type { ActivityRecord } from '../activity'
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
} as const

export const eventNames = Object.keys(events) as (keyof typeof events)[]
