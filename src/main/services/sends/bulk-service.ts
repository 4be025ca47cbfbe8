import { randomUUID } from 'node:crypto'
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { keyedFailure } from '../../../shared/errors'
import {
  bulkMappingSchema,
  bulkStartSchema,
  sendRoutes,
  type BulkJobState,
  type BulkStart,
} from '../../../shared/sends'
import { toCsv } from '../files/csv'
import { tableReadSettingsSchema, type TableReadSettings } from '../../../shared/table-file'
import type { Logger } from '../../log/logger'
import { readJsonFile, writeJsonFile } from '../../store/json-file'
import { BulkJournal, interruptedRows, replayJournal, type RowLine } from './bulk-journal'
import {
  BulkRunner,
  countRows,
  type BulkJobConfig,
  type RowSource,
  type Sleep,
} from './bulk-runner'
import type { ShopDirectory } from '../shops/shop-directory'
import type { FilesLike, SendsService } from './sends-service'

const configSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  route: z.enum(sendRoutes),
  code: z.string(),
  sendEverywhere: z.boolean(),
  mapping: bulkMappingSchema,
  table: tableReadSettingsSchema,
  ratePerSecond: z.number(),
  createdAt: z.string(),
})

interface Job {
  config: BulkJobConfig
  state: BulkJobState
  rows: Map<number, RowLine>
  runner: BulkRunner | null
  running: Promise<void> | null
}

export interface BulkDeps {
  dataDir: string
  sends: SendsService
  shops: ShopDirectory
  files: FilesLike
  /** The rows of a job's file, as the table-file reader reads them. */
  source: RowSource
  onChange?: (state: BulkJobState) => void
  sleep?: Sleep
  log?: Logger
}

/**
 * Bulk jobs: one folder each under `sends/jobs/<id>/` with `job.json` (what to send, written
 * atomically before the first row) and `journal.jsonl` (what happened to each row).
 */
export class BulkSends {
  private readonly jobs = new Map<string, Job>()
  private readonly dir: string
  private readonly lastAnnounced = new Map<string, { at: number; status: string }>()

  private constructor(private readonly deps: BulkDeps) {
    this.dir = join(deps.dataDir, 'sends', 'jobs')
  }

  static async open(deps: BulkDeps): Promise<BulkSends> {
    const bulk = new BulkSends(deps)
    // A damaged job folder must not take the send screen down: the jobs read so far stay.
    await bulk
      .load()
      .catch((err: unknown) => deps.log?.error('bulk sends failed to load', { error: err }))
    return bulk
  }

