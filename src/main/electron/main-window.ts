import { BrowserWindow, screen } from 'electron'
import { join } from 'node:path'
import { readJsonFile, writeJsonFile } from '../store/json-file'
import { APP_ORIGIN, hardenContents, type IsOwnUrl } from './hardening'
import { secureWebPreferences } from './web-preferences'
import { defaultWindowState, restoreBounds, windowStateSchema } from './window-state'

export interface MainWindowOptions {
  dataDir: string
  preloadPath: string
  devServerUrl: string | undefined
  isOwnUrl: IsOwnUrl
  title: string
}

/** The one window factory: every window is built with the same hardening. */
export async function createMainWindow(opts: MainWindowOptions): Promise<BrowserWindow> {
  const statePath = join(opts.dataDir, 'window-state.json')
  const saved = await readJsonFile(statePath, windowStateSchema, defaultWindowState)
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: opts.title,
    webPreferences: secureWebPreferences(opts.preloadPath),
  })
  hardenContents(win.webContents, opts.isOwnUrl)
  if (bounds.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  const remember = (): void => {
    const b = win.getNormalBounds()
    void writeJsonFile(statePath, { ...b, maximized: win.isMaximized() })
  }
  win.on('close', remember)

  // Never a remote URL: the built files over app://, or the local dev server in development.
  await win.loadURL(opts.devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}
