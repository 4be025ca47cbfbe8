import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JobRunner } from '../../../src/main/jobs/runner'
import { bulkKind } from '../../../src/main/services/sends/bulk-kind'
import type { BulkJobConfig } from '../../../src/main/services/sends/bulk-rows'
import { SendLog } from '../../../src/main/services/sends/send-log'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('bulk journal', () => {
  it('replays the last state of each row; a row left pending after a crash ends unknown, kept', async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-'))
    const file = join(dir, 'j', 'journal.jsonl')
    const t = new Date().toISOString()
    // A journal as a job killed mid-send leaves it, torn last line included.
    const lines = [
      { r: 1, s: 'pending', email: 'a@x.io', t },
      { r: 1, s: 'sent', code: 'C1', t },
      { r: 2, s: 'failed', err: 'INVALID_INPUT', t },
      { ctl: 'rate', rate: 7, t },
      { r: 3, s: 'pending', email: 'c@x.io', t },
    ]
    await mkdir(join(dir, 'j'))
    await writeFile(file, lines.map((l) => JSON.stringify(l) + '\n').join('') + '{"r":4,"s":"pe')

    const kind = bulkKind({} as BulkJobConfig, {} as never)
    const { runner, caught, controls } = await JobRunner.open(file, kind)
    expect(runner.units.get(1)).toMatchObject({ s: 'sent', code: 'C1', email: 'a@x.io' })
    expect(runner.units.get(2)?.s).toBe('failed')
    expect(runner.units.has(4)).toBe(false)
    expect(caught.map((r) => [r.r, r.s, r.email, r.err])).toEqual([
      [3, 'unknown', 'c@x.io', 'OUTCOME_UNKNOWN'],
    ])
    expect(runner).toMatchObject({ status: 'paused', interrupted: true })
    expect(controls.find((c) => c.ctl === 'rate')?.rate).toBe(7)
    // The settlement is journalled on its own line: a second replay agrees and adds nothing.
    const text = await readFile(file, 'utf8')
    expect(JSON.parse(text.split('\n').at(-2)!)).toMatchObject({ r: 3, s: 'unknown' })
    const again = await JobRunner.open(file, kind)
    expect(again.caught).toEqual([])
    expect(again.runner.units.get(3)?.s).toBe('unknown')
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
    expect(log.exportCsv('p1', {}, false, PLAIN_CSV)).not.toContain('anna.smith')
    expect(log.recentCodes('p1', 'transact')).toEqual(['welcome'])
    await log.flush()
    const reopened = await SendLog.open(dir)
    expect(reopened.list('p1', { search: 'welc' }).total).toBe(1)
  })
})
