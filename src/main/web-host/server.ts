import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { resolve } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import {
  MAX_MESSAGE_BYTES,
  SESSION_PATH,
  WS_PATH,
  webRequestSchema,
  type WebResponse,
} from '../../shared/web-protocol'
import type { Core } from '../core'
import { refuseSocket, reply } from './reply'
import { isAllowedHost, isAllowedOrigin, parseRequestTarget } from './guard'
import { CODE_PARAM, LaunchAuth, readCookie, sessionCookie, sessionCookieName } from './launch'
import { readStaticFile } from './static-files'
import { handleUpload } from './upload'
import { UPLOAD_PATH } from '../../shared/files'

export interface WebHostOptions {
  core: Core
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
}

export interface WebHost {
  /** The console's address; it opens only in a browser that already has a session. */
  url: string
  port: number
  /** A one-time launch link: its code opens a session once, within a minute. */
  launchUrl(): string
  close(): Promise<void>
}

/**
 * The browser host: serves the built renderer on loopback and carries the IPC contract
 * over one WebSocket, so the console runs (and is tested) where Electron cannot.
 * Secrets stay in this Node process just as they stay in Electron's main process, so
 * nothing a connection sends may bring the process down: every parse error and socket
 * error ends that one connection and is logged.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const { core } = opts
  const log = core.log.scope('web-host')
  const auth = new LaunchAuth()
  const root = resolve(opts.rendererDir)
  let port = 0
  let cookieName = ''
  /** The live session a request's cookie opens (its key), or null. */
  const sessionOf = (req: IncomingMessage): string | null =>
    auth.session(readCookie(req.headers.cookie, cookieName))

  const server = createServer((req, res) => {
    serveHttp(req, res).catch((err: unknown) => {
      log.error('request failed', { error: String(err) })
      if (!res.headersSent) reply(res, 500, 'Internal error')
      else res.destroy()
    })
  })
  // Malformed request lines and headers never reach a handler; Node reports them here.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    log.warn('refused malformed request', { code: err.code ?? 'unknown' })
    refuseSocket(socket, err.code === 'HPE_HEADER_OVERFLOW' ? '431 Too Large' : '400 Bad Request')
  })

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return reply(res, 421, 'Misdirected request')
    const url = parseRequestTarget(req.url)
    if (!url) return reply(res, 400, 'Bad request')
    if (url.pathname === UPLOAD_PATH && req.method === 'POST') {
      // Same guard as the socket: our page (Origin) in a live session (cookie).
      if (!isAllowedOrigin(req.headers.origin, port) || !sessionOf(req)) {
        req.resume()
        return reply(res, 403, 'Forbidden')
      }
      return handleUpload(req, res, url, core.files)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume()
      return reply(res, 405, undefined, { Allow: 'GET, HEAD' })
    }
    const code = url.searchParams.get(CODE_PARAM)
    if (code !== null && req.method === 'GET') return openSession(req, res, code)
    // Lets the page tell "signed out" from "host stopped": a refused upgrade has no status.
    if (url.pathname === SESSION_PATH) return reply(res, sessionOf(req) ? 204 : 401)
    const file = await readStaticFile(root, url.pathname)
    if (!file) return reply(res, 404, 'Not found')
    reply(res, 200, req.method === 'HEAD' ? undefined : file.body, {
      'Content-Type': file.contentType,
      'Cache-Control': 'no-store',
    })
  }

  /**
   * `GET /?code=…`: a fresh code becomes a session cookie; then 303 to `/`, so the spent
   * code leaves the address bar (a reload works). A refused code also lands on `/`
   * without a cookie, where the page says how to get a new link.
   */
  function openSession(req: IncomingMessage, res: ServerResponse, code: string): void {
    const outcome = auth.redeem(code, sessionOf(req))
    const headers: Record<string, string> = { Location: '/', 'Cache-Control': 'no-store' }
    if (outcome.kind === 'session') {
      headers['Set-Cookie'] = sessionCookie(cookieName, outcome.session)
      log.info('launch code exchanged for a session')
    } else log.warn('refused launch code', { reason: outcome.reason })
    reply(res, 303, undefined, headers)
  }

  // A frame over the limit is refused from its header, before its payload is buffered:
  // ws closes that socket with 1009, which the page's bridge words for the marketer.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  let nextSocket = 1

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', (err) => log.warn('socket error before upgrade', { error: err.message }))
    const refuse = (status: string, why: string): void => {
      log.warn('refused websocket', { why })
      refuseSocket(socket, status)
    }
    if (!isAllowedHost(req.headers.host, port)) return refuse('421 Misdirected Request', 'host')
    const url = parseRequestTarget(req.url)
    if (!url) return refuse('400 Bad Request', 'target')
    if (url.pathname !== WS_PATH) return refuse('404 Not Found', 'path')
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse('403 Forbidden', 'origin')
    const session = sessionOf(req)
    if (!session) return refuse('403 Forbidden', 'session')
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, `socket-${nextSocket++}`, session))
  })

  const sockets = new Set<WebSocket>()
  const sessionOfSocket = new WeakMap<WebSocket, string>()
  // A session ended because its launch code leaked: its sockets go with it.
  auth.onSessionEnded((session) => {
    for (const ws of sockets) if (sessionOfSocket.get(ws) === session) ws.close(1008)
  })
  const send = (ws: WebSocket, msg: WebResponse): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg))
  }

  function attach(ws: WebSocket, senderId: string, session: string): void {
    sockets.add(ws)
    sessionOfSocket.set(ws, session)
    ws.on('close', () => sockets.delete(ws))
    // Invalid frames, oversized frames and resets: ws has already closed the socket with
    // the right status; an unhandled 'error' here would end the whole process.
    ws.on('error', (err: Error & { code?: string }) => {
      log.warn('websocket closed on error', { senderId, code: err.code ?? err.message })
    })
    ws.on('message', (data, isBinary) => {
      void answer(ws, senderId, data.toString(), isBinary).catch((err: unknown) => {
        log.error('websocket message failed', { senderId, error: String(err) })
      })
    })
  }

  async function answer(ws: WebSocket, senderId: string, text: string, isBinary: boolean) {
    if (isBinary) return send(ws, { type: 'rejected', reason: 'binary frames are not used' })
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return send(ws, { type: 'rejected', reason: 'not JSON' })
    }
    const req = webRequestSchema.safeParse(raw)
    if (!req.success) {
      // Answer by id when there is one, so a caller is never left waiting forever.
      const id = (raw as { id?: unknown } | null)?.id
      if (typeof id === 'number' && Number.isSafeInteger(id)) {
        const error = { code: 'INVALID_INPUT', message: 'Malformed request.' } as const
        return send(ws, { type: 'result', id, result: { ok: false, error } })
      }
      return send(ws, { type: 'rejected', reason: 'not a request' })
    }
    const result = await core.router.dispatch(req.data.channel, req.data.input, {
      host: 'browser',
      senderId,
    })
    send(ws, { type: 'result', id: req.data.id, result })
  }

  const unsubscribe = core.events.subscribe((event, payload) => {
    for (const ws of sockets) send(ws, { type: 'event', event, payload })
  })

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    // Loopback only: the console is never reachable from another machine.
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
  })
  server.on('error', (err) => log.error('browser host server error', { error: err.message }))
  port = (server.address() as AddressInfo).port
  cookieName = sessionCookieName(port)
  const url = `http://127.0.0.1:${port}/`
  log.info('browser host listening', { port })

  return {
    url,
    port,
    launchUrl: () => `${url}?${CODE_PARAM}=${auth.issueCode()}`,
    async close() {
      unsubscribe()
      for (const ws of sockets) ws.terminate()
      wss.close()
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
