import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TextOut } from '../../../src/main/services/audience-import/merge'

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the checked rows file', () => {
  it('holds every write, in order, once closed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'text-out-'))
    const out = new TextOut(join(dir, 'rows.jsonl'))
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `{"row":${i},"pad":"${'x'.repeat(500)}"}\n`,
    )
    for (const line of lines) await out.write(line)
    await out.write(new TextEncoder().encode('{"last":true}\n'))
    await out.close()
    expect(await readFile(join(dir, 'rows.jsonl'), 'utf8')).toBe(lines.join('') + '{"last":true}\n')
  })

  it('a file that cannot be written fails the check instead of ending the thread', async () => {
    const out = new TextOut(join(tmpdir(), 'no-such-folder-' + process.pid, 'rows.jsonl'))
    const writing = (async () => {
      for (let i = 0; i < 50; i++) await out.write('x'.repeat(100_000))
      await out.close()
    })()
    await expect(writing).rejects.toThrow(/ENOENT/)
  })
})
