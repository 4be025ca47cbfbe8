import { mkdtemp, readFile, rm, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  BulkJournal,
  interruptedRows,
  replayJournal,
} from '../../../src/main/services/sends/bulk-journal'
import { SendLog } from '../../../src/main/services/sends/send-log'

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('bulk journal', () => {
  it('replays the last state of each row; a row left pending is the one caught mid-flight', async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-'))
    const file = join(dir, 'j', 'journal.jsonl')
    const j = await BulkJournal.open(file)
    const t = new Date().toISOString()
    await j.append({ r: 1, s: 'pending', email: 'a@x.io', t })
    await j.append({ r: 1, s: 'sent', code: 'C1', t })
    await j.append({ r: 2, s: 'failed', err: 'INVALID_INPUT', t })
    await j.append({ r: 3, s: 'pending', email: 'c@x.io', t })
    await j.close()
    // A crash mid-append leaves a torn last line.
    await appendFile(file, '{"r":4,"s":"pe')

    const replayed = await replayJournal(file)
    expect(replayed.rows.get(1)).toMatchObject({ s: 'sent', code: 'C1', email: 'a@x.io' })
    expect(replayed.rows.get(2)?.s).toBe('failed')
    expect(replayed.rows.has(4)).toBe(false)
    expect(interruptedRows(replayed).map((r) => r.r)).toEqual([3])
    expect((await readFile(file, 'utf8')).split('\n').length).toBe(5)
  })
})

describe('send log', () => {
  it('masks recipients in lists and reveals them on demand, per shop', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sendlog-'))
    const log = await SendLog.open(dir)
    const e = log.add({
      profileId: 'p1',
      route: 'transact',
      campaign: 'welcome',
      email: 'anna.smith@example.com',
      phone: '79123456789',
      messageCode: 'M1',
      status: 'sent',
      source: 'single',
    })
    const listed = log.list('p1').items[0]
    expect(listed?.email).toBe('a***@e***.com')
    expect(listed?.phone).toBe('79*******89')
    expect(log.list('p2').total).toBe(0)
    expect(log.reveal('p1', e.id)).toEqual({
      email: 'anna.smith@example.com',
      phone: '79123456789',
    })
    expect(log.reveal('p2', e.id)).toBeNull()
    expect(log.exportCsv('p1', {}, false)).not.toContain('anna.smith')
    expect(log.recentCodes('p1', 'transact')).toEqual(['welcome'])
    await log.flush()
    const reopened = await SendLog.open(dir)
    expect(reopened.list('p1', { search: 'welc' }).total).toBe(1)
  })
})
