import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { createCore } from '../../src/main/core'
import { startWebHost } from '../../src/main/web-host/server'
import { channels } from '../../src/shared/contract/channels'
import { compare, type BenchResult } from './harness'
import { exchangeLaunchCode } from '../support/host-links'

/**
 * What the contract costs: a router dispatch against the bare schema parse it wraps,
 * and a browser-host round trip over the WebSocket against a direct dispatch.
 */
export async function ipcBenchmarks(): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pc-bench-'))
  const core = await createCore({
    host: 'browser',
    dataDir,
    productName: 'bench',
    version: '0',
    versions: { node: '', v8: '', electron: null, chrome: null },
    openExternal: async () => undefined,
  })
  const ctx = { host: 'browser' as const, senderId: 'bench' }
  const host = await startWebHost({ core, rendererDir: dataDir, port: 0 })
  const origin = `http://127.0.0.1:${host.port}`
  const cookie = await exchangeLaunchCode(host.launchUrl(), origin)
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { origin, headers: { cookie } })
  await new Promise((r) => ws.once('open', r))
  let id = 0
  const roundTrip = (): Promise<void> =>
    new Promise((resolve) => {
      ws.once('message', () => resolve())
      ws.send(JSON.stringify({ id: ++id, type: 'invoke', channel: 'settings:get', input: {} }))
    })

  const results = [
    await compare(
      'router dispatch (settings:get)',
      () => core.router.dispatch('settings:get', {}, ctx),
      'schema parse only',
      () => channels['settings:get'].input.safeParse({}),
    ),
    await compare('browser-host WebSocket round trip', roundTrip, 'in-process dispatch', () =>
      core.router.dispatch('settings:get', {}, ctx),
    ),
  ]
  ws.close()
  await host.close()
  return results
}
