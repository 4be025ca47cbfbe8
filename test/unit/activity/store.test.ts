import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ActivityLog, activityHook } from '../../../src/main/services/activity'
import type { ApiCallRecord } from '../../../src/main/api/types'
import { PLAIN_CSV } from '../../../src/main/services/files/csv'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'activity-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

let n = 0
function rec(over: Partial<ApiCallRecord> = {}): ApiCallRecord {
  n++
  return {
    time: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    profileId: 'p1',
    shopId: 's1',
    method: 'GET',
    path: '/nps/reviews',
    endpoint: 'nps.reviews',
    status: 200,
    outcome: 'ok',
    durationMs: 12,
    bytes: 100,
    retries: 0,
    params: { shop_id: 's1', shop_secret: '[redacted]' },
    ...over,
  }
}

describe('ActivityLog', () => {
  it('lists newest first with filters and paging', async () => {
    const log = await ActivityLog.open({ dataDir: dir })
    log.append(rec({ path: '/segments/add' }))
    log.append(rec({ profileId: 'p2' }))
    log.append(rec({ outcome: 'error', status: 503, errorCode: 'API_UNAVAILABLE' }))
    log.append(rec({ outcome: 'unknown', status: null, path: '/transact' }))
    expect(log.list().items.map((r) => r.path)).toEqual([
      '/transact',
      '/nps/reviews',
      '/nps/reviews',
      '/segments/add',
    ])
    expect(log.list({ profileId: 'p2' }).total).toBe(1)
    expect(log.list({ status: 'error' }).items[0]?.errorCode).toBe('API_UNAVAILABLE')
    expect(log.list({ status: 503 }).total).toBe(1)
    expect(log.list({ status: 'unknown' }).items[0]?.path).toBe('/transact')
    expect(log.list({ pathContains: 'SEGMENTS' }).total).toBe(1)
    const page = log.list({ limit: 2, offset: 1 })
    expect(page.total).toBe(4)
    expect(page.items.map((r) => r.path)).toEqual(['/nps/reviews', '/nps/reviews'])
    await log.flush()
  })

  it('persists as JSON lines and reloads on start, skipping broken lines', async () => {
    const a = await ActivityLog.open({ dataDir: dir })
    const first = a.append(rec())
    a.append(rec({ path: '/profile' }))
    await a.flush()
    const file = join(dir, 'activity.jsonl')
    const text = await readFile(file, 'utf8')
    expect(text.trim().split('\n')).toHaveLength(2)
    // A crash mid-write leaves half a line.
    await writeFile(file, text + '{"id":"half', { flag: 'w' })
    const b = await ActivityLog.open({ dataDir: dir })
    expect(b.list().items.map((r) => r.id)).toEqual([expect.any(String), first.id])
    expect(b.list().items[0]?.path).toBe('/profile')
  })

  it('keeps only the newest records in memory and compacts the file', async () => {
    const log = await ActivityLog.open({ dataDir: dir, capacity: 5 })
    for (let i = 0; i < 30; i++) {
      log.append(rec({ path: `/p/${i}` }))
      if (i % 4 === 0) await log.flush()
    }
    await log.flush()
    expect(log.list().total).toBe(5)
    expect(log.list().items[0]?.path).toBe('/p/29')
    const lines = (await readFile(log.file, 'utf8')).trim().split('\n')
    expect(lines.length).toBeLessThanOrEqual(10)
    const reloaded = await ActivityLog.open({ dataDir: dir, capacity: 5 })
    expect(reloaded.list().items.map((r) => r.path)).toEqual([
      '/p/29',
      '/p/28',
      '/p/27',
      '/p/26',
      '/p/25',
    ])
  })

  it('clears memory and file', async () => {
    const log = await ActivityLog.open({ dataDir: dir })
    log.append(rec())
    await log.flush()
    await log.clear()
    expect(log.list().total).toBe(0)
    expect(await readFile(log.file, 'utf8')).toBe('')
    expect((await ActivityLog.open({ dataDir: dir })).list().total).toBe(0)
  })

  it('exports CSV with BOM, quoting and neutralised formulas', async () => {
    const log = await ActivityLog.open({ dataDir: dir })
    log.append(rec({ params: { email: '=cmd|calc', shop_secret: '[redacted]' } }))
    log.append(rec({ profileId: 'other' }))
    const csv = log.exportCsv({ profileId: 'p1' }, PLAIN_CSV)
    expect(csv.startsWith('\uFEFFID,Time (UTC),Shop,Shop ID,Method,Path,HTTP status,Outcome')).toBe(
      true,
    )
    const rows = csv.split('\r\n').filter((l) => l !== '')
    expect(rows).toHaveLength(2)
    expect(rows[1]).toContain('"{""email"":""=cmd|calc"",""shop_secret"":""[redacted]""}"')
    await log.flush()
  })

  it('is fed by the client hook and notifies subscribers', async () => {
    const log = await ActivityLog.open({ dataDir: dir })
    const seen: string[] = []
    const off = log.subscribe((r) => seen.push(r.path))
    const hook = activityHook(log)
    hook(rec({ path: '/a' }))
    off()
    hook(rec({ path: '/b' }))
    expect(seen).toEqual(['/a'])
    expect(log.list().total).toBe(2)
    await log.flush()
  })
})
