import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { keyedFailure } from '../../../shared/errors'
import {
  segmentBulkActions,
  segmentBulkStartSchema,
  type RowOutcome,
  type SegmentBulkReview,
  type SegmentBulkSource,
  type SegmentBulkStart,
  type SegmentJobState,
} from '../../../shared/segments'
import type { ApiClient } from '../../api'
import { JobFolders } from '../../jobs/job-folders'
import { JobRunner, type JobStatus } from '../../jobs/runner'
import { throttled, type Throttled } from '../../jobs/throttle'
import type { Logger } from '../../log/logger'
import type { ExportedFile } from '../../../shared/files'
import { csvExport, headerOf, toCsv, type CsvDialect } from '../files/csv'
import { readSnapshot, writeSnapshot } from '../sends/bulk-snapshot'
import type { ShopDirectory } from '../shops/shop-directory'
import {
  classify,
  review,
  toSnapshot,
  type RawRows,
  type SegmentJobConfig,
  type SegmentLine,
  type SegmentRow,
} from './bulk-rows'
import { segmentKind, type Sleep } from './bulk-kind'
import { JobSpeed } from './job-speed'
import { controlPacedJob } from '../../jobs/control'

const configSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  sourceName: z.string(),
  action: z.enum(segmentBulkActions),
  segmentId: z.number(),
  ratePerSecond: z.number(),
  total: z.number(),
  createdAt: z.string(),
}) satisfies z.ZodType<SegmentJobConfig>

interface Job {
  config: SegmentJobConfig
  rate: number
  runner: JobRunner<SegmentRow & { key: number }, SegmentLine>
  announce: Throttled<SegmentJobState>
  speed: JobSpeed
  /** Memberships changed since the catalogue was last told. */
  unreported: number
}

export interface SegmentJobsDeps {
  dataDir: string
  api: ApiClient
  shops: ShopDirectory
  /** The raw identifiers of a source (a file through the table-file reader, or a list). */
  rawRows: RawRows
  /** The name a file source is shown by. */
  nameOf: (source: SegmentBulkSource) => string
  /** Refuses a segment known to be dynamic (add and remove only). */
  refuseDynamic: (profileId: string, segmentId: number) => void
  /** Memberships a job changed, for the catalogue's counts. */
  onChanged?: (config: SegmentJobConfig, count: number) => void
  onState?: (state: SegmentJobState) => void
  sleep?: Sleep
  log?: Logger
}

const STATUS: Record<JobStatus, SegmentJobState['status']> = {
  running: 'running',
  paused: 'paused',
  failed: 'paused',
  done: 'done',
  cancelled: 'cancelled',
}

/** The report's words for each outcome (the CSV is for spreadsheets, in English). */
const OUTCOME: Record<RowOutcome, (action: SegmentJobConfig['action']) => string> = {
  ok: (a) => (a === 'add' ? 'added' : 'removed'),
  in: () => 'member',
  out: () => 'not a member',
  failed: () => 'failed',
  'email-invalid': () => 'rejected: invalid email',
  'phone-invalid': () => 'rejected: invalid phone',
  'no-identifier': () => 'rejected: no email or phone',
  duplicate: () => 'skipped: duplicate of an earlier row',
}

/**
 * Bulk segment changes: one folder each under `segments/jobs/<id>/` with `rows.jsonl` (every
 * row, read and checked once at start, with the reason a row is not sent), `job.json` and
 * `journal.jsonl` (one line per row as its answer arrives). A job never reads its file
 * again, so resume sees the same rows under the same numbers: none skipped, none repeated.
 */
export class SegmentJobs {
  private readonly jobs = new Map<string, Job>()
  private readonly folders: JobFolders<SegmentJobConfig>

  private constructor(private readonly deps: SegmentJobsDeps) {
    this.folders = new JobFolders(join(deps.dataDir, 'segments', 'jobs'), configSchema)
  }

