import { z } from 'zod'
import type { AppInfo } from '../../app-info'
import type { MenuCommand } from '../../menu'
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
  /** The desktop app's native menu: go to a screen, check the active shop's connection. */
  'app:menu': event<MenuCommand>(),
} as const
