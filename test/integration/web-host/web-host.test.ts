import { mkdtemp, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { Core } from '../../../src/main/core'
import { createTestCore } from '../../support/test-core'
import { startWebHost, type WebHost } from '../../../src/main/web-host/server'
import { randomPayload, seededRandom } from '../../support/random-payload'
import { exchangeLaunchCode } from '../../support/host-links'

let core: Core
let host: WebHost
let dataDir: string
/** The page's session cookie (`name=value`), opened from a launch link in boot(). */
let cookie: string

async function boot(dir?: string): Promise<void> {
  dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'pc-web-')))
  const rendererDir = join(dataDir, 'renderer')
  const { mkdir } = await import('node:fs/promises')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  core = await createTestCore({ dataDir })
  host = await startWebHost({ core, rendererDir, port: 0 })
  cookie = await exchangeLaunchCode(host.launchUrl(), `http://127.0.0.1:${host.port}`)
}

beforeEach(() => boot())
afterEach(async () => {
  await host.close()
  await core.dispose()
})

function connect(opts: { cookie?: string | null; origin?: string; hostHeader?: string } = {}) {
  const sent = opts.cookie === undefined ? cookie : opts.cookie
  return new WebSocket(`ws://127.0.0.1:${host.port}/ws`, {
    origin: opts.origin ?? `http://127.0.0.1:${host.port}`,
    headers: {
      ...(opts.hostHeader ? { host: opts.hostHeader } : {}),
      ...(sent === null ? {} : { cookie: sent }),
    },
  })
}

/** Resolves with the HTTP status of a refused upgrade, or 101 if it was accepted. */
function upgradeStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close()
      resolve(101)
    })
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', () => resolve(-1))
  })
}

class Client {
  private nextId = 1
  private waiting = new Map<number, (v: unknown) => void>()
  readonly other: unknown[] = []
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown }
      if (msg.type === 'result' && msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result)
      else this.other.push(msg)
    })
  }
  static async open(): Promise<Client> {
    const ws = connect()
    await new Promise((r, j) => ws.once('open', r).once('error', j))
    return new Client(ws)
  }
  invoke(channel: unknown, input: unknown): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, resolve)
      this.ws.send(JSON.stringify({ id, type: 'invoke', channel, input }))
    })
  }
  /** Sends anything and waits for whatever comes back next. */
  raw(data: string | Buffer): Promise<unknown> {
    return new Promise((resolve) => {
      this.ws.once('message', (d) => resolve(JSON.parse(String(d))))
      this.ws.send(data)
    })
  }
}

describe('browser host WebSocket guard', () => {
  it('accepts our page with its session cookie', async () => {
    expect(await upgradeStatus(connect())).toBe(101)
  })

  it('refuses a socket without the session cookie or with a wrong one', async () => {
    const name = cookie.split('=')[0]
    expect(await upgradeStatus(connect({ cookie: null }))).toBe(403)
    expect(await upgradeStatus(connect({ cookie: `${name}=guess` }))).toBe(403)
    // Another port's cookie (cookies ignore ports) does not open this host.
    expect(await upgradeStatus(connect({ cookie: cookie.replace(/^pc_session_\d+/, 'x') }))).toBe(
      403,
    )
  })

  it('refuses a foreign Origin even with the session cookie', async () => {
    expect(await upgradeStatus(connect({ origin: 'http://evil.test' }))).toBe(403)
    expect(await upgradeStatus(connect({ origin: 'null' }))).toBe(403)
  })

  it('refuses a rebinding Host header', async () => {
    expect(await upgradeStatus(connect({ hostHeader: `evil.test:${host.port}` }))).toBe(421)
  })

  it('listens on loopback only', () => {
    expect(host.url.startsWith('http://127.0.0.1:')).toBe(true)
  })
})

describe('browser host HTTP', () => {
  function get(
    path: string,
    hostHeader?: string,
  ): Promise<{ status: number; headers: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path,
          headers: { host: hostHeader ?? `127.0.0.1:${host.port}` },
        },
        (res) => {
          res.resume()
          resolve({ status: res.statusCode ?? 0, headers: res.headers })
        },
      )
      req.on('error', reject)
      req.end()
    })
  }

  function send(method: string, path: string) {
    return fetch(`http://127.0.0.1:${host.port}${path}`, { method }).then((res) => ({
      status: res.status,
      headers: Object.fromEntries(res.headers),
    }))
  }

  it('serves the renderer with a strict CSP header', async () => {
    const res = await get('/')
    expect(res.status).toBe(200)
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/)
    expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-eval/)
  })

  it('refuses requests for another host name', async () => {
    expect((await get('/', 'evil.test')).status).toBe(421)
  })

  it('sends the security headers with every answer, refusals included', async () => {
    const answers = [
      await get('/'),
      await get('/no-such-file.js'),
      await get('/', 'evil.test'),
      await get('//['),
      await send('DELETE', '/'),
      await send('POST', '/upload'),
    ]
    expect(answers.map((a) => a.status)).toEqual([200, 404, 421, 400, 405, 403])
    for (const { headers } of answers) {
      expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
      expect(headers['permissions-policy']).toMatch(/camera=\(\)/)
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['referrer-policy']).toBe('no-referrer')
      expect(headers['x-frame-options']).toBe('DENY')
    }
  })
})

