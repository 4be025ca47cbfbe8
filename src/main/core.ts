import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppInfo, HostKind } from '../shared/app-info'
import { createApiClient, type ApiClient, type Transport } from './api'
import { mergeHandlers, type FeatureDeps } from './feature'
import { EventBus } from './ipc/event-bus'
import { createRouter, type Router } from './ipc/router'
import { createLogger, type Logger } from './log/logger'
import { SecretRegistry } from './log/redact'
import { ActivityLog, activityHook, createActivityFeature } from './services/activity'
import { createAppFeature } from './services/app'
import type { OpenExternal } from './services/app/external-links'
import { createImportFeature } from './services/audience-import'
import { FileRegistry } from './services/files/file-registry'
import { createFilesFeature, type PickFiles } from './services/files'
import { OpenedFiles } from './services/files/opened-files'
import { createNotificationsFeature } from './services/notifications'
import { createNpsFeature } from './services/nps'
import { createSegmentsFeature } from './services/segments'
import { createPromoCodesFeature } from './services/promo-codes'
import { createProductsFeature } from './services/products'
import { createSendsFeature } from './services/sends'
import { createShopsFeature } from './services/shops'
import {
  startDemoShop,
  type DemoShopOptions,
  type RunningDemoShop,
} from './services/shops/demo-sandbox'
import { ShopsService } from './services/shops/shops-service'
import { SettingsService } from './services/settings/settings-service'
import { dialectFor, type CsvDialect } from './services/files/csv'
import type { CsvChoice } from '../shared/csv-export'
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
  /** Where console.log (rotated by size) goes: the OS's logs folder in Electron. */
  logDir?: string
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
  /** Tables the OS asked us to open: the host passes their paths here. */
  openFiles(paths: readonly string[]): Promise<void>
  /** Resolves once the Demo shop answers (immediately when it is turned off). */
  demoReady: Promise<void>
  dispose(): Promise<void>
}

/**
 * Builds the Electron-free services both hosts mount: first what every feature shares
 * (shops, files, the API client and the activity log it records into), then one feature
 * per screen. A new screen adds one line to `features`.
 */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const { dataDir } = opts
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const logDir = opts.logDir ?? dataDir
  await mkdir(logDir, { recursive: true, mode: 0o700 })
  const secrets = new SecretRegistry()
  const log = createLogger({
    secrets,
    file: join(logDir, 'console.log'),
    console: opts.logToConsole ?? false,
  })
  const events = new EventBus()
  const settings = await SettingsService.open({ dataDir, events })
  const vault = await Vault.open({ dataDir, cipher: opts.cipher ?? null, secrets })
  const shops = await ShopsService.open({ dataDir, vault, events })
  const files = await FileRegistry.open({ dataDir })
  const opened = new OpenedFiles({ files, events, log })
  const activity = await ActivityLog.open({ dataDir, logger: log })
  const api = createApiClient({
    transport: opts.transport ?? ((url, init) => fetch(url, init)),
    credentials: (shop) => shops.credentials(shop),
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
    dataDir,
  }

  const csvDialect = (c?: CsvChoice): CsvDialect =>
    dialectFor(settings.get().language, c?.delimiter)
  const deps: FeatureDeps = { dataDir, api, shops, files, events, log, csvDialect }
  const features = [
    createAppFeature({ info, settings, openExternal: opts.openExternal }),
    createShopsFeature({ shops, api }),
    createActivityFeature({ activity, events, csvDialect }),
    createFilesFeature({ files, opened, pickFiles: opts.pickFiles ?? null }),
    await createImportFeature(deps),
    await createSendsFeature(deps),
    createNpsFeature(deps),
    await createSegmentsFeature(deps),
    await createPromoCodesFeature(deps),
    await createProductsFeature(deps),
    await createNotificationsFeature(deps),
  ] as const

  return {
    router: createRouter(mergeHandlers(features), log.scope('router')),
    events,
    log,
    secrets,
    settings,
    shops,
    api,
    activity,
    files,
    openFiles: async (paths) => void (await opened.open(paths)),
    demoReady,
    async dispose() {
      await demoReady
      // Later features may use earlier ones' services: stop them in reverse.
      for (const feature of [...features].reverse()) await feature.dispose?.()
      await (demo as RunningDemoShop | null)?.close()
    },
  }
}
