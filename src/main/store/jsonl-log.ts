import { appendFile, mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { readJsonLines } from './json-lines'
import type { Logger } from '../log/logger'

export interface JsonlLogOptions<T> {
  file: string
  /** Records kept in memory (the newest); older ones stay in the file until compaction. */
  capacity: number
  /** Checks a line read back (user data: may be torn by a crash or from an older version). */
  parse(raw: unknown): T | null
  /**
   * Rewrite the file with the kept records once it holds `compactAt` × capacity lines, so it
   * cannot grow without bound. Omit to keep every line on disk (a record the marketer owns).
   */
  compactAt?: number
  logger?: Logger
}

/** One paged answer: `items` newest first, `total` every record that matched. */
export interface LogPage<T> {
  items: T[]
  total: number
}

export interface PageFilter {
  offset?: number
  limit?: number
}

/**
 * A log of records: the newest `capacity` in memory, mirrored to an append-only JSON-lines
 * file. Appends are batched and written off the caller's path (a service must not wait on
 * the disk per record; a lost line must never stop the work it records); `flush` waits for
 * them. Compaction and clearing rewrite through a temp file and rename: never half a file.
 */
export class JsonlLog<T> {
  private records: T[] = []
  private pending: string[] = []
  private fileLines = 0
  private writing: Promise<void> = Promise.resolve()
  private scheduled = false
  private readonly listeners = new Set<(record: T) => void>()

  private constructor(private readonly opts: JsonlLogOptions<T>) {}

  get file(): string {
    return this.opts.file
  }

  /** Opens (creating the folder) and reloads the records kept by earlier runs. */
  static async open<T>(opts: JsonlLogOptions<T>): Promise<JsonlLog<T>> {
    const log = new JsonlLog({ ...opts, capacity: Math.max(1, opts.capacity) })
    await mkdir(dirname(opts.file), { recursive: true, mode: 0o700 })
    const { lines, skipped, torn } = await readJsonLines(opts.file, opts.parse)
    if (torn) await appendFile(opts.file, '\n')
    if (skipped > 0) log.opts.logger?.warn('skipped unreadable log lines', { count: skipped })
    log.records = lines.slice(-log.opts.capacity)
    log.fileLines = lines.length + skipped
    return log
  }

  /** Keeps the record, tells the listeners, and schedules it for the file. */
  append(record: T): T {
    this.records.push(record)
    if (this.records.length > this.opts.capacity) this.records.shift()
    this.pending.push(JSON.stringify(record))
    this.schedule()
    for (const listener of this.listeners) {
      try {
        listener(record)
      } catch (err) {
        this.opts.logger?.warn('log listener failed', { error: err })
      }
    }
    return record
  }

  /** Live updates; returns the unsubscribe function. */
  subscribe(listener: (record: T) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Records that `keep` accepts, newest first; stop iterating to stop early. */
  *newestFirst(keep: (record: T) => boolean = () => true): Generator<T> {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i]!
      if (keep(r)) yield r
    }
  }

  /** One page of the records `keep` accepts, newest first. */
  page(keep: (record: T) => boolean, filter: PageFilter = {}): LogPage<T> {
    const hits = [...this.newestFirst(keep)]
    const offset = Math.max(0, Math.floor(filter.offset ?? 0))
    const limit = filter.limit === undefined ? hits.length : Math.max(0, Math.floor(filter.limit))
    return { items: hits.slice(offset, offset + limit), total: hits.length }
  }

  async clear(): Promise<void> {
    this.records = []
    this.pending = []
    await this.enqueue(() => this.rewrite())
  }

  /** Resolves once everything appended so far is on disk. */
  async flush(): Promise<void> {
    this.scheduled = false
    await this.enqueue(() => this.writePending())
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    // One write per burst of records rather than one per record.
    setImmediate(() => {
      if (!this.scheduled) return
      this.scheduled = false
      void this.enqueue(() => this.writePending())
    })
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.writing.then(task).catch((err: unknown) => {
      // A full disk must not break the work being logged; the records stay in memory.
      this.opts.logger?.error('log file write failed', { error: err })
    })
    this.writing = next
    return next
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return
    const lines = this.pending
    this.pending = []
    const { compactAt } = this.opts
    if (compactAt && this.fileLines + lines.length > this.opts.capacity * compactAt) {
      await this.rewrite()
      return
    }
    await appendFile(this.opts.file, lines.join('\n') + '\n', { mode: 0o600 })
    this.fileLines += lines.length
  }

  /** Rewrites the file with the records kept in memory (temp file + rename). */
  private async rewrite(): Promise<void> {
    const tmp = `${this.opts.file}.${process.pid}.tmp`
    const body = this.records.map((r) => JSON.stringify(r)).join('\n')
    await writeFile(tmp, body === '' ? '' : body + '\n', { mode: 0o600 })
    await rename(tmp, this.opts.file)
    this.fileLines = this.records.length
  }
}
