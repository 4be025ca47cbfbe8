import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import type { Core } from '../../../src/main/core'
import { createTestCore } from '../../support/test-core'
import { startWebHost, type WebHost } from '../../../src/main/web-host/server'
import type { PcBridge } from '../../../src/shared/contract/types'
import { exchangeLaunchCode } from '../../support/host-links'

/**
 * The page's bridge against a real browser host: what the marketer's screen gets back
 * when a request is too large for one message.
 */
let core: Core
let host: WebHost
let pc: PcBridge

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'pc-bridge-'))
  const rendererDir = join(dataDir, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>')
  core = await createTestCore({ dataDir })
  host = await startWebHost({ core, rendererDir, port: 0 })
  const page = new URL(host.url)
  const cookie = await exchangeLaunchCode(host.launchUrl(), page.origin)
  // What a browser provides the page: its address, and a WebSocket that sends our Origin
  // and the session cookie.
  vi.stubGlobal('location', page)
  vi.stubGlobal('window', globalThis)
  vi.stubGlobal(
    'WebSocket',
    class extends WebSocket {
      constructor(url: string) {
        super(url, { origin: page.origin, headers: { cookie } })
      }
    },
  )
  // Page code (DOM types): loaded by path so this Node-typed test compiles on its own.
  const bridge = '../../../src/renderer/src/bridge/web-bridge'
  const { installWebBridge } = (await import(/* @vite-ignore */ bridge)) as {
    installWebBridge(): void
  }
  installWebBridge()
  pc = (globalThis as unknown as { pc: PcBridge }).pc
})
afterAll(async () => {
  vi.unstubAllGlobals()
  await host.close()
  await core.dispose()
})

describe('web bridge and the message size limit', () => {
  it('answers an oversized request with a keyed failure and keeps the connection', async () => {
    const draft = { variables: { body: 'x'.repeat(9 * 1024 * 1024) } }
    const result = await pc.invoke('sends:preview', draft as never)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', details: { messageKey: 'request-too-large', limitMb: 8 } },
    })
    expect(await pc.invoke('settings:get', {})).toMatchObject({ ok: true })
  })
})
