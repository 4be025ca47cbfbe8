import type { Settings } from '../settings'
import { event } from './define'

/** Every event main pushes to the renderer. */
export const events = {
  'settings:changed': event<Settings>(),
} as const

export const eventNames = Object.keys(events) as (keyof typeof events)[]
