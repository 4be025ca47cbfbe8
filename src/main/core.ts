import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppInfo, HostKind } from '../shared/app-info'
import { ActivityLog, activityHook } from './activity'
import { createApiClient, type ApiClient, type Transport } from './api'
import { EventBus } from './ipc/event-bus'
import { createRouter, type Handlers, type Router } from './ipc/router'
import { createLogger, type Logger } from './log/logger'
import { SecretRegistry } from './log/redact'
import { activityHandlers } from './services/activity/activity-handlers'
import { openExternalSafely, type OpenExternal } from './services/app/external-links'
import { importHandlers } from './services/audience-import/import-handlers'
import { ImportService } from './services/audience-import/import-service'
import { FileRegistry } from './services/files/file-registry'
import { filesHandlers, type PickFiles } from './services/files/files-handlers'
import { createSendsHandlers } from './services/sends'
import { npsHandlers } from './services/nps/nps-handlers'
import { NpsService } from './services/nps/nps-service'
import {
  startDemoShop,
  type DemoShopOptions,
  type RunningDemoShop,
} from './services/shops/demo-sandbox'
import { shopsHandlers } from './services/shops/shops-handlers'
import { ShopsService } from './services/shops/shops-service'
import { ShopsStore } from './services/shops/shops-store'
import { SettingsService } from './services/settings/settings-service'
import type { SecretCipher } from './services/vault/secret-cipher'
import { Vault } from './services/vault/vault'

/** What a host must provide; everything Electron-specific arrives through here. */
export interface CoreOptions {
  host: HostKind
  dataDir: string
  productName: string
  version: string
  versions: AppInfo['versions']
  openExternal: OpenExternal
  /** Electron's net.fetch in the app, Node's fetch in the browser host and tests. */
  transport?: Transport
  /** OS encryption for secrets; null in the browser host (memory only). */
  cipher?: SecretCipher | null
  /** The native open dialog (Electron); the browser host uploads instead. */
  pickFiles?: PickFiles | null
  /** The built-in Demo shop (an in-process sandbox); false turns it off. */
  demo?: DemoShopOptions | false
  logToConsole?: boolean
}

export interface Core {
  router: Router
  events: EventBus
  log: Logger
  secrets: SecretRegistry
  settings: SettingsService
  shops: ShopsService
  api: ApiClient
  activity: ActivityLog
  files: FileRegistry
  /** Resolves once the Demo shop answers (immediately when it is turned off). */
  demoReady: Promise<void>
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

  const vault = new Vault(opts.dataDir, opts.cipher ?? null, secrets)
  await vault.load()
  const shops = new ShopsService(new ShopsStore(opts.dataDir), vault, events)
  await shops.load()

  const files = new FileRegistry(opts.dataDir)
  await files.load()

  const imports = new ImportService({
    dataDir: opts.dataDir,
    api: { call: (...a) => api.call(...a) },
    shops,
    files,
    onChange: (s) => events.emit('import:job', s),
  })
  await imports.load()

  const activity = await ActivityLog.open({ dataDir: opts.dataDir, logger: log })
  activity.subscribe((record) => events.emit('activity:recorded', record))
  const api = createApiClient({
    transport: opts.transport ?? ((url, init) => fetch(url, init)),
    secrets,
    logger: log,
    onCall: activityHook(activity),
  })

  // The Demo shop starts in the background so the window appears at once.
  let demo: RunningDemoShop | null = null
  const demoReady =
    opts.demo === false
      ? Promise.resolve()
      : startDemoShop(opts.demo ?? {}).then(
          (running) => {
            demo = running
            shops.attachDemo(running.endpoint)
          },
          (err: unknown) => log.error('demo shop failed to start', { error: err }),
        )

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
    ...shopsHandlers(shops, api),
    ...activityHandlers(activity, events),
    ...filesHandlers(files, opts.pickFiles ?? null),
    ...importHandlers(imports),
    ...(await createSendsHandlers({ dataDir: opts.dataDir, api, shops, files, events, log })),
    ...npsHandlers(
      new NpsService({
        dataDir: opts.dataDir,
        api,
        credentials: () => shops.activeCredentials(),
        onProgress: (p) => events.emit('nps:progress', p),
      }),
    ),
  }

  return {
    router: createRouter(handlers, log.scope('router')),
    events,
    log,
    secrets,
    settings,
    shops,
    api,
    activity,
    files,
    demoReady,
    async dispose() {
      await demoReady
      await imports.dispose()
      await activity.flush()
      await (demo as RunningDemoShop | null)?.close()
    },
  }
}
