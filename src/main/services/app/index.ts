import type { AppInfo } from '../../../shared/app-info'
import type { appChannels } from '../../../shared/contract/domains/app'
import { forward, type Feature } from '../../feature'
import type { SettingsService } from '../settings/settings-service'
import { openExternalSafely, type OpenExternal } from './external-links'

/** About the app, its settings (language, theme) and the one door to outside links. */
export function createAppFeature(deps: {
  info: AppInfo
  settings: SettingsService
  openExternal: OpenExternal
}): Feature<keyof typeof appChannels> {
  const { info, settings, openExternal } = deps
  return {
    handlers: {
      ...forward(settings, { 'settings:get': 'get', 'settings:update': 'update' }),
      'app:info': () => info,
      'app:open-external': ({ url }) => openExternalSafely(url, openExternal),
    },
  }
}