describe('contract over the socket', () => {
  it('invokes a channel and pushes the resulting event', async () => {
    const client = await Client.open()
    const result = await client.invoke('settings:update', { theme: 'dark' })
    expect(result).toEqual({ ok: true, value: { language: 'en', theme: 'dark' } })
    await expect
      .poll(() => client.other)
      .toContainEqual({
        type: 'event',
        event: 'settings:changed',
        payload: { language: 'en', theme: 'dark' },
      })
    client.ws.close()
  })

  it('keeps settings across a restart of the host', async () => {
    const client = await Client.open()
    await client.invoke('settings:update', { language: 'ru' })
    client.ws.close()
    await host.close()
    await boot(dataDir)
    const again = await Client.open()
    expect(await again.invoke('settings:get', {})).toEqual({
      ok: true,
      value: { language: 'ru', theme: 'system' },
    })
    again.ws.close()
  })

  it('survives 1,000 random frames with a typed refusal each, then still serves', async () => {
    const client = await Client.open()
    const rnd = seededRandom(46)
    for (let i = 0; i < 1000; i++) {
      const kind = rnd()
      let reply: unknown
      if (kind < 0.2) reply = await client.raw('{not json' + i)
      else if (kind < 0.3) reply = await client.raw(Buffer.from([1, 2, 3, i & 255]))
      else if (kind < 0.5) reply = await client.raw(JSON.stringify(randomPayload(rnd, 3)) ?? 'null')
      else {
        const names = ['settings:get', 'settings:update', 'app:open-external', 'nope', '__proto__']
        const nm = names[Math.floor(rnd() * names.length)]
        const pl = randomPayload(rnd, 3)
        reply = await client.invoke(nm, pl)
      }
      const r = reply as { type?: string; ok?: boolean; error?: { code: string } }
      // Every frame gets an answer: a refusal of the frame, or a contract result.
      expect(r.type === 'rejected' || typeof r.ok === 'boolean').toBe(true)
    }
    expect(await client.invoke('settings:get', {})).toEqual({
      ok: true,
      value: { language: 'en', theme: 'system' },
    })
    client.ws.close()
  })

  it('refuses links off the allow-list through the contract', async () => {
    const client = await Client.open()
    const result = (await client.invoke('app:open-external', { url: 'https://evil.test/' })) as {
      ok: boolean
      error: { code: string }
    }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('NOT_ALLOWED')
    client.ws.close()
  })
})

describe('browser host file upload', () => {
  async function upload(opts: { cookie?: string; origin?: string; name?: string; body?: string }) {
    const url = `http://127.0.0.1:${host.port}/upload?name=${encodeURIComponent(opts.name ?? 'contacts.csv')}`
    return fetch(url, {
      method: 'POST',
      body: opts.body ?? 'email\nann@example.com\n',
      headers: {
        origin: opts.origin ?? `http://127.0.0.1:${host.port}`,
        cookie: opts.cookie ?? cookie,
      },
    })
  }

  it('stores the bytes privately and hands back a handle main can resolve', async () => {
    const res = await upload({ name: '../../etc/passwd' })
    expect(res.status).toBe(200)
    const file = (await res.json()) as { fileId: string; name: string; size: number }
    expect(file.name).toBe('passwd')
    expect(file.size).toBe('email\nann@example.com\n'.length)
    const { readFile } = await import('node:fs/promises')
    const path = core.files.pathOf(file.fileId)
    expect(path.startsWith(join(dataDir, 'uploads'))).toBe(true)
    expect(await readFile(path, 'utf8')).toBe('email\nann@example.com\n')
    const client = await Client.open()
    expect(await client.invoke('files:info', { fileId: file.fileId })).toEqual({
      ok: true,
      value: file,
    })
    await client.invoke('files:forget', { fileId: file.fileId })
    expect(await client.invoke('files:info', { fileId: file.fileId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    client.ws.close()
  })

  it('refuses an upload without the session cookie or from another origin', async () => {
    expect((await upload({ cookie: 'pc=nope' })).status).toBe(403)
    expect((await upload({ origin: 'http://evil.test' })).status).toBe(403)
  })
})
