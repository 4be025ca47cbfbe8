import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createCore } from '../core'
import { productIdentity } from '../product'
import { findChromium, openInChromiumApp, openWithDesktop } from './browser-launcher'
import { startWebHost } from './server'

/**
 * `npm run start:web`: the console in Chromium, with main's services in this process.
 * Flags: --port N (default: a free one), --data-dir DIR, --no-open (print a link only),
 * --open FILE (a table to open in the import, as a double-clicked .csv does in the app).
 * Nothing printed or passed on a command line opens the console twice: a launch link's
 * code is spent on first use and expires within a minute; Enter prints a new one.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      open: { type: 'string', multiple: true },
    },
    allowPositionals: false,
  })
  const here = dirname(fileURLToPath(import.meta.url))
  const dataDir = resolve(
    values['data-dir'] ??
      process.env.PC_DATA_DIR ??
      join(
        process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'),
        'personaclick-console',
        'web',
      ),
  )
  const port = values.port ? Number(values.port) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, got "${values.port}".`)
    process.exit(2)
  }
  const noOpen = values['no-open'] === true

  const core = await createCore({
    host: 'browser',
    dataDir,
    ...productIdentity(),
    // With --no-open (tests, servers) links are only logged, never handed to the desktop.
    openExternal: noOpen
      ? async (url) => core.log.info('would open external link', { url })
      : openWithDesktop,
    // No OS keyring from plain Node: secrets stay in this process's memory (said on screen).
    cipher: null,
    logToConsole: false,
  })
  const host = await startWebHost({
    core,
    rendererDir: values['renderer-dir'] ?? join(here, '../renderer'),
    port,
  })

  // Waiting for the first window, like a .csv double-clicked to launch the desktop app.
  await core.openFiles((values.open ?? []).map((p) => resolve(p)))
  console.log(`PersonaClick Console (browser host) is ready: ${host.url}`)
  const printLink = (): void =>
    console.log(`One-time link (opens the console once, within a minute): ${host.launchUrl()}`)
  const chromium = noOpen ? null : findChromium()
  const open = (): void => {
    if (chromium) openInChromiumApp(chromium, host.launchUrl(), dataDir)
    else printLink()
  }
  if (!chromium && !noOpen) console.log('Open the link below in Chromium or Chrome.')
  open()
  console.log('Press Enter here to open the console again (a new one-time link).')
  // Not a terminal interface: Ctrl+C must still reach the process as a signal.
  createInterface({ input: process.stdin, terminal: false }).on('line', open)

  const stop = async (): Promise<void> => {
    await host.close()
    await core.dispose()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

void main().catch((err: unknown) => {
  console.error('The browser host could not start:', err instanceof Error ? err.message : err)
  process.exit(1)
})
