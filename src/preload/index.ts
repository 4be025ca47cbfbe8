import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { channelNames } from '../shared/contract/channels'
import { eventNames } from '../shared/contract/events'
import type { PcBridge } from '../shared/contract/types'
import { DROP_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/electron-ipc'

const allowedChannels = new Set<string>(channelNames)
const allowedEvents = new Set<string>(eventNames)

/** Exactly one object on window: invoke for the contract's channels, on for its events. */
const pc: PcBridge = {
  invoke(channel, input) {
    if (!allowedChannels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel)}` },
      })
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input)
  },
  on(event, listener) {
    if (!allowedEvents.has(event)) throw new Error(`Unknown event ${String(event)}`)
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) (listener as (p: unknown) => void)(payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('pc', pc)

// A page cannot learn a dropped file's path; only the preload can (webUtils). It tells
// main, which registers the file and announces it with the contract's files:dropped
// event, so window.pc stays exactly invoke + on.
window.addEventListener(
  'drop',
  (e) => {
    const paths = [...(e.dataTransfer?.files ?? [])]
      .map((f) => webUtils.getPathForFile(f))
      .filter((p) => p.length > 0)
    if (paths.length) ipcRenderer.send(DROP_CHANNEL, paths)
  },
  true,
)