  static async open(deps: SegmentJobsDeps): Promise<SegmentJobs> {
    const jobs = new SegmentJobs(deps)
    await jobs
      .load()
      .catch((err: unknown) => deps.log?.error('segment jobs failed to load', { error: err }))
    return jobs
  }

  private async load(): Promise<void> {
    for (const config of await this.folders.loadAll()) {
      const job = this.prepare(config)
      const opened = await JobRunner.open(
        this.folders.journalOf(config.id),
        this.kind(job),
        this.hooks(job),
      )
      job.runner = opened.runner
      const rate = opened.controls.filter((c) => c.ctl === 'rate').at(-1)?.rate
      if (typeof rate === 'number') job.rate = rate
      this.jobs.set(config.id, job)
    }
  }

  /** What a start would do: valid, rejected and duplicate rows. */
  async review(source: SegmentBulkSource, profileId: string): Promise<SegmentBulkReview> {
    return review(this.rowsOf(source, profileId))
  }

  /** Every row that would not be sent, with the reason, as CSV. */
  async rejectedCsv(
    source: SegmentBulkSource,
    profileId: string,
    dialect: CsvDialect,
  ): Promise<string> {
    const rows: (string | number)[][] = []
    for await (const r of this.rowsOf(source, profileId))
      if (r.rejection) rows.push([r.rowNumber, r.raw, OUTCOME[r.rejection]('add')])
    return toCsv(headerOf(dialect.words.columns.rejected), rows, dialect)
  }

