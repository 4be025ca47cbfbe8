import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventBus } from '../../../src/main/ipc/event-bus'
import { createLogger } from '../../../src/main/log/logger'
import { SecretRegistry } from '../../../src/main/log/redact'
import { FileRegistry } from '../../../src/main/services/files/file-registry'
import { OpenedFiles, pathsInArgv } from '../../../src/main/services/files/opened-files'

describe('files the OS asks us to open', () => {
  let dir: string
  let opened: OpenedFiles
  let announced: unknown[]
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pc-opened-'))
    const events = new EventBus()
    announced = []
    events.subscribe((event, payload) => announced.push([event, payload]))
    const files = await FileRegistry.open({ dataDir: join(dir, 'data') })
    const log = createLogger({ secrets: new SecretRegistry(), file: join(dir, 'log.txt') })
    opened = new OpenedFiles({ files, events, log })
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('takes the file paths from a command line, not flags or the app itself', () => {
    const packaged = ['/opt/PersonaClick Console/pc', '--no-sandbox', 'export.csv', '/data/b.tsv']
    expect(pathsInArgv(packaged, true, '/home/anna')).toEqual([
      '/home/anna/export.csv',
      '/data/b.tsv',
    ])
    // Unpackaged: Electron's own binary and the app folder come first.
    expect(pathsInArgv(['/usr/bin/electron', '.', 'a.csv'], false, '/w')).toEqual(['/w/a.csv'])
  })

  it('opens readable tables, skips other files, and hands each out once', async () => {
    await writeFile(join(dir, 'export.csv'), 'email\na@example.com\n')
    await writeFile(join(dir, 'photo.png'), 'not a table')
    const got = await opened.open([
      join(dir, 'export.csv'),
      join(dir, 'photo.png'),
      join(dir, 'missing.csv'),
    ])
    expect(got.map((f) => f.name)).toEqual(['export.csv'])
    expect(announced).toEqual([['files:opened', got]])
    expect(opened.take()).toEqual(got)
    expect(opened.take()).toEqual([])
  })
})
