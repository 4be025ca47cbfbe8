import { Menu } from 'electron'
import type { DesktopWords } from './desktop-words'
import { menuTemplate, type MenuActions } from './menu-template'

export function installMenu(
  w: DesktopWords,
  opts: { isMac: boolean; isDev: boolean },
  actions: MenuActions,
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(w, opts, actions)))
}
