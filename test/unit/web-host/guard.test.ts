import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  isAllowedHost,
  isAllowedOrigin,
  parseRequestTarget,
} from '../../../src/main/web-host/guard'
import { readStaticFile } from '../../../src/main/web-host/static-files'

describe('browser host guards', () => {
  it('accepts only loopback Host headers on our port (DNS rebinding)', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true)
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true)
    expect(isAllowedHost('evil.test:4000', 4000)).toBe(false)
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false)
    expect(isAllowedHost(undefined, 4000)).toBe(false)
  })

  it('accepts only our own page as Origin', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true)
    expect(isAllowedOrigin('http://evil.test', 4000)).toBe(false)
    expect(isAllowedOrigin('null', 4000)).toBe(false)
    expect(isAllowedOrigin(undefined, 4000)).toBe(false)
  })

  it('takes only plain paths as request targets, never throwing', () => {
    expect(parseRequestTarget('/ws?token=a')?.pathname).toBe('/ws')
    expect(parseRequestTarget('/%zz')?.pathname).toBe('/%zz')
    for (const target of ['//[', '//[::1', '//evil.test/ws', 'http://[', '*', '', undefined]) {
      expect(parseRequestTarget(target)).toBeNull()
    }
  })

  it('serves files only from inside the renderer folder', async () => {
    const base = await mkdtemp(join(tmpdir(), 'pc-static-'))
    const root = join(base, 'renderer')
    await mkdir(root)
    await writeFile(join(root, 'index.html'), '<h1>ok</h1>')
    await writeFile(join(base, 'secret.txt'), 'nope')
    expect((await readStaticFile(root, '/'))?.contentType).toMatch(/text\/html/)
    expect(await readStaticFile(root, '/../secret.txt')).toBeNull()
    expect(await readStaticFile(root, '/%2e%2e/secret.txt')).toBeNull()
    expect(await readStaticFile(root, '/..%2fsecret.txt')).toBeNull()
    expect(await readStaticFile(root, '/missing.js')).toBeNull()
  })
})