  list(profileId: string): SegmentJobState[] {
    return [...this.jobs.values()]
      .filter((j) => j.config.profileId === profileId)
      .map((j) => this.stateOf(j))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  async start(input: SegmentBulkStart, profileId: string): Promise<SegmentJobState> {
    const parsed = segmentBulkStartSchema.parse(input)
    const { source } = parsed
    if (source.kind === 'file' && source.mapping.email === null && source.mapping.phone === null)
      throw keyedFailure('INVALID_INPUT', 'segment-needs-contact-column')
    this.deps.shops.callable({ profileId }) // no secret: refuse now, not at row 1
    if (parsed.action !== 'check') this.deps.refuseDynamic(profileId, parsed.segmentId)
    const id = randomUUID()
    // The snapshot is complete before `job.json` exists: a job on disk always has its rows.
    const total = await writeSnapshot(
      this.snapshotOf(id),
      mapRows(this.rowsOf(source, profileId), toSnapshot),
    )
    const config: SegmentJobConfig = {
      id,
      profileId,
      sourceName: source.kind === 'list' ? source.label : this.deps.nameOf(source),
      action: parsed.action,
      segmentId: parsed.segmentId,
      ratePerSecond: parsed.ratePerSecond,
      total,
      createdAt: new Date().toISOString(),
    }
    await this.folders.save(id, config)
    const job = this.prepare(config)
    this.jobs.set(id, job)
    await job.runner.resume()
    return this.stateOf(job)
  }

  async control(
    jobId: string,
    action: 'pause' | 'resume' | 'cancel',
    rate?: number,
  ): Promise<SegmentJobState> {
    const job = this.requireJob(jobId)
    if (await controlPacedJob(job, action, rate)) job.announce(this.stateOf(job), true)
    return this.stateOf(job)
  }

  async settled(jobId: string): Promise<SegmentJobState> {
    const job = this.requireJob(jobId)
    await job.runner.settled()
    return this.stateOf(job)
  }

  /** Stops every running job without a status change: they come back paused after restart. */
  async dispose(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.runner.dispose()))
    for (const job of this.jobs.values()) this.flushCounts(job)
  }

  /**
   * One line per row that has an outcome, in file order: its identifier (from the job's
   * snapshot), what happened, PersonaClick's reason for a failure, and how many retries.
   */
  async report(jobId: string, dialect: CsvDialect): Promise<ExportedFile> {
    const job = this.requireJob(jobId)
    const rows: (string | number | null)[][] = []
    for await (const snap of readSnapshot(this.snapshotOf(job.config.id))) {
      const line = job.runner.units.get(snap.rowNumber)
      if (!line || line.s === 'pending') continue
      const [email = '', phone = '', raw = ''] = snap.fields
      rows.push([
        snap.rowNumber,
        [email, phone].filter(Boolean).join(' ') || raw,
        OUTCOME[line.s as RowOutcome](job.config.action),
        line.am ?? line.err ?? null,
        line.n ?? 0,
      ])
    }
    const stamp = job.config.createdAt.slice(0, 19).replace(/[:T]/g, '-')
    return csvExport(
      `personaclick-segment-${job.config.action}-${stamp}.csv`,
      headerOf(dialect.words.columns.segmentReport),
      rows,
      dialect,
    )
  }

  private rowsOf(source: SegmentBulkSource, profileId: string): AsyncIterable<SegmentRow> {
    return classify(
      this.deps.rawRows(source),
      this.deps.shops.profile({ profileId }).defaultCountry,
    )
  }

  private snapshotOf(jobId: string): string {
    return join(this.folders.dirOf(jobId), 'rows.jsonl')
  }

  private requireJob(jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (!job) throw keyedFailure('NOT_FOUND', 'segment-job-gone')
    return job
  }

  private prepare(config: SegmentJobConfig): Job {
    const job = {
      config,
      rate: config.ratePerSecond,
      speed: new JobSpeed(),
      unreported: 0,
      announce: throttled<SegmentJobState>((s) => this.deps.onState?.(s), {
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
    return segmentKind(job.config, {
      api: this.deps.api,
      rows: () => readSnapshot(this.snapshotOf(job.config.id)),
      rate: () => job.rate,
      preflight: async () => {
        this.deps.shops.callable({ profileId: job.config.profileId })
        job.speed.reset()
      },
      ...(this.deps.sleep ? { sleep: this.deps.sleep } : {}),
    })
  }

  private hooks(job: Job) {
    return {
      onUnit: (line: SegmentLine) => {
        job.speed.tick()
        if (line.s === 'ok') job.unreported++
      },
      onChange: () => {
        if (job.runner.status !== 'running' || job.unreported >= 500) this.flushCounts(job)
        job.announce(this.stateOf(job))
      },
    }
  }

  private flushCounts(job: Job): void {
    if (job.unreported === 0) return
    const count = job.unreported
    job.unreported = 0
    this.deps.onChanged?.(job.config, count)
  }

  private stateOf(job: Job): SegmentJobState {
    const c = { ok: 0, failed: 0, skipped: 0, members: 0, nonMembers: 0, retried: 0, done: 0 }
    for (const line of job.runner.units.values()) {
      if (line.s === 'pending') continue
      c.done++
      if (line.n) c.retried++
      if (line.s === 'ok') c.ok++
      else if (line.s === 'in') c.members++
      else if (line.s === 'out') c.nonMembers++
      else if (line.s === 'failed') c.failed++
      else c.skipped++
    }
    const { config, runner } = job
    const running = runner.status === 'running'
    const rps = running ? job.speed.perSecond() : null
    return {
      id: config.id,
      profileId: config.profileId,
      sourceName: config.sourceName,
      action: config.action,
      segmentId: config.segmentId,
      status: STATUS[runner.status],
      total: config.total,
      ...c,
      ratePerSecond: job.rate,
      rowsPerSecond: rps,
      etaSeconds: rps ? Math.ceil((config.total - c.done) / rps) : null,
      createdAt: config.createdAt,
      interrupted: runner.interrupted,
      ...(runner.error ? { error: runner.error } : {}),
    }
  }
}

async function* mapRows<A, B>(rows: AsyncIterable<A>, f: (a: A) => B): AsyncIterable<B> {
  for await (const r of rows) yield f(r)
}
