import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const workers = join(root, 'src/main/services/audience-import')

/**
 * Every module a file loads, following relative imports and re-exports that bring values
 * (`import type` and `export type` bring nothing at run time), and the packages they load.
 */
function loaded(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>()
  const packages = new Map<string, string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const text = readFileSync(file, 'utf8')
    const statements = text.matchAll(
      /^(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gms,
    )
    for (const [, spec] of statements) {
      if (!spec!.startsWith('.')) {
        packages.set(spec!, relative(root, file))
        continue
      }
      const base = join(dirname(file), spec!.replace(/\.js$/, ''))
      const found = [`${base}.ts`, join(base, 'index.ts')].find(existsSync)
      if (found) visit(found)
    }
  }
  visit(entry)
  return { files, packages }
}

describe('what the import threads load', () => {
  it.each(['import-worker.ts', 'segment-worker.ts'])(
    '%s loads no schema library (about 12 MiB and 0.1 s a thread)',
    (entry) => {
      const { files, packages } = loaded(join(workers, entry))
      // The walk really followed the checking code.
      expect([...files].some((f) => f.endsWith('row-validator.ts'))).toBe(true)
      expect(packages.has('libphonenumber-js')).toBe(true)
      expect(packages.get('zod')).toBeUndefined()
    },
  )
})
