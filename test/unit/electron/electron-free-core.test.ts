import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

async function walk(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(full)))
    else if (/\.ts$/.test(entry.name)) out.push(full)
  }
  return out
}

describe('process boundaries', () => {
  it('core services in src/main never import electron (only src/main/electron and the entry do)', async () => {
    const files = (await walk('src/main')).filter(
      (f) => !f.startsWith(join('src/main/electron')) && f !== join('src/main/index.ts'),
    )
    expect(files.length).toBeGreaterThan(5)
    for (const f of files) {
      const text = await readFile(f, 'utf8')
      expect(text, f).not.toMatch(/from ['"]electron['"]|require\(['"]electron['"]\)/)
    }
  })

  it('the starter template insecure defaults are absent', async () => {
    const files = [...(await walk('src/main')), ...(await walk('src/preload'))]
    for (const f of files) {
      const text = await readFile(f, 'utf8')
      expect(text, f).not.toMatch(
        /sandbox:\s*false|nodeIntegration:\s*true|contextIsolation:\s*false/,
      )
      // openExternal only behind the allow-list: the entry passes it to openExternalSafely.
      if (/shell\.openExternal\(/.test(text)) expect(f).toBe(join('src/main/index.ts'))
    }
  })
})
