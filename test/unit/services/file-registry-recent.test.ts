import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FileRegistry } from '../../../src/main/services/files/file-registry'

describe('recent files', () => {
  let dir: string
  let files: FileRegistry
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pc-recent-'))
    files = await FileRegistry.open({ dataDir: join(dir, 'data') })
  })
  afterEach(async () => {
    vi.useRealTimers()
    await rm(dir, { recursive: true, force: true })
  })

  async function handOver(name: string, body: string, at: string): Promise<string> {
    vi.useFakeTimers({ now: new Date(at), toFake: ['Date'] })
    await writeFile(join(dir, name), body)
    const f = await files.registerPath(join(dir, name))
    vi.useRealTimers()
    return f.fileId
  }

  it('lists tables newest first, once each, leaving out other kinds and files gone since', async () => {
    await handOver('old.csv', 'email\na@example.com\n', '2026-01-01T10:00:00Z')
    await handOver('photo.png', 'not a table', '2026-01-02T10:00:00Z')
    await handOver('gone.tsv', 'email\n', '2026-01-03T10:00:00Z')
    await rm(join(dir, 'gone.tsv'))
    await handOver('old.csv', 'email\na@example.com\n', '2026-01-04T10:00:00Z')
    await handOver('new.TXT', 'email\nb@example.com\n', '2026-01-05T10:00:00Z')

    const recent = await files.recent('table', 8)
    expect(recent.map((f) => [f.name, f.addedAt])).toEqual([
      ['new.TXT', '2026-01-05T10:00:00.000Z'],
      ['old.csv', '2026-01-04T10:00:00.000Z'],
    ])
    expect(files.info(recent[1]!.fileId).name).toBe('old.csv')
    expect(await files.recent('table', 1)).toHaveLength(1)
  })

  it('offers a file saved over since with its size as it is now', async () => {
    await handOver('list.csv', 'email\n', '2026-02-01T10:00:00Z')
    await writeFile(join(dir, 'list.csv'), 'email\nlonger@example.com\n')
    const [f] = await files.recent('table', 8)
    expect(f?.size).toBe('email\nlonger@example.com\n'.length)
    expect(files.info(f!.fileId).size).toBe(f?.size)
  })
})
