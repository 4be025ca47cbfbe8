import { z } from 'zod'
import { activityFilterSchema, type ActivityPage, type ExportedFile } from '../activity'
import type { AppInfo } from '../app-info'
import { settingsSchema, type Settings } from '../settings'
import { shopDraftSchema, type ConnectionTestResult, type Shop, type ShopsState } from '../shops'
import { channel } from './define'

const noInput = z.object({}).strict()
const byId = z.object({ id: z.string().uuid() }).strict()

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

  'shops:list': channel<ShopsState>()(noInput),
  'shops:save': channel<Shop>()(shopDraftSchema),
  'shops:remove': channel<ShopsState>()(byId),
  'shops:set-active': channel<ShopsState>()(byId),
  'shops:test-connection': channel<ConnectionTestResult>()(byId),
  'shops:allow-weak-secrets': channel<ShopsState>()(z.object({ allow: z.boolean() }).strict()),

  'activity:list': channel<ActivityPage>()(activityFilterSchema),
  'activity:clear': channel<{ cleared: true }>()(noInput),
  'activity:export': channel<ExportedFile>()(activityFilterSchema),
} as const

export const channelNames = Object.keys(channels) as (keyof typeof channels)[]
