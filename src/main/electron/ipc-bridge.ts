import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/electron-ipc'
import type { Core } from '../core'
import type { IsOwnUrl } from './hardening'

/**
 * Mounts the router on Electron IPC. Only the top frame of one of our own pages may
 * call; an iframe (message previews) or a foreign page gets FORBIDDEN_SENDER.
 */
export function mountIpc(core: Core, isOwnUrl: IsOwnUrl): () => void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
      const frame = event.senderFrame
      if (!frame || frame !== event.sender.mainFrame || !isOwnUrl(frame.url)) {
        core.log.warn('rejected IPC from a foreign frame', { url: frame?.url ?? null })
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'This page may not talk to the console.' },
        }
      }
      return core.router.dispatch(channel, input, {
        host: 'electron',
        senderId: String(event.sender.id),
      })
    },
  )
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const wc of webContents.getAllWebContents()) {
      if (!wc.isDestroyed() && isOwnUrl(wc.getURL())) wc.send(EVENT_CHANNEL, name, payload)
    }
  })
  return () => {
    unsubscribe()
    ipcMain.removeHandler(INVOKE_CHANNEL)
  }
}
