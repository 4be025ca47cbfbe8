import type { ImportJobState } from '../../shared/import'
import type { UploadJobState } from '../../shared/promo-codes'
import type { SegmentJobState } from '../../shared/segments'
import type { BulkJobState } from '../../shared/sends'
import type { EventBus } from '../ipc/event-bus'

export type JobKind = 'import' | 'bulkSend' | 'segments' | 'promo'

export interface RunningJob {
  kind: JobKind
  id: string
  /** The file or list the job works on, as the marketer named it. */
  name: string
  done: number
  total: number
}

export interface FinishedJob {
  kind: JobKind
  name: string
  outcome: 'finished' | 'stopped'
}

/** One job's event, read the same way whatever its screen. */
interface Reading {
  kind: JobKind
  id: string
  name: string
  running: boolean
  ended: 'finished' | 'stopped' | null
  done: number
  total: number
}

/**
 * Which long jobs are running right now, across every screen, from the events the job
 * services already emit: what the desktop shows as taskbar progress, announces when a
 * job ends while the marketer looks elsewhere, and asks about before quitting.
 */
export class RunningJobs {
  private readonly running = new Map<string, RunningJob>()
  private readonly listeners = new Set<() => void>()
  private readonly endListeners = new Set<(job: FinishedJob) => void>()

  constructor(events: EventBus) {
    events.subscribe((event, payload) => {
      const reading = read(event, payload)
      if (reading) this.apply(reading)
    })
  }

  list(): RunningJob[] {
    return [...this.running.values()]
  }

  /** Work done over work to do across running jobs, 0–1; null when none runs. */
  progress(): number | null {
    const jobs = this.list()
    if (jobs.length === 0) return null
    const total = jobs.reduce((n, j) => n + j.total, 0)
    return total > 0 ? Math.min(1, jobs.reduce((n, j) => n + j.done, 0) / total) : 0
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A job that was running has finished or stopped (failed, cancelled, paused by itself). */
  onEnd(listener: (job: FinishedJob) => void): () => void {
    this.endListeners.add(listener)
    return () => this.endListeners.delete(listener)
  }

  private apply(r: Reading): void {
    const key = `${r.kind}:${r.id}`
    const was = this.running.has(key)
    if (r.running)
      this.running.set(key, { kind: r.kind, id: r.id, name: r.name, done: r.done, total: r.total })
    else this.running.delete(key)
    if (was && !r.running && r.ended)
      for (const l of this.endListeners) l({ kind: r.kind, name: r.name, outcome: r.ended })
    for (const l of this.listeners) l()
  }
}

/** 'finished' for done; every other state a running job can reach means it stopped. */
const ending = (status: string): Reading['ended'] => (status === 'done' ? 'finished' : 'stopped')

/** Each job event, read into one shape; `running` is the status each job runs in. */
const readers: Record<string, (payload: never) => Reading> = {
  'import:job': (j: ImportJobState) => ({
    kind: 'import',
    id: j.id,
    name: j.fileName,
    running: j.status === 'validating' || j.status === 'uploading',
    // A check that reached review has not ended anything the marketer waits for.
    ended: j.status === 'review' ? null : ending(j.status),
    done: j.upload.batchesDone,
    total: j.upload.batchesTotal,
  }),
  'sends:bulk': (j: BulkJobState) => ({
    kind: 'bulkSend',
    id: j.id,
    name: j.fileName,
    running: j.status === 'running',
    ended: ending(j.status),
    done: j.sent + j.failed + j.unknown,
    total: j.total ?? 0,
  }),
  'segments:job': (j: SegmentJobState) => ({
    kind: 'segments',
    id: j.id,
    name: j.sourceName,
    running: j.status === 'running',
    ended: ending(j.status),
    done: j.done,
    total: j.total,
  }),
  'promo-codes:upload': (j: UploadJobState) => ({
    kind: 'promo',
    id: j.id,
    name: j.listName,
    running: j.status === 'running',
    ended: ending(j.status),
    done: j.sent,
    total: j.total,
  }),
}

function read(event: string, payload: unknown): Reading | null {
  const reader = readers[event]
  return reader ? reader(payload as never) : null
}
