import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hostLinks } from '../../support/host-links'

export interface RunningHost {
  /** The console's address; opens in a page that already has a session (see `launchUrl`). */
  url: string
  origin: string
  port: number
  dataDir: string
  process: ChildProcess
  /** A fresh one-time launch link: a new page or browser context starts here. */
  launchUrl(): Promise<string>
  stop(): Promise<void>
}

/**
 * Starts the built browser host exactly as `npm run start:web` does (without opening a
 * browser), in a fresh data folder, and waits until it is ready.
 */
export async function startHost(extraArgs: string[] = []): Promise<RunningHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pc-e2e-'))
  const child = spawn(
    process.execPath,
    ['out/main/web-host.js', '--no-open', '--data-dir', dataDir, ...extraArgs],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  )
  const links = await hostLinks(child)
  const parsed = new URL(links.address)
  return {
    url: `${parsed.origin}/#/`,
    origin: parsed.origin,
    port: Number(parsed.port),
    dataDir,
    process: child,
    launchUrl: async () => `${await links.next()}#/`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
