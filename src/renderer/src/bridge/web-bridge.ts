import type { ChannelName, EventName, InvokeResult, PcBridge } from '../../../shared/contract/types'
import { keyedFailure } from '../../../shared/errors'
import {
  CLOSE_TOO_BIG,
  MAX_MESSAGE_BYTES,
  SESSION_PATH,
  WS_PATH,
  type WebResponse,
} from '../../../shared/web-protocol'
import { connectionState } from './connection'

/**
 * In the browser host there is no preload: this builds the same `window.pc` over the
 * host's WebSocket, so the rest of the renderer cannot tell the two hosts apart.
 */
export function installWebBridge(): void {
  // The session is an HttpOnly cookie the browser sends with the upgrade by itself.
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`
  const pending = new Map<number, (r: InvokeResult<unknown>) => void>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let socket: WebSocket | null = null
  let opened: Promise<WebSocket> | null = null
  let retryMs = 500

  const lost = (): InvokeResult<never> => ({
    ok: false,
    error: {
      code: 'NETWORK_UNREACHABLE',
      message:
        'The console lost its connection to its host process. Restart it with npm start, then reload.',
    },
  })

  // Said by key so the screen words it; the host would otherwise drop the whole socket.
  const tooLarge = (): InvokeResult<never> => ({
    ok: false,
    error: keyedFailure('NOT_ALLOWED', 'request-too-large', {
      limitMb: MAX_MESSAGE_BYTES / (1024 * 1024),
    }).appError,
  })

  function connect(): Promise<WebSocket> {
    if (opened) return opened
    connectionState.value = 'connecting'
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl)
      ws.onopen = () => {
        socket = ws
        retryMs = 500
        connectionState.value = 'connected'
        resolve(ws)
      }
      ws.onmessage = (e) => {
        const msg = JSON.parse(String(e.data)) as WebResponse
        if (msg.type === 'result') {
          pending.get(msg.id)?.(msg.result as InvokeResult<unknown>)
          pending.delete(msg.id)
        } else if (msg.type === 'event') {
          for (const l of listeners.get(msg.event) ?? []) l(msg.payload)
        }
      }
      ws.onclose = (e) => {
        socket = null
        opened = null
        connectionState.value = 'disconnected'
        const failure = e.code === CLOSE_TOO_BIG ? tooLarge() : lost()
        for (const settle of pending.values()) settle(failure)
        pending.clear()
        reject(new Error('closed'))
        void afterClose()
      }
    })
    return opened
  }
  /**
   * Keep trying in the background so the indicator recovers when the host is back; but a
   * page without a session (a spent or expired launch link) never will: say so and stop.
   */
  async function afterClose(): Promise<void> {
    const session = await fetch(SESSION_PATH, { cache: 'no-store' }).catch(() => null)
    if (session?.status === 401) {
      connectionState.value = 'signedOut'
      return
    }
    setTimeout(() => void connect().catch(() => undefined), retryMs)
    retryMs = Math.min(retryMs * 2, 10_000)
  }
  void connect().catch(() => undefined)

  const pc: PcBridge = {
    async invoke(channel: ChannelName, input: unknown) {
      const id = nextId++
      const message = JSON.stringify({ id, type: 'invoke', channel, input })
      if (new Blob([message]).size > MAX_MESSAGE_BYTES) return tooLarge()
      let ws: WebSocket
      try {
        ws = socket ?? (await connect())
      } catch {
        return lost()
      }
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: InvokeResult<unknown>) => void)
        ws.send(message)
      })
    },
    on(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (p: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (p: unknown) => void)
    },
  } as PcBridge

  Object.defineProperty(window, 'pc', { value: Object.freeze(pc), writable: false })
  // Electron denies new windows in main; in a browser the page has to refuse them itself.
  Object.defineProperty(window, 'open', { value: () => null, writable: false })
}
