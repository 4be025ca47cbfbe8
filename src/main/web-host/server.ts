import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { TOKEN_PARAM, WS_PATH, webRequestSchema, type WebResponse } from '../../shared/web-protocol'
import type { Core } from '../core'
import { contentSecurityPolicy } from './csp'
import { isAllowedHost, isAllowedOrigin, tokenMatches } from './guard'
import { readStaticFile } from './static-files'
import { handleUpload } from './upload'
import { UPLOAD_PATH } from '../../shared/files'

export interface WebHostOptions {
  core: Core
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** Fixed token for tests; otherwise a fresh random one per launch. */
  token?: string
}

export interface WebHost {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const MAX_MESSAGE_BYTES = 8 * 1024 * 1024

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

/**
 * The browser host: serves the built renderer on loopback and carries the IPC contract
 * over one WebSocket, so the console runs (and is tested) where Electron cannot.
 * Secrets stay in this Node process just as they stay in Electron's main process.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const { core } = opts
  const log = core.log.scope('web-host')
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const root = resolve(opts.rendererDir)
  let port = 0

  const server = createServer((req, res) => {
    void serveFile(req, res)
  })

  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request')
      return
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === UPLOAD_PATH && req.method === 'POST') {
      // Same guard as the socket: our page (Origin) with this launch's token.
      if (
        !isAllowedOrigin(req.headers.origin, port) ||
        !tokenMatches(url.searchParams.get(TOKEN_PARAM), token)
      ) {
        res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden')
        req.resume()
        return
      }
      return handleUpload(req, res, url, core.files)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const file = await readStaticFile(root, req.url ?? '/')
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...securityHeaders }).end('Not found')
      return
    }
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': 'no-store',
      ...securityHeaders,
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  let nextSocket = 1

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const refuse = (status: string, why: string): void => {
      log.warn('refused websocket', { why })
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
    }
    if (url.pathname !== WS_PATH) return refuse('404 Not Found', 'path')
    if (!isAllowedHost(req.headers.host, port)) return refuse('421 Misdirected Request', 'host')
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse('403 Forbidden', 'origin')
    if (!tokenMatches(url.searchParams.get(TOKEN_PARAM), token)) {
      return refuse('403 Forbidden', 'token')
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, `socket-${nextSocket++}`))
  })

  const sockets = new Set<WebSocket>()
  const send = (ws: WebSocket, msg: WebResponse): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg))
  }

  function attach(ws: WebSocket, senderId: string): void {
    sockets.add(ws)
    ws.on('close', () => sockets.delete(ws))
    ws.on('message', (data, isBinary) => {
      void (async () => {
        if (isBinary) return send(ws, { type: 'rejected', reason: 'binary frames are not used' })
        let raw: unknown
        try {
          raw = JSON.parse(data.toString())
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
      })()
    })
  }

  const unsubscribe = core.events.subscribe((event, payload) => {
    for (const ws of sockets) send(ws, { type: 'event', event, payload })
  })

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    // Loopback only: the console is never reachable from another machine.
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
  })
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}#/`
  log.info('browser host listening', { port })

  return {
    url,
    port,
    token,
    async close() {
      unsubscribe()
      for (const ws of sockets) ws.terminate()
      wss.close()
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
