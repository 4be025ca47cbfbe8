import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core'
import { createTestCore } from '../../support/test-core'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import type { Shop } from '../../../src/shared/shops'

/**
 * A secret with characters that every encoding changes. The API client puts it in a
 * query string, a form body or a JSON body; a proxy in between may echo the request back
 * in its error. Whatever form it arrives in, it must not reach a file, a log, an export or
 * an error the renderer sees.
 */
const SECRET = 'Se/cr+et=K&ey%5 w!th space'
const SHOP_ID = 'redaction-shop'

/** Every way the secret can be spelled on the wire or in an echo of it. */
function spellings(secret: string): string[] {
  const uri = encodeURIComponent(secret)
  const form = new URLSearchParams({ s: secret }).toString().slice(2)
  const json = JSON.stringify(secret).slice(1, -1)
  const forms = [secret, uri, form, json, json.replaceAll('/', '\\/')]
  const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
  return [...new Set([...forms, ...forms.map(lowerHex)])]
}

/** A proxy that refuses every request and quotes it back, the way some gateways do. */
function startEchoingProxy(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://proxy')
      // Some proxies re-encode the query their own way (%20 rather than +).
      const reEncoded = [...url.searchParams]
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&')
      const echo = `${req.method} ${req.url} HTTP/1.1 | ${url.pathname}?${reEncoded} | ${body} | ${body.replaceAll('/', '\\/')}`
      res.writeHead(400, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ status: 'error', message: `Proxy refused: ${echo}` }))
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

let core: Core
let dataDir: string
let sandbox: Sandbox
let proxy: Server
const answers: unknown[] = []

const call = async (channel: string, input: unknown) => {
  const result = (await core.router.dispatch(channel, input, {
    host: 'browser',
    senderId: 'test',
  })) as { ok: boolean; value?: unknown; error?: unknown }
  answers.push(result)
  return result
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, shops: [{ shopId: SHOP_ID, secret: SECRET }] })
  proxy = await startEchoingProxy()
  dataDir = await mkdtemp(join(tmpdir(), 'pc-redaction-'))
  core = await createTestCore({ dataDir, demo: false })
})
afterAll(async () => {
  await core.dispose()
  await sandbox.close()
  await new Promise((r) => proxy.close(r))
})

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name))
  }
  return out
}

describe('the secret is scrubbed in every spelling', () => {
  it('leaves no spelling of it in the data folder, logs, exports or errors', async () => {
    const shopFor = async (label: string, apiHost: string): Promise<Shop> => {
      const saved = await call('shops:save', {
        label,
        apiHost,
        shopId: SHOP_ID,
        secret: SECRET,
        defaultCountry: 'RU',
        timeZone: 'Europe/Moscow',
      })
      expect(saved.ok).toBe(true)
      return saved.value as Shop
    }
    const real = await shopFor('Real', sandbox.url)
    const behindProxy = await shopFor(
      'Behind a proxy',
      `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    )

    for (const shop of [real, behindProxy]) {
      await call('shops:set-active', { id: shop.id })
      // Query string (connection test), JSON bodies (email and SMS sends).
      await call('shops:test-connection', { id: shop.id })
      await call('sends:send', {
        route: 'transact',
        code: 'order_created',
        email: 'ann@example.com',
        variables: { name: 'Ann' },
      })
      await call('sends:send', {
        route: 'sms',
        code: 'sms_one_time_code',
        phone: '+79123456789',
        variables: { otp: '1' },
      })
      // A form-encoded body.
      await core.api
        .call(
          'segments.add',
          { profileId: shop.id },
          {
            segment_id: 1,
            email: 'ann@example.com',
          },
        )
        .catch((err: unknown) => answers.push(err))
    }
    // The calls really happened, both ways: some succeeded, the proxy refused the rest.
    const arrived = sandbox.journal.entries()
    expect(arrived.map((e) => e.secretPlacement)).toEqual(['query', 'body', 'body', 'form'])
    expect(arrived.filter((e) => e.status === 200)).toHaveLength(3)
    expect(JSON.stringify(answers)).toContain('Proxy refused')

    answers.push(await call('activity:export', {}))
    answers.push(await call('sends:log-export', { full: true }))
    answers.push(await call('sends:log-export', { full: false }))
    answers.push(await call('activity:list', {}))
    answers.push(await call('sends:log', {}))

    const hits: string[] = []
    const look = (where: string, text: string) => {
      for (const s of spellings(SECRET)) {
        if (text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1))) {
          hits.push(`${where}: ${s}`)
        }
      }
    }
    for (const file of await filesUnder(dataDir)) look(file, await readFile(file, 'utf8'))
    look('answers and errors', JSON.stringify(answers))
    for (const a of answers)
      if (a instanceof Error) look('thrown error', `${a.message} ${JSON.stringify(a)}`)
    expect(hits).toEqual([])
  })
})
