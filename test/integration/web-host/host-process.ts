import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { exchangeLaunchCode, hostLinks } from '../../support/host-links'

/**
 * The browser host in a process of its own, started the way `npm run start:web` starts it
 * (from source through tsx), so a crash is seen as an exit rather than taking the test
 * runner down, and its memory is measured apart from the test's own buffers.
 */
export interface HostProcess {
  port: number
  origin: string
  /** The address printed at launch. */
  url: string
  /** A fresh one-time launch link, as a person gets one (Enter on the host's stdin). */
  launchUrl(): Promise<string>
  /** The host's command line, as any local user can read it. */
  argv(): Promise<string>
  /** Headers that authenticate a WebSocket upgrade or an upload as our page. */
  authHeaders(): Promise<Record<string, string>>
  /** The WebSocket path with whatever the page adds to it. */
  wsPath(): Promise<string>
  exited(): boolean
  /** Peak resident memory of the host process so far, in bytes (Linux). */
  peakRssBytes(): Promise<number>
  stdout(): string
  stop(): Promise<void>
}

/**
 * With `chromium`, the host "opens" that program (a stand-in that records its command
 * line) instead of printing links; otherwise it runs with `--no-open`.
 */
export async function startHostProcess(opts: { chromium?: string } = {}): Promise<HostProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'pc-hostile-'))
  const rendererDir = join(dir, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main/web-host/cli.ts',
      ...(opts.chromium ? [] : ['--no-open']),
      '--data-dir',
      join(dir, 'data'),
      '--renderer-dir',
      rendererDir,
    ],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...(opts.chromium ? { CHROMIUM_PATH: opts.chromium } : {}) },
    },
  )
  const links = await hostLinks(child)
  const parsed = new URL(links.address)
  const port = Number(parsed.port)
  const origin = parsed.origin
  let cookie: Promise<string> | null = null
  return {
    port,
    origin,
    url: links.address,
    launchUrl: () => links.next(),
    argv: () => readFile(`/proc/${child.pid}/cmdline`, 'utf8'),
    async authHeaders() {
      // One session for the whole run, opened the way the page opens it.
      cookie ??= links.next().then((link) => exchangeLaunchCode(link, origin))
      return { origin, host: `127.0.0.1:${port}`, cookie: await cookie }
    },
    async wsPath() {
      return '/ws'
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async peakRssBytes() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN)
      return kb * 1024
    },
    stdout: () => links.output(),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await gone
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A contract client over a real WebSocket, as the page's bridge would be. */
export class ContractClient {
  private nextId = 1
  private waiting = new Map<number, (v: unknown) => void>()
  private failures = new Set<(err: Error) => void>()
  /** The close code the host ended this socket with, once it has. */
  closeCode: number | null = null
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown }
      if (msg.type === 'result' && msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result)
    })
    ws.on('error', () => undefined)
    ws.on('close', (code) => {
      this.closeCode = code
      for (const fail of this.failures) fail(new Error(`socket closed (${code})`))
    })
  }
  static async open(host: HostProcess): Promise<ContractClient> {
    const headers = await host.authHeaders()
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${await host.wsPath()}`, {
      origin: headers.origin,
      headers,
    })
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    return new ContractClient(ws)
  }
  invoke(channel: string, input: unknown, timeoutMs = 5000): Promise<unknown> {
    const id = this.nextId++
    if (this.closeCode !== null) return Promise.reject(new Error('socket is closed'))
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer)
        this.waiting.delete(id)
        this.failures.delete(fail)
      }
      const fail = (err: Error): void => {
        done()
        reject(err)
      }
      const timer = setTimeout(() => fail(new Error(`no answer to ${channel}`)), timeoutMs)
      this.failures.add(fail)
      this.waiting.set(id, (v) => {
        done()
        resolve(v)
      })
      this.ws.send(JSON.stringify({ id, type: 'invoke', channel, input }))
    })
  }
  close(): void {
    this.ws.close()
  }
}

/** Opens a raw TCP connection to the host; `closed` settles when either side ends it. */
export function rawConnection(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    socket.on('error', () => undefined)
    const closed = new Promise<void>((r) => socket.once('close', () => r()))
    socket.once('connect', () => resolve({ socket, closed }))
    socket.once('error', reject)
  })
}

/** Writes bytes, half-closes, and waits (bounded) for the host to close the connection. */
export async function sendRaw(port: number, bytes: Buffer | string, waitMs = 2000): Promise<void> {
  const { socket, closed } = await rawConnection(port)
  // Read (and drop) the answer, or the end of the stream is never seen.
  socket.resume()
  socket.end(bytes)
  const timer = setTimeout(() => socket.destroy(), waitMs)
  await closed
  clearTimeout(timer)
}

/**
 * Performs a WebSocket handshake by hand, so the test can then write frames no
 * well-behaved client library would produce.
 */
export async function rawWebSocket(
  host: HostProcess,
): Promise<{ socket: Socket; closed: Promise<void> }> {
  const conn = await rawConnection(host.port)
  const headers = await host.authHeaders()
  const lines = [
    `GET ${await host.wsPath()} HTTP/1.1`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ]
  conn.socket.write(lines.join('\r\n'))
  await new Promise<void>((resolve, reject) => {
    let seen = ''
    const onData = (d: Buffer): void => {
      seen += d.toString('latin1')
      if (!seen.includes('\r\n\r\n')) return
      conn.socket.off('data', onData)
      if (seen.startsWith('HTTP/1.1 101')) resolve()
      else reject(new Error(`upgrade refused: ${seen.split('\r\n')[0]}`))
    }
    conn.socket.on('data', onData)
  })
  return conn
}

/** One client frame: FIN/RSV/opcode byte, a mask unless told otherwise, any length. */
export function frame(
  firstByte: number,
  payload: Buffer,
  opts: { masked?: boolean; declaredLength?: bigint } = {},
): Buffer {
  const masked = opts.masked ?? true
  const len = opts.declaredLength ?? BigInt(payload.length)
  let header: Buffer
  if (len < 126n) header = Buffer.from([firstByte, (masked ? 0x80 : 0) | Number(len)])
  else if (len < 65536n) {
    header = Buffer.alloc(4)
    header[0] = firstByte
    header[1] = (masked ? 0x80 : 0) | 126
    header.writeUInt16BE(Number(len), 2)
  } else {
    header = Buffer.alloc(10)
    header[0] = firstByte
    header[1] = (masked ? 0x80 : 0) | 127
    header.writeBigUInt64BE(len, 2)
  }
  // An all-zero mask leaves the payload readable, which is what the tests want.
  return Buffer.concat([header, masked ? Buffer.alloc(4) : Buffer.alloc(0), payload])
}
