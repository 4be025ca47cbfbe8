import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const outputs = [
  'out/main/index.js',
  'out/main/web-host.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
]

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

/** Builds with electron-vite when an output is missing or older than any source file. */
export function buildIfNeeded() {
  const missing = outputs.some((f) => !existsSync(f))
  const stale =
    !missing && newestMtime('src') > Math.min(...outputs.map((f) => statSync(f).mtimeMs))
  if (!missing && !stale) return
  console.log(missing ? 'Building the console (first run)…' : 'Sources changed; rebuilding…')
  const result = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
}
