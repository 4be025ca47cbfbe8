import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The Electron executable if it is on disk, else null. Unlike `require('electron')`, this
 * never starts a download (electron >= 45 downloads lazily on first require).
 */
export function findElectronBinary() {
  let pkgDir
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const full = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(full) ? full : null
}

export function electronInstallScript() {
  return join(
    dirname(createRequire(import.meta.url).resolve('electron/package.json')),
    'install.js',
  )
}
