import { randomUUID } from 'node:crypto'
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
import type { ExportedFile } from '../../../shared/files'
import { csvExport, headerOf, type CsvDialect } from '../files/csv'
import { tableReadSettingsSchema, type TableReadSettings } from '../../../shared/table-file'
import type { Logger } from '../../log/logger'
import { JobFolders } from '../../jobs/job-folders'
import { JobRunner, type JobStatus } from '../../jobs/runner'
import { throttled, type Throttled } from '../../jobs/throttle'
import { bulkKind, type Sleep } from './bulk-kind'
import { readSnapshot, writeSnapshot } from './bulk-snapshot'
import {
  countRows,
  type BulkJobConfig,
  type BulkRow,
  type RowLine,
  type RowSource,
} from './bulk-rows'
import type { ShopDirectory } from '../shops/shop-directory'
import type { FilesLike, SendsService } from './sends-service'
import { controlPacedJob } from '../../jobs/control'

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
  snapshot: z.boolean().optional(),
}) satisfies z.ZodType<BulkJobConfig>

interface Job {
  config: BulkJobConfig
  /** Rows in the file, counted before the first row is sent (null until then). */
  total: number | null
  rate: number
  runner: JobRunner<BulkRow & { key: number }, RowLine>
  announce: Throttled<BulkJobState>
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

/** The runner's status as the bulk screen words it: a job that stopped by itself is paused. */
const STATUS: Record<JobStatus, BulkJobState['status']> = {
  running: 'running',
  paused: 'paused',
  failed: 'paused',
  done: 'done',
  cancelled: 'cancelled',
}

/**
 * Bulk jobs: one folder each under `sends/jobs/<id>/` with `rows.jsonl` (the recipients, copied
 * from the file when the job starts), `job.json` (what to send, written atomically before the
 * first row) and `journal.jsonl` (what happened to each row), run by the job runner at the
 * job's rate, requests overlapping. A job never reads its file again, so editing, moving or deleting the sheet
 * cannot shift a row under the journal's row numbers.
 */
export class BulkSends {
  private readonly jobs = new Map<string, Job>()
  private readonly folders: JobFolders<BulkJobConfig>

  private constructor(private readonly deps: BulkDeps) {
    this.folders = new JobFolders(join(deps.dataDir, 'sends', 'jobs'), configSchema)
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
    for (const config of await this.folders.loadAll()) {
      const job = this.prepare(config)
      const opened = await JobRunner.open(
        this.folders.journalOf(config.id),
        this.kind(job),
        this.hooks(job),
      )
      job.runner = opened.runner
      for (const line of opened.caught) this.logRow(config, line)
      const rate = opened.controls.filter((c) => c.ctl === 'rate').at(-1)?.rate
      if (typeof rate === 'number') job.rate = rate
      this.jobs.set(config.id, job)
    }
  }

  list(profileId: string): BulkJobState[] {
    return [...this.jobs.values()]
      .filter((j) => j.config.profileId === profileId)
      .map((j) => this.stateOf(j))
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
      snapshot: true,
    }
    // The snapshot is complete before `job.json` exists: a job on disk always has its rows.
    const total = await writeSnapshot(this.snapshotOf(config.id), this.deps.source(config))
    await this.folders.save(config.id, config)
    const job = this.prepare(config)
    job.total = total
    this.jobs.set(config.id, job)
    await job.runner.resume()
    return this.stateOf(job)
  }

  async control(
    jobId: string,
    action: 'pause' | 'resume' | 'cancel',
    rate?: number,
  ): Promise<BulkJobState> {
    const job = this.requireJob(jobId)
    if (await controlPacedJob(job, action, rate)) job.announce(this.stateOf(job), true)
    return this.stateOf(job)
  }

  /** Resolves when the job's current run ends (tests and the crash-test runner). */
  async settled(jobId: string): Promise<BulkJobState> {
    const job = this.requireJob(jobId)
    await job.runner.settled()
    return this.stateOf(job)
  }

