import { BrowserWindow, dialog, ipcMain } from 'electron'
import { z } from 'zod'
import { DROP_CHANNEL } from '../../shared/electron-ipc'
import { fileExtensions, type FilePurpose, type IntakeFile } from '../../shared/files'
import type { Core } from '../core'
import type { IsOwnUrl } from './hardening'

const droppedPaths = z.array(z.string().min(1).max(4096)).min(1).max(20)

/** Files dropped on our window: registered in place and announced to the renderer. */
export function mountFileDrops(core: Core, isOwnUrl: IsOwnUrl): void {
  ipcMain.on(DROP_CHANNEL, (event, raw: unknown) => {
    const frame = event.senderFrame
    const paths = droppedPaths.safeParse(raw)
    if (!frame || frame !== event.sender.mainFrame || !isOwnUrl(frame.url) || !paths.success) return
    void (async () => {
      const files: IntakeFile[] = []
      for (const p of paths.data) {
        try {
          files.push(await core.files.registerPath(p))
        } catch (err) {
          core.log.warn('dropped file unreadable', { error: err })
        }
      }
      if (files.length) core.events.emit('files:dropped', files)
    })()
  })
}

/** The native open dialog, filtered to what the screen asked for. */
export async function pickFiles(purpose: FilePurpose, multiple: boolean): Promise<string[]> {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const extensions = fileExtensions[purpose]
  const options: Electron.OpenDialogOptions = {
    properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: extensions.length ? [{ name: 'Tables', extensions: [...extensions] }] : [],
  }
  const result = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? [] : result.filePaths
}
