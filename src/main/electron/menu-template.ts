import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/menu'
import { screens } from '../../renderer/src/router/screens'
import type { DesktopWords } from './desktop-words'

export interface MenuActions {
  send(command: MenuCommand): void
  openDataFolder(): void
  openLogsFolder(): void
  openApiDocs(): void
}

/**
 * The native menu in the marketer's language: every screen under Go with Ctrl/Cmd+1…9
 * for the first nine (the sidebar's order), Check connection, the data and logs folders,
 * the usual editing and view commands, and the API documentation under Help.
 */
export function menuTemplate(
  w: DesktopWords,
  opts: { isMac: boolean; isDev: boolean },
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const m = w.menu
  const go: MenuItemConstructorOptions[] = screens.map((s, i) => ({
    label: w.nav[s.name as keyof DesktopWords['nav']],
    accelerator: i < 9 ? `CmdOrCtrl+${i + 1}` : undefined,
    click: () => actions.send({ command: 'navigate', screen: s.name }),
  }))
  return [
    ...(opts.isMac ? [{ label: w.appName, role: 'appMenu' as const }] : []),
    {
      label: m.file,
      submenu: [
        {
          label: m.checkConnection,
          accelerator: 'CmdOrCtrl+Shift+K',
          click: () => actions.send({ command: 'check-connection' }),
        },
        { type: 'separator' },
        { label: m.openDataFolder, click: actions.openDataFolder },
        { label: m.openLogsFolder, click: actions.openLogsFolder },
        ...(opts.isMac
          ? []
          : [{ type: 'separator' as const }, { label: m.quit, role: 'quit' as const }]),
      ],
    },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        { type: 'separator' },
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
      ],
    },
    { label: m.go, submenu: go },
    {
      label: m.view,
      submenu: [
        { label: m.reload, role: 'reload' },
        ...(opts.isDev ? [{ label: m.devTools, role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { label: m.actualSize, role: 'resetZoom' },
        { label: m.zoomIn, role: 'zoomIn' },
        { label: m.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: m.fullScreen, role: 'togglefullscreen' },
      ],
    },
    { label: m.window, submenu: [{ label: m.minimize, role: 'minimize' }] },
    { label: m.help, submenu: [{ label: m.apiDocs, click: actions.openApiDocs }] },
  ]
}
