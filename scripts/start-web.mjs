import { spawn } from 'node:child_process'
import { buildIfNeeded } from './build-if-needed.mjs'

/** `npm run start:web [-- --port N --no-open]`: the console in Chromium, main in Node. */
export function startWebHost(args = process.argv.slice(2)) {
  buildIfNeeded()
  const child = spawn(process.execPath, ['out/main/web-host.js', ...args], { stdio: 'inherit' })
  const forward = (signal) => child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  child.on('exit', (code) => process.exit(code ?? 0))
}

if (import.meta.url === `file://${process.argv[1]}`) startWebHost()