  /** Replays every journal. Unfinished jobs come back paused: sending resumes only on request. */
  private async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    for (const id of await readdir(this.dir)) {
      const config = await readJsonFile(
        join(this.dir, id, 'job.json'),
        configSchema.nullable(),
        null,
      )
      if (!config) continue
      const file = join(this.dir, id, 'journal.jsonl')
      const replayed = await replayJournal(file)
      const caught = interruptedRows(replayed)
      const finished = replayed.lastControl === 'done' || replayed.lastControl === 'cancelled'
      if (caught.length > 0) {
        const journal = await BulkJournal.open(file)
        for (const row of caught) {
          const line: RowLine = {
            r: row.r,
            s: 'unknown',
            err: 'OUTCOME_UNKNOWN',
            msg: 'Interrupted while sending: check the notification history before sending again.',
            t: new Date().toISOString(),
          }
          await journal.append(line)
          replayed.rows.set(row.r, { ...row, ...line })
          this.logRow(config, { ...row, ...line })
        }
        await journal.close()
      }
      const state = this.freshState(config, replayed.rate ?? config.ratePerSecond)
      for (const row of replayed.rows.values()) if (row.s !== 'pending') state[row.s] += 1
      state.status = finished ? (replayed.lastControl as 'done' | 'cancelled') : 'paused'
      state.interrupted = !finished
      this.jobs.set(id, { config, state, rows: replayed.rows, runner: null, running: null })
    }
  }

  list(profileId: string): BulkJobState[] {
    return [...this.jobs.values()]
      .filter((j) => j.config.profileId === profileId)
      .map((j) => ({ ...j.state }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  async start(input: BulkStart, profileId: string): Promise<BulkJobState> {
    const parsed = bulkStartSchema.parse(input)
    if (parsed.mapping.email === null && parsed.mapping.phone === null)
      throw keyedFailure('INVALID_INPUT', 'bulk-needs-recipient')
    if (parsed.route === 'sms' && parsed.mapping.phone === null)
      throw keyedFailure('INVALID_INPUT', 'bulk-sms-needs-phone')
    this.deps.shops.callable({ profileId }) // no secret: refuse now, not at row 1
    const config: BulkJobConfig = {
      id: randomUUID(),
      profileId,
      fileId: parsed.fileId,
      fileName: this.deps.files.info(parsed.fileId).name,
      route: parsed.route,
      code: parsed.code,
      sendEverywhere: parsed.sendEverywhere,
      mapping: parsed.mapping,
      table: parsed.table,
      ratePerSecond: parsed.ratePerSecond,
      createdAt: new Date().toISOString(),
    }
    await writeJsonFile(join(this.dir, config.id, 'job.json'), config)
    const job: Job = {
      config,
      state: this.freshState(config, config.ratePerSecond),
      rows: new Map(),
      runner: null,
      running: null,
    }
    job.state.status = 'running'
    this.jobs.set(config.id, job)
    this.launch(job)
    return { ...job.state }
  }

  async control(
    jobId: string,
    action: 'pause' | 'resume' | 'cancel',
    rate?: number,
  ): Promise<BulkJobState> {
    const job = this.jobs.get(jobId)
    if (!job) throw keyedFailure('NOT_FOUND', 'bulk-gone')
    if (job.state.status === 'done' || job.state.status === 'cancelled') return { ...job.state }
    const journal = await BulkJournal.open(this.journalFile(jobId))
    try {
      if (rate !== undefined) {
        job.state.ratePerSecond = rate
        await journal.append({ ctl: 'rate', rate, t: new Date().toISOString() })
      }
      if (action === 'pause') {
        job.runner?.pause()
        job.state.status = 'paused'
        await journal.append({ ctl: 'paused', t: new Date().toISOString() })
      } else if (action === 'resume') {
        job.state.status = 'running'
        await journal.append({ ctl: 'resumed', t: new Date().toISOString() })
        if (job.runner) job.runner.resume()
        else this.launch(job)
      } else {
        job.runner?.cancel()
        if (!job.runner) await this.finish(job, 'cancelled')
      }
    } finally {
      await journal.close()
    }
    this.announce(job)
    return { ...job.state }
  }

  /** Resolves when the job's current run ends (tests and the crash-test runner). */
  async settled(jobId: string): Promise<BulkJobState> {
    const job = this.jobs.get(jobId)
    if (!job) throw keyedFailure('NOT_FOUND', 'bulk-gone')
    await job.running
    return { ...job.state }
  }

  /**
   * The report of a job: one line per row attempted (or refused), in file order, with its
   * outcome and the values its variables had, read again from the job's file. A file that
   * can no longer be read leaves the variable columns empty; the outcomes are all journalled.
   */
  async report(jobId: string): Promise<{ filename: string; content: string }> {
    const job = this.requireJob(jobId)
    const values = new Map<number, string[]>()
    const columns = job.config.mapping.variables.map((v) => v.column)
    if (columns.length > 0) {
      try {
        for await (const row of this.deps.source(job.config)) {
          if (job.rows.has(row.rowNumber))
            values.set(
              row.rowNumber,
              columns.map((c) => row.fields[c] ?? ''),
            )
        }
      } catch {
        values.clear()
      }
    }
    return this.reportCsv(jobId, values)
  }

  /** The report from the journal alone; `values` adds the variables' values by row number. */
  reportCsv(
    jobId: string,
    values: ReadonlyMap<number, readonly string[]> = new Map(),
  ): { filename: string; content: string } {
    const job = this.requireJob(jobId)
    const names = job.config.mapping.variables.map((v) => v.name)
    const rows = [...job.rows.values()]
      .sort((a, b) => a.r - b.r)
      .map((r) => [
        r.r,
        r.email ?? null,
        r.phone ?? null,
        r.s,
        r.code ?? null,
        r.err ?? null,
        r.msg ?? null,
        ...names.map((_, i) => values.get(r.r)?.[i] ?? null),
      ])
    const header = [
      'row',
      'email',
      'phone',
      'status',
      'message_code',
      'error_code',
      'reason',
      ...names,
    ]
    const stamp = job.config.createdAt.slice(0, 19).replace(/[:T]/g, '-')
    return { filename: `personaclick-bulk-send-${stamp}.csv`, content: toCsv(header, rows) }
  }

  private requireJob(jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (!job) throw keyedFailure('NOT_FOUND', 'bulk-gone')
    return job
  }

  private launch(job: Job): void {
    const journalFile = this.journalFile(job.config.id)
    job.running = (async () => {
      const journal = await BulkJournal.open(journalFile)
      const runner = new BulkRunner(job.config, job.state, job.rows, {
        journal,
        sends: this.deps.sends,
        source: this.deps.source,
        onRow: (line) => this.logRow(job.config, line),
        onChange: () => this.announce(job),
        ...(this.deps.sleep ? { sleep: this.deps.sleep } : {}),
      })
      job.runner = runner
      try {
        const end = await runner.run()
        await journal.append({ ctl: end, t: new Date().toISOString() })
        job.state.status = end
        job.state.interrupted = false
      } catch (err) {
        // A broken file or a full disk: stop, keep what is journalled, let the marketer resume.
        job.state.status = 'paused'
        job.state.error = err instanceof Error ? err.message : String(err)
      } finally {
        job.runner = null
        await journal.close()
        this.announce(job)
      }
    })()
  }

  private async finish(job: Job, end: 'done' | 'cancelled'): Promise<void> {
    const journal = await BulkJournal.open(this.journalFile(job.config.id))
    await journal.append({ ctl: end, t: new Date().toISOString() })
    await journal.close()
    job.state.status = end
    job.state.interrupted = false
  }

  /** Rows in a bulk CSV, read as a job would read them, for the confirmation before Start. */
  count(fileId: string, table: TableReadSettings): Promise<number> {
    return countRows(this.deps.source({ fileId, table }))
  }

  private logRow(config: BulkJobConfig, line: RowLine): void {
    if (line.s === 'pending') return
    this.deps.sends.log.add({
      profileId: config.profileId,
      route: config.route,
      campaign: config.code,
      email: line.email ?? null,
      phone: line.phone ?? null,
      messageCode: line.code ?? null,
      status: line.s,
      ...(line.err ? { errorCode: line.err } : {}),
      ...(line.msg ? { error: line.msg } : {}),
      ...(line.am ? { apiMessage: line.am } : {}),
      ...(line.iss?.length ? { issues: line.iss } : {}),
      source: 'bulk',
      jobId: config.id,
      row: line.r,
    })
  }

  private journalFile(id: string): string {
    return join(this.dir, id, 'journal.jsonl')
  }

  /** Progress events at most every 250 ms per job; status changes go out at once. */
  private announce(job: Job): void {
    const now = Date.now()
    const last = this.lastAnnounced.get(job.config.id)
    if (last && last.status === job.state.status && now - last.at < 250) return
    this.lastAnnounced.set(job.config.id, { at: now, status: job.state.status })
    this.deps.onChange?.({ ...job.state })
  }

  private freshState(config: BulkJobConfig, rate: number): BulkJobState {
    return {
      id: config.id,
      profileId: config.profileId,
      fileName: config.fileName,
      route: config.route,
      campaign: config.code,
      status: 'paused',
      total: null,
      sent: 0,
      failed: 0,
      unknown: 0,
      ratePerSecond: rate,
      createdAt: config.createdAt,
      interrupted: false,
    }
  }
}
