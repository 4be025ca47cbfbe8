import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { exchangeLaunchCode, hostLinks } from '../support/host-links'
import type { BenchResult } from './harness'

/**
 * A cold launch of the built browser host, as `npm start` does it here: time to the
 * "ready" line (page served) and time until `shops:list` includes the Demo shop.
 */
async function coldStart(): Promise<{ ready: number; demo: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pc-bench-cold-'))
  const started = performance.now()
  const child = spawn(process.execPath, [
    'out/main/web-host.js',
    '--no-open',
    '--data-dir',
    dataDir,
  ])
  try {
    const links = await hostLinks(child)
    const url = new URL(links.address)
    const ready = performance.now() - started
    // The page's first load: its launch link's code becomes the session cookie.
    const cookie = await exchangeLaunchCode(await links.next(), url.origin)
    const ws = new WebSocket(`ws://${url.host}/ws`, { origin: url.origin, headers: { cookie } })
    await new Promise((r) => ws.once('open', r))
    let id = 0
    for (;;) {
      const state = await new Promise<{ value?: { shops: { isDemo: boolean }[] } }>((resolve) => {
        ws.once('message', (d) => resolve((JSON.parse(String(d)) as { result: never }).result))
        ws.send(JSON.stringify({ id: ++id, type: 'invoke', channel: 'shops:list', input: {} }))
      })
      if (state.value?.shops.some((s) => s.isDemo)) break
      await new Promise((r) => setTimeout(r, 10))
    }
    ws.close()
    return { ready, demo: performance.now() - started }
  } finally {
    child.kill()
  }
}

export async function coldStartBenchmarks(): Promise<BenchResult[]> {
  if (!existsSync('out/main/web-host.js')) {
    console.log('cold start skipped: run `npm run build` first')
    return []
  }
  const runs: { ready: number; demo: number }[] = []
  for (let i = 0; i < 5; i++) runs.push(await coldStart())
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const demo = median(runs.map((r) => r.demo))
  const ready = median(runs.map((r) => r.ready))
  console.log(
    `Cold launch: page served after ${ready.toFixed(0)} ms, Demo shop listed after ${demo.toFixed(0)} ms (median of 5; worst ${Math.max(...runs.map((r) => r.demo)).toFixed(0)} ms)`,
  )
  return [
    {
      name: 'cold launch → Demo shop listed',
      baseline: 'cold launch → page served',
      opsPerSec: 1000 / demo,
      baselineOpsPerSec: 1000 / ready,
      ratio: demo / ready,
    },
  ]
}
