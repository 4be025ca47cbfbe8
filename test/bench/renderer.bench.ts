import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { hostLinks } from '../support/host-links'
import type { BenchResult } from './harness'

const dir = 'out/renderer'
const assets = join(dir, 'assets')

interface Chunk {
  file: string
  raw: number
  gzip: number
  /** Chunks it imports statically: they load before it runs. */
  imports: string[]
}

function readChunks(): Map<string, Chunk> {
  const chunks = new Map<string, Chunk>()
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(assets, file))
    const text = code.toString('utf8')
    // Static imports only (`import … from"./x.js"`, `import"./x.js"`); `import("./x.js")`
    // loads later, when asked for.
    const imports = [...text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)].map(
      (m) => m[1]!,
    )
    chunks.set(file, { file, raw: code.length, gzip: gzipSync(code).length, imports })
  }
  return chunks
}

/** A chunk and everything it imports statically, transitively. */
function closure(chunks: Map<string, Chunk>, roots: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file) || !chunks.has(file)) return
    seen.add(file)
    for (const next of chunks.get(file)!.imports) visit(next)
  }
  roots.forEach(visit)
  return seen
}

/** The chunk named after a module; none when the build folded it into another chunk. */
const byPrefix = (chunks: Map<string, Chunk>, prefix: string): string[] =>
  [...chunks.keys()].filter((f) => f.startsWith(`${prefix}-`)).slice(0, 1)

const kb = (bytes: number): string => (bytes / 1024).toFixed(1)

/**
 * What the built window loads: every chunk raw and gzip; what index.html loads before any
 * screen (its script and modulepreloads, with their static imports); the first screen
 * (that, the Overview's chunk and the chosen language's catalogue); and what the NPS
 * screen adds before its first paint (its view and its own words).
 */
export function rendererSizes(): {
  startEn: number
  startRu: number
  html: number
  nps: number
  npsDeferred: number
} {
  const chunks = readChunks()
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const loaded = closure(chunks, entry)
  const sum = (files: Iterable<string>): number =>
    [...files].reduce((n, f) => n + chunks.get(f)!.gzip, 0)
  const first = (language: string) =>
    closure(chunks, [...loaded, ...byPrefix(chunks, 'OverviewView'), ...byPrefix(chunks, language)])
  const startEn = first('en')
  // The screen's own words come with it (`i18n/screen-words.ts`): counted in English.
  const nps = [
    ...closure(chunks, [...byPrefix(chunks, 'NpsView'), ...byPrefix(chunks, 'nps.en')]),
  ].filter((f) => !startEn.has(f))
  const explorer = [...closure(chunks, byPrefix(chunks, 'NpsCommentExplorer'))].filter(
    (f) => !startEn.has(f) && !nps.includes(f),
  )

  console.log('Renderer chunks (KB raw / KB gzip; * = loaded by index.html):')
  for (const c of [...chunks.values()].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${loaded.has(c.file) ? '*' : ' '} ${c.file}  ${kb(c.raw)} / ${kb(c.gzip)}`)
  }
  const result = {
    html: sum(loaded),
    startEn: sum(startEn),
    startRu: sum(first('ru')),
    nps: sum(nps),
    npsDeferred: sum(explorer),
  }
  console.log(
    `Before the first screen (KB gzip): index.html ${kb(result.html)}; with the Overview and` +
      ` the English catalogue ${kb(result.startEn)}; with Russian ${kb(result.startRu)}.` +
      ` NPS screen adds ${kb(result.nps)} before its first paint, then ${kb(result.npsDeferred)}` +
      ' for the comment explorer.',
  )
  return result
}

/** A blank page over loopback HTTP: the browser's own cost of a cold navigation. */
async function blankServer(): Promise<{ url: string; close(): void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(
      '<!doctype html><html><head><title>blank</title></head><body><p>blank</p></body></html>',
    )
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() }
}

/**
 * Cold loads in headless Debian Chromium, each in a fresh browser context (empty cache):
 * the built console through the browser host until the Overview is on screen (settings,
 * catalogue and first route loaded, the app mounted), next to a blank page in the same
 * run. Times are read in the page (performance.now() since navigation start).
 */
export async function rendererBenchmarks(): Promise<BenchResult[]> {
  if (!existsSync(join(dir, 'index.html')) || !existsSync('out/main/web-host.js')) {
    console.log('renderer benchmarks skipped: run `npm run build` first')
    return []
  }
  const sizes = rendererSizes()
  const dataDir = await mkdtemp(join(tmpdir(), 'pc-bench-renderer-'))
  const host = spawn(process.execPath, ['out/main/web-host.js', '--no-open', '--data-dir', dataDir])
  const blank = await blankServer()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const links = await hostLinks(host)
    const load = async (url: string, selector: string): Promise<number> => {
      const context = await browser.newContext()
      try {
        const page = await context.newPage()
        await page.goto(url, { waitUntil: 'commit' })
        const at = await page.waitForFunction(
          // Runs in the page; this file is compiled without the DOM's types.
          (s) =>
            (
              globalThis as unknown as { document: { querySelector(s: string): unknown } }
            ).document.querySelector(s)
              ? performance.now()
              : null,
          selector,
          { polling: 'raf', timeout: 30_000 },
        )
        return (await at.jsonValue()) as number
      } finally {
        await context.close()
      }
    }
    // One warm-up each (the host's first answers, Chromium's own start), then alternate.
    await load(blank.url, 'p')
    await load(await links.next(), '[data-testid="view-overview"]')
    const runs = 7
    const console_: number[] = []
    const base: number[] = []
    for (let i = 0; i < runs; i++) {
      base.push(await load(blank.url, 'p'))
      console_.push(await load(await links.next(), '[data-testid="view-overview"]'))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const subject = median(console_)
    const baseline = median(base)
    console.log(
      `Cold load to the first screen: median ${subject.toFixed(0)} ms (worst ${Math.max(...console_).toFixed(0)} ms); blank page ${baseline.toFixed(0)} ms (median of ${runs})`,
    )
    const size = (name: string, bytes: number, target: number): BenchResult => ({
      name,
      baseline: `target ${target} KB gzip`,
      unit: 'KB gzip',
      opsPerSec: bytes / 1024,
      baselineOpsPerSec: target,
      ratio: bytes / 1024 / target,
    })
    return [
      {
        name: 'renderer cold load → first screen (loads/s)',
        baseline: 'blank page cold load',
        opsPerSec: 1000 / subject,
        baselineOpsPerSec: 1000 / baseline,
        ratio: subject / baseline,
      },
      size('renderer JavaScript before the first screen, English', sizes.startEn, 180),
      size('renderer JavaScript before the first screen, Russian', sizes.startRu, 180),
      size('NPS screen JavaScript before its first paint', sizes.nps, 120),
    ]
  } finally {
    await browser.close()
    blank.close()
    host.kill()
  }
}
