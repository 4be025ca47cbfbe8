import { z } from 'zod'
import type { AppInfo } from '../app-info'
import { settingsSchema, type Settings } from '../settings'
import { channel } from './define'

const noInput = z.object({}).strict()

/**
 * Every request the renderer can make of main. Main parses `input` with the schema
 * before a handler sees it; the renderer's `invoke` is typed from the same entries.
 * Adding a channel here is all it takes for preload and renderer to know it.
 */
export const channels = {
  'app:info': channel<AppInfo>()(noInput),
  'app:open-external': channel<{ opened: boolean }>()(
    z.object({ url: z.string().max(2048) }).strict(),
  ),
  'settings:get': channel<Settings>()(noInput),
  'settings:update': channel<Settings>()(settingsSchema.partial().strict()),
} as const

export const channelNames = Object.keys(channels) as (keyof typeof channels)[]
