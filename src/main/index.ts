import { app, BrowserWindow, Menu, session, shell } from 'electron'
import { join } from 'node:path'
import { createCore } from './core'
import { registerAppScheme, serveRenderer } from './electron/app-protocol'
import { denyAllPermissions, hardenContents, makeIsOwnUrl } from './electron/hardening'
import { mountFileDrops, pickFiles } from './electron/file-intake'
import { mountIpc } from './electron/ipc-bridge'
import { netTransport } from './electron/net-transport'
import { safeStorageCipher } from './electron/safe-storage-cipher'
import { createMainWindow } from './electron/main-window'
import { contextMenuTemplate } from './electron/context-menu'
import { desktopWords } from './electron/desktop-words'
import { mountSaveDialogs } from './electron/downloads'
import { confirmCloseWithJobs, mountJobFeedback } from './electron/job-feedback'
import { installMenu } from './electron/menu'
import { RunningJobs } from './jobs/running-jobs'
import { mountLowStockNotifications } from './electron/low-stock-notification'
import { listenForOpenWith } from './electron/open-with'
import { product, productIdentity } from './product'

// The Electron host: thin glue that injects Electron's pieces into the core services.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const isOwnUrl = makeIsOwnUrl(devServerUrl)

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const openWith = listenForOpenWith()
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  // Every webContents ever created (including ones we did not create ourselves) is hardened.
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, isOwnUrl))
  // Until the settings are read, the menus speak English.
  let words = desktopWords('en')
  // Cut, copy, paste and select all on right-click, as in every other desktop app.
  app.on('web-contents-created', (_e, contents) =>
    contents.on('context-menu', (_ev, params) => {
      const template = contextMenuTemplate(params, words)
      if (template) Menu.buildFromTemplate(template).popup()
    }),
  )

  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData')
    denyAllPermissions(session.defaultSession, isOwnUrl)
    serveRenderer(join(import.meta.dirname, '../renderer'))

    const core = await createCore({
      host: 'electron',
      dataDir,
      ...productIdentity(),
      // Only reached after the allow-list check in openExternalSafely.
      openExternal: (url) => shell.openExternal(url),
      transport: netTransport,
      cipher: safeStorageCipher,
      pickFiles,
      logToConsole: !app.isPackaged,
      // ~/.config/<app>/logs, ~/Library/Logs/<app>, %APPDATA%\<app>\logs: where support looks.
      logDir: app.getPath('logs'),
    })
    mountIpc(core, isOwnUrl)
    mountFileDrops(core, isOwnUrl)
    mountLowStockNotifications(core)

    const menuActions = {
      send: (command: Parameters<typeof core.events.emit<'app:menu'>>[1]) =>
        core.events.emit('app:menu', command),
      openDataFolder: () => void shell.openPath(dataDir),
      openLogsFolder: () => void shell.openPath(app.getPath('logs')),
      openApiDocs: () => void shell.openExternal('https://docs.personaclick.com/'),
    }
    const applyLanguage = (language: 'en' | 'ru'): void => {
      words = desktopWords(language)
      installMenu(
        words,
        { isMac: process.platform === 'darwin', isDev: !app.isPackaged },
        menuActions,
      )
    }
    applyLanguage(core.settings.get().language)
    core.events.subscribe((event, payload) => {
      if (event === 'settings:changed')
        applyLanguage((payload as { language: 'en' | 'ru' }).language)
    })
    const jobs = new RunningJobs(core.events)
    mountJobFeedback(jobs, () => words)
    mountSaveDialogs(session.defaultSession, isOwnUrl, () => words)

    const open = async (): Promise<BrowserWindow> => {
      const win = await createMainWindow({
        dataDir,
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        devServerUrl,
        isOwnUrl,
        title: product.name,
      })
      win.on('close', (e) => {
        if (!confirmCloseWithJobs(win, jobs, words)) e.preventDefault()
      })
      return win
    }
    await open()
    openWith.ready(core.openFiles)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void open()
    })
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit()
    })
    app.on('will-quit', () => void core.dispose())
  })
}
