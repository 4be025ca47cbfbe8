import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../../support/random-payload'
import {
  ContractClient,
  frame,
  rawWebSocket,
  sendRaw,
  startHostProcess,
  type HostProcess,
} from './host-process'

/**
 * What a hostile page or local process can throw at the browser host. Whatever arrives,
 * the host must close only the offending connection and keep serving everyone else:
 * it holds running jobs and memory-only secrets.
 */
let host: HostProcess
let client: ContractClient

const MB = 1024 * 1024

beforeAll(async () => {
  host = await startHostProcess()
  client = await ContractClient.open(host)
})
afterAll(async () => {
  client?.close()
  await host?.stop()
})

/** The legitimate call that must keep working after every attack. */
async function stillServes(): Promise<void> {
  expect(host.exited(), `host died:\n${host.stdout()}`).toBe(false)
  expect(await client.invoke('settings:get', {})).toMatchObject({ ok: true })
}

describe('protocol-invalid WebSocket frames', () => {
  const text = Buffer.from('{"id":1}')
  const kinds: Record<string, Buffer> = {
    'RSV1 set without a negotiated extension': frame(0xc1, text),
    'RSV2 and RSV3 set': frame(0xb1, text),
    'an unknown opcode': frame(0x83, text),
    'an unmasked client frame': frame(0x81, text, { masked: false }),
    'a fragmented control frame': frame(0x09, Buffer.from('ping')),
    'a control frame over 125 bytes': frame(0x89, Buffer.alloc(126)),
    'a continuation with nothing to continue': frame(0x80, text),
    'a new message inside a fragmented one': Buffer.concat([frame(0x01, text), frame(0x81, text)]),
    'text that is not UTF-8': frame(0x81, Buffer.from([0xc3, 0x28, 0xff, 0xfe])),
    'a close frame with a reserved code': frame(0x88, Buffer.from([0x03, 0xe7])),
    'a close frame with a one-byte body': frame(0x88, Buffer.from([0x03])),
    'a 64-bit length with its top bit set': frame(0x82, Buffer.alloc(0), {
      declaredLength: 1n << 63n,
    }),
  }
  for (const [kind, bytes] of Object.entries(kinds)) {
    it(`closes only the socket that sent ${kind}`, async () => {
      const { socket, closed } = await rawWebSocket(host)
      socket.resume()
      socket.write(bytes)
      await closed
      await stillServes()
    })
  }
})

describe('oversized WebSocket frames', () => {
  it('refuses a 200 MB frame without buffering it, and stays small', async () => {
    const { socket, closed } = await rawWebSocket(host)
    let open = true
    void closed.then(() => (open = false))
    const chunk = Buffer.alloc(MB)
    socket.write(frame(0x82, Buffer.alloc(0), { declaredLength: BigInt(200 * MB) }))
    for (let sent = 0; sent < 200 && open; sent++) {
      if (!socket.write(chunk)) {
        await Promise.race([new Promise((r) => socket.once('drain', r)), closed])
      }
    }
    socket.destroy()
    await closed
    await stillServes()
    expect(await host.peakRssBytes()).toBeLessThan(400 * MB)
  })

  it('answers an over-limit request from a real client with a close the page can name', async () => {
    const big = await ContractClient.open(host)
    // A send preview whose variable alone is 9 MB: too big for one message.
    const huge = 'x'.repeat(9 * MB)
    await expect(big.invoke('sends:preview', { variables: { body: huge } })).rejects.toThrow(
      /closed/,
    )
    expect(big.closeCode).toBe(1009)
    await stillServes()
  })
})

describe('malformed HTTP requests', () => {
  const requestLines = [
    'GET //[ HTTP/1.1',
    'GET //[::1 HTTP/1.1',
    'GET //[%zz] HTTP/1.1',
    'GET //user:pass@[ HTTP/1.1',
    'GET http://[ HTTP/1.1',
    'GET /%zz%ff HTTP/1.1',
    'POST //[/upload HTTP/1.1',
    'GET //[ HTTP/9.9',
    'GET /ws\u0000 HTTP/1.1',
    'NOT A REQUEST LINE',
  ]
  for (const line of requestLines) {
    it(`survives "${line.replace('\u0000', '\\0')}", also as a WebSocket upgrade`, async () => {
      const headers = await host.authHeaders()
      const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}`)
      await sendRaw(host.port, [line, ...head, '', ''].join('\r\n'))
      await sendRaw(
        host.port,
        [
          line,
          ...head,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      )
      await stillServes()
    })
  }

  it('survives a header section too large to parse', async () => {
    await sendRaw(host.port, `GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`)
    await stillServes()
  })
})

describe('random bytes', () => {
  it('survives 1,000 random byte strings, to HTTP and into an open WebSocket', async () => {
    const rnd = seededRandom(18)
    for (let i = 0; i < 1000; i++) {
      const bytes = randomBytes(1 + Math.floor(rnd() * 2048))
      if (i % 2 === 0) await sendRaw(host.port, bytes, 1000)
      else {
        const { socket, closed } = await rawWebSocket(host)
        socket.resume()
        socket.end(bytes)
        const timer = setTimeout(() => socket.destroy(), 1000)
        await closed
        clearTimeout(timer)
      }
      await stillServes()
    }
    expect(await host.peakRssBytes()).toBeLessThan(400 * MB)
  })
})
