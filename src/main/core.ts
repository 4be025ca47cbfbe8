import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppInfo, HostKind } from '../shared/app-info'
import { EventBus } from './ipc/event-bus'
import { createRouter, type Handlers, type Router } from './ipc/router'
import { createLogger, type Logger } from './log/logger'
import { SecretRegistry } from './log/redact'
import { openExternalSafely, type OpenExternal } from './services/app/external-links'
import { SettingsService } from './services/settings/settings-service'

/** What a host must provide; everything Electron-specific arrives through here. */
export interface CoreOptions {
  host: HostKind
  dataDir: string
  productName: string
  version: string
  versions: AppInfo['versions']
  openExternal: OpenExternal
  logToConsole?: boolean
}

export interface Core {
  router: Router
  events: EventBus
  log: Logger
  secrets: SecretRegistry
  settings: SettingsService
  dispose(): Promise<void>
}

/** Builds the Electron-free services and the router both hosts mount. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 })
  const secrets = new SecretRegistry()
  const log = createLogger({
    secrets,
    file: join(opts.dataDir, 'console.log'),
    console: opts.logToConsole ?? false,
  })
  const events = new EventBus()
  const settings = new SettingsService(opts.dataDir, events)
  await settings.load()

  const info: AppInfo = {
    productName: opts.productName,
    version: opts.version,
    host: opts.host,
    platform: process.platform,
    versions: opts.versions,
    dataDir: opts.dataDir,
  }

  const handlers: Handlers = {
    'app:info': () => info,
    'app:open-external': ({ url }) => openExternalSafely(url, opts.openExternal),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
  }

  return {
    router: createRouter(handlers, log.scope('router')),
    events,
    log,
    secrets,
    settings,
    async dispose() {},
  }
}
