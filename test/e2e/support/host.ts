import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export interface RunningHost {
  url: string
  origin: string
  token: string
  port: number
  dataDir: string
  process: ChildProcess
  stop(): Promise<void>
}

/**
 * Starts the built browser host exactly as `npm run start:web` does (without opening a
 * browser), in a fresh data folder, and waits for the line that announces its URL.
 */
export async function startHost(extraArgs: string[] = []): Promise<RunningHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pc-e2e-'))
  const child = spawn(
    process.execPath,
    ['out/main/web-host.js', '--no-open', '--data-dir', dataDir, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const m = line.match(/ready: (http:\/\/\S+)/)
      if (m?.[1]) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)))
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    port: Number(parsed.port),
    dataDir,
    process: child,
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
