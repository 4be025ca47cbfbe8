import { describe, expect, it } from 'vitest'
import type { ImportJobState } from '../../../src/shared/import'
import type { BulkJobState } from '../../../src/shared/sends'
import { EventBus } from '../../../src/main/ipc/event-bus'
import { RunningJobs, type FinishedJob } from '../../../src/main/jobs/running-jobs'

const bulk = (status: BulkJobState['status'], sent: number): BulkJobState => ({
  id: 'b1',
  profileId: 'p',
  fileName: 'black-friday.csv',
  route: 'transact' as BulkJobState['route'],
  campaign: 'bf',
  status,
  total: 200,
  sent,
  failed: 0,
  unknown: 0,
  ratePerSecond: 10,
  createdAt: '2026-11-30T10:00:00Z',
  interrupted: false,
})
const importJob = (status: ImportJobState['status'], done: number) =>
  ({
    id: 'i1',
    profileId: 'p',
    fileName: 'crm.csv',
    status,
    upload: {
      sentRows: done * 1000,
      batchesDone: done,
      batchesTotal: 100,
      rowsPerSecond: 0,
      etaSeconds: null,
    },
  }) as unknown as ImportJobState

describe('running jobs across screens', () => {
  it('follows the jobs’ own events: what runs, how far, and which ended how', () => {
    const events = new EventBus()
    const jobs = new RunningJobs(events)
    const ended: FinishedJob[] = []
    jobs.onEnd((j) => ended.push(j))
    expect(jobs.progress()).toBeNull()

    events.emit('sends:bulk', bulk('running', 50))
    events.emit('import:job', importJob('uploading', 50))
    expect(jobs.list().map((j) => j.name)).toEqual(['black-friday.csv', 'crm.csv'])
    // 50 of 200 rows and 50 of 100 batches: 100 of 300 units of work.
    expect(jobs.progress()).toBeCloseTo(100 / 300)

    events.emit('sends:bulk', bulk('done', 200))
    events.emit('import:job', importJob('failed', 60))
    expect(jobs.list()).toEqual([])
    expect(jobs.progress()).toBeNull()
    expect(ended).toEqual([
      { kind: 'bulkSend', name: 'black-friday.csv', outcome: 'finished' },
      { kind: 'import', name: 'crm.csv', outcome: 'stopped' },
    ])
  })

  it('does not announce a job that was never seen running, or a check that reached review', () => {
    const events = new EventBus()
    const jobs = new RunningJobs(events)
    const ended: FinishedJob[] = []
    jobs.onEnd((j) => ended.push(j))
    events.emit('sends:bulk', bulk('done', 200)) // listed at start-up, long finished
    events.emit('import:job', importJob('validating', 0))
    expect(jobs.list()).toHaveLength(1)
    events.emit('import:job', importJob('review', 0))
    expect(jobs.list()).toEqual([])
    expect(ended).toEqual([])
  })
})
