import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** `CHROMIUM_PATH` first (as for the e2e tests), then the usual Debian names. */
export function findChromium(): string | null {
  const chosen = process.env.CHROMIUM_PATH
  return [...(chosen ? [chosen] : []), ...candidates].find((p) => existsSync(p)) ?? null
}

/**
 * Opens the console in Chromium's app mode (no tabs or address bar), with a profile of
 * its own so the session cookie never lands in the user's everyday browser. The launch
 * link on Chromium's command line carries a one-time code, spent on the first load.
 */
export function openInChromiumApp(binary: string, url: string, dataDir: string): void {
  const args = [
    `--app=${url}`,
    `--user-data-dir=${join(dataDir, 'browser-profile')}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ]
  // Chromium refuses to start as root with its own sandbox; containers often run as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  const child = spawn(binary, args, { detached: true, stdio: 'ignore' })
  child.on('error', () => undefined)
  child.unref()
}

/** Opens an allow-listed https link with the desktop's default handler. */
export async function openWithDesktop(url: string): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const child = spawn('xdg-open', [url], { detached: true, stdio: 'ignore' })
    child.once('error', fail)
    child.once('spawn', () => {
      child.unref()
      ok()
    })
  })
}
