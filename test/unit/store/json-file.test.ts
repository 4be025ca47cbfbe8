import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readJsonFile, writeJsonFile } from '../../../src/main/store/json-file'
import { defaultSettings, settingsSchema } from '../../../src/shared/settings'

describe('json store', () => {
  it('round-trips a value, private to the user', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-store-'))
    const path = join(dir, 'settings.json')
    await writeJsonFile(path, { language: 'ru', theme: 'dark' })
    expect(await readJsonFile(path, settingsSchema, defaultSettings)).toEqual({
      language: 'ru',
      theme: 'dark',
    })
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('many writes at once all succeed and leave one whole file (two uploads in one ms)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-store-'))
    const path = join(dir, 'files.json')
    const writes = Array.from({ length: 25 }, (_, i) => writeJsonFile(path, { n: i }))
    await expect(Promise.all(writes)).resolves.toHaveLength(25)
    expect(JSON.parse(await readFile(path, 'utf8'))).toHaveProperty('n')
    expect(await readdir(dir)).toEqual(['files.json'])
  })

  it('falls back on a corrupt or invalid file instead of failing to start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-store-'))
    const path = join(dir, 'settings.json')
    await writeFile(path, '{ half a file')
    expect(await readJsonFile(path, settingsSchema, defaultSettings)).toEqual(defaultSettings)
    await writeFile(path, JSON.stringify({ language: 'klingon' }))
    expect(await readJsonFile(path, settingsSchema, defaultSettings)).toEqual(defaultSettings)
    expect(await readJsonFile(join(dir, 'missing.json'), settingsSchema, defaultSettings)).toEqual(
      defaultSettings,
    )
  })

  it('leaves no temp files behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-store-'))
    const path = join(dir, 'a.json')
    await writeJsonFile(path, { n: 1 })
    await writeJsonFile(path, { n: 2 })
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 2 })
    const { readdir } = await import('node:fs/promises')
    expect(await readdir(dir)).toEqual(['a.json'])
  })
})
