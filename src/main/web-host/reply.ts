import type { ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { securityHeaders } from './csp'

/** Writes a whole answer; every answer carries the security headers, errors included. */
export function reply(
  res: ServerResponse,
  status: number,
  body?: string | Buffer,
  headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' },
): void {
  res.writeHead(status, { ...headers, ...securityHeaders })
  res.end(body)
}

export function replyJson(res: ServerResponse, status: number, value: unknown): void {
  reply(res, status, JSON.stringify(value), {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
  })
}

/** Ends a raw socket (before or instead of an upgrade) with a minimal HTTP answer. */
export function refuseSocket(socket: Duplex, status: string): void {
  if (socket.writable) {
    const headers = Object.entries(securityHeaders).map(([k, v]) => `${k}: ${v}\r\n`)
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n${headers.join('')}\r\n`)
  }
  socket.destroy()
}