  /** Stops every running job without a status change: they come back paused after restart. */
  async dispose(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.runner.dispose()))
  }

  /**
   * The report of a job: one line per row attempted (or refused), in file order, with its
   * outcome and the values its variables had, from the job's snapshot (a job started before
   * snapshots reads its file again: one no longer readable leaves the variable columns empty).
   */
  async report(jobId: string, dialect: CsvDialect): Promise<ExportedFile> {
    const job = this.requireJob(jobId)
    const values = new Map<number, string[]>()
    const columns = job.config.mapping.variables.map((v) => v.column)
    if (columns.length > 0) {
      try {
        for await (const row of this.rowsOf(job.config)) {
          if (job.runner.units.has(row.rowNumber))
            values.set(
              row.rowNumber,
              columns.map((c) => row.fields[c] ?? ''),
            )
        }
      } catch {
        values.clear()
      }
    }
    return this.reportCsv(jobId, dialect, values)
  }

  /** The report from the journal alone; `values` adds the variables' values by row number. */
  reportCsv(
    jobId: string,
    dialect: CsvDialect,
    values: ReadonlyMap<number, readonly string[]> = new Map(),
  ): ExportedFile {
    const job = this.requireJob(jobId)
    const names = job.config.mapping.variables.map((v) => v.name)
    const rows = [...job.runner.units.values()]
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
    // Variables keep their names: a corrected report can feed the next bulk send.
    const header = [...headerOf(dialect.words.columns.bulkReport), ...names]
    const stamp = job.config.createdAt.slice(0, 19).replace(/[:T]/g, '-')
    return csvExport(`personaclick-bulk-send-${stamp}.csv`, header, rows, dialect)
  }

  /** Rows in a bulk CSV, read as a job would read them, for the confirmation before Start. */
  count(fileId: string, table: TableReadSettings): Promise<number> {
    return countRows(this.deps.source({ fileId, table }))
  }

  private snapshotOf(jobId: string): string {
    return join(this.folders.dirOf(jobId), 'rows.jsonl')
  }

  /**
   * The rows a job sends: its snapshot. Jobs started before snapshots existed have none and
   * read their file as they always did (they resume as before; new jobs are immune).
   */
  private rowsOf(config: BulkJobConfig): AsyncIterable<BulkRow> {
    return config.snapshot ? readSnapshot(this.snapshotOf(config.id)) : this.deps.source(config)
  }

  private requireJob(jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (!job) throw keyedFailure('NOT_FOUND', 'bulk-gone')
    return job
  }

  /** A job with a fresh runner; `load` swaps in the one replayed from the journal. */
  private prepare(config: BulkJobConfig): Job {
    const job = {
      config,
      total: null,
      rate: config.ratePerSecond,
      // Progress at most every 200 ms per job; status changes go out at once.
      announce: throttled<BulkJobState>((s) => this.deps.onChange?.(s), {
        phase: (s) => s.status,
      }),
    } as Omit<Job, 'runner'> as Job
    job.runner = JobRunner.create(
      this.folders.journalOf(config.id),
      this.kind(job),
      this.hooks(job),
    )
    return job
  }

  private kind(job: Job) {
    return bulkKind(job.config, {
      sends: this.deps.sends,
      rows: () => this.rowsOf(job.config),
      rate: () => job.rate,
      preflight: async () => {
        this.deps.shops.callable({ profileId: job.config.profileId }) // no secret: say so
        job.total ??= await countRows(this.rowsOf(job.config))
      },
      ...(this.deps.sleep ? { sleep: this.deps.sleep } : {}),
    })
  }

  private hooks(job: Job) {
    return {
      onUnit: (line: RowLine) => this.logRow(job.config, line),
      onChange: () => job.announce(this.stateOf(job)),
    }
  }

  private stateOf(job: Job): BulkJobState {
    const counts = { sent: 0, failed: 0, unknown: 0 }
    for (const line of job.runner.units.values()) if (line.s !== 'pending') counts[line.s]++
    const { config, runner } = job
    return {
      id: config.id,
      profileId: config.profileId,
      fileName: config.fileName,
      route: config.route,
      campaign: config.code,
      status: STATUS[runner.status],
      total: job.total,
      ...counts,
      ratePerSecond: job.rate,
      createdAt: config.createdAt,
      interrupted: runner.interrupted,
      ...(runner.error ? { error: runner.error } : {}),
    }
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
}
