import { spawn, spawnSync } from 'node:child_process'
import { buildIfNeeded } from './build-if-needed.mjs'
import { electronInstallScript, findElectronBinary } from './electron-binary.mjs'
import { startWebHost } from './start-web.mjs'

/**
 * `npm start`: the Electron app. Electron's binary is fetched on first use; where that is
 * impossible (an offline machine), say so in one line and run the browser host instead.
 */
let binary = findElectronBinary()
if (!binary && process.env.PC_SKIP_ELECTRON_DOWNLOAD !== '1') {
  spawnSync(process.execPath, [electronInstallScript()], { stdio: 'ignore', timeout: 120_000 })
  binary = findElectronBinary()
}

if (!binary) {
  console.log(
    'Electron could not be downloaded on this machine, so PersonaClick Console opens in Chromium instead (browser host).',
  )
  startWebHost(process.argv.slice(2))
} else {
  buildIfNeeded()
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
