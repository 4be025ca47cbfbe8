import { z } from 'zod'
import type { AppInfo } from '../../app-info'
import { settingsSchema, type Settings } from '../../settings'
import { channel, event } from '../define'
import { noInput } from './common'

export const appChannels = {
  'app:info': channel<AppInfo>()(noInput),
  'app:open-external': channel<{ opened: boolean }>()(
    z.object({ url: z.string().max(2048) }).strict(),
  ),
  'settings:get': channel<Settings>()(noInput),
  'settings:update': channel<Settings>()(settingsSchema.partial().strict()),
} as const

export const appEvents = {
  'settings:changed': event<Settings>(),
} as const
