import { randomUUID } from 'node:crypto'
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ApiCallRecord } from '../../api/types'
import type { Logger } from '../../log/logger'
import { activityCsv } from './csv'
import { select } from './filter'
import { parseRecordLine } from './record-schema'
import type { ActivityFilter, ActivityPage, ActivityRecord } from '../../../shared/activity'

export interface ActivityLogOptions {
  dataDir: string
  /** Records kept (newest). Default 10,000. */
  capacity?: number
  fileName?: string
  logger?: Logger
  newId?: () => string
}

export type ActivityListener = (record: ActivityRecord) => void

/**
 * The activity log: newest `capacity` records in memory, mirrored to an append-only
 * JSON-lines file. Appends are batched and written off the caller's path (the main process
 * must not block on disk per API call); the file is rewritten with only the kept records
 * once it holds twice as many lines, so it cannot grow without bound.
 */
export class ActivityLog {
  private records: ActivityRecord[] = []
  private pending: string[] = []
  private fileLines = 0
  private writing: Promise<void> = Promise.resolve()
  private scheduled = false
  private readonly listeners = new Set<ActivityListener>()
  readonly file: string
  private readonly capacity: number
  private readonly newId: () => string
  private readonly log: Logger | undefined

  private constructor(opts: ActivityLogOptions) {
    this.file = join(opts.dataDir, opts.fileName ?? 'activity.jsonl')
    this.capacity = Math.max(1, opts.capacity ?? 10_000)
    this.newId = opts.newId ?? randomUUID
    this.log = opts.logger?.scope('activity')
  }

  /** Opens (creating the folder if needed) and reloads the records kept by earlier runs. */
  static async open(opts: ActivityLogOptions): Promise<ActivityLog> {
    const log = new ActivityLog(opts)
    await mkdir(opts.dataDir, { recursive: true })
    await log.load()
    return log
  }

  private async load(): Promise<void> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '')
    let bad = 0
    for (const line of lines) {
      const r = parseRecordLine(line)
      if (r) this.records.push(r)
      else bad++
    }
    // A crash can cut the last line short; anything unreadable is skipped, not fatal.
    if (bad > 0) this.log?.warn('skipped unreadable activity lines', { count: bad })
    if (this.records.length > this.capacity) {
      this.records = this.records.slice(-this.capacity)
    }
    this.fileLines = lines.length
  }

  /** Adds a record (already redacted by the client) and schedules it for the file. */
  append(call: ApiCallRecord): ActivityRecord {
    const record: ActivityRecord = { id: this.newId(), ...call }
    this.records.push(record)
    if (this.records.length > this.capacity) this.records.shift()
    this.pending.push(JSON.stringify(record))
    this.schedule()
    for (const l of this.listeners) {
      try {
        l(record)
      } catch (err) {
        this.log?.warn('activity listener failed', { error: err })
      }
    }
    return record
  }

  /** Live updates for the activity screen; returns the unsubscribe function. */
  subscribe(listener: ActivityListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  list(filter: ActivityFilter = {}): ActivityPage {
    return select(this.records, filter)
  }

  exportCsv(filter: ActivityFilter = {}): string {
    return activityCsv(select(this.records, filter).items)
  }

  async clear(): Promise<void> {
    this.records = []
    this.pending = []
    await this.enqueue(async () => {
      await writeFile(this.file, '', { mode: 0o600 })
      this.fileLines = 0
    })
  }

  /** Resolves once everything appended so far is on disk. */
  async flush(): Promise<void> {
    this.scheduled = false
    await this.enqueue(() => this.writePending())
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    // One write per burst of calls rather than one per call.
    setImmediate(() => {
      if (!this.scheduled) return
      this.scheduled = false
      void this.enqueue(() => this.writePending())
    })
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.writing.then(task).catch((err: unknown) => {
      // A full disk must not break API calls; the records stay in memory for this session.
      this.log?.error('activity file write failed', { error: err })
    })
    this.writing = next
    return next
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return
    const lines = this.pending
    this.pending = []
    if (this.fileLines + lines.length > this.capacity * 2) {
      await this.compact()
      return
    }
    await appendFile(this.file, lines.join('\n') + '\n', { mode: 0o600 })
    this.fileLines += lines.length
  }

  /** Rewrites the file with the kept records only (temp file + rename: never half a file). */
  private async compact(): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`
    const body = this.records.map((r) => JSON.stringify(r)).join('\n')
    await writeFile(tmp, body === '' ? '' : body + '\n', { mode: 0o600 })
    await rename(tmp, this.file)
    this.fileLines = this.records.length
  }
}
