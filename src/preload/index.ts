import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { channelNames } from '../shared/contract/channels'
import { eventNames } from '../shared/contract/events'
import type { PcBridge } from '../shared/contract/types'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/electron-ipc'

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
