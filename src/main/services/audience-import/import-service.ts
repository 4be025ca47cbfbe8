import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ExportedFile } from '../../../shared/files'
import { AppFailure, keyedFailure } from '../../../shared/errors'
import {
  describeIssue,
  type ColumnMapping,
  type DetectResult,
  type ImportJobState,
  type RejectedRow,
  type SavedMapping,
  type UploadOptions,
  type ValidateInput,
} from '../../../shared/import'
import { autoMap, mappingByHeader } from '../../../shared/import-automap'
import type { TableFileOverrides } from '../../../shared/table-file'
import type { ApiClient, CallOptions } from '../../api'
import { JobRunner, type JobStatus } from '../../jobs/runner'
import { throttled, type Throttled } from '../../jobs/throttle'
import { csvExport, headerOf, type CsvDialect } from '../files/csv'
import type { FileRegistry } from '../files/file-registry'
import type { ShopDirectory } from '../shops/shop-directory'
import { detectTableFile } from '../table-file'
import { JobStore, type JobRecord } from './job-store'
import { runValidation, type ValidationRun } from './run-validation'
import { uploadKind, type Batch, type BatchLine } from './upload-kind'
import { ISSUES_FILE, ROWS_FILE } from './validate-file'

export interface ImportDeps {
  dataDir: string
  api: Pick<ApiClient, 'call'>
  shops: ShopDirectory
  files: Pick<FileRegistry, 'pathOf' | 'info'>
  onChange?: (state: ImportJobState) => void
  callOptions?: CallOptions
  /** Minimum ms between progress events per job (final states are always sent). */
  progressEveryMs?: number
  /**
   * The folder of the app's built worker entries, for a caller running from sources (the
   * bench measures the worker the app ships). The app's own build finds them by itself.
   */
  builtWorkers?: URL
}

interface Live {
  rec: JobRecord
  validation: ValidationRun | null
  /** The check in progress; uploads are the runner's. */
  checking: Promise<void> | null
  /** Set once the upload has started (the journal of acknowledged batches). */
  runner: JobRunner<Batch, BatchLine> | null
  /** This run's pace, for rows per second and the time left. */
  run: { startedAt: number; rows: number }
  saving: Promise<void>
  emit: Throttled<ImportJobState>
}

const RESUMABLE = new Set(['paused', 'failed'])

/** A job as the screen names it. */
interface JobRef {
  jobId: string
}

/** The runner's status as the import screen words it. */
const STATUS: Record<JobStatus, ImportJobState['status']> = {
  running: 'uploading',
  paused: 'paused',
  failed: 'failed',
  done: 'done',
  cancelled: 'cancelled',
}

export class ImportService {
  private readonly store: JobStore
  private readonly jobs = new Map<string, Live>()

  private constructor(private readonly deps: ImportDeps) {
    this.store = new JobStore(deps.dataDir)
  }

  static async open(deps: ImportDeps): Promise<ImportService> {
    const service = new ImportService(deps)
    await service.load()
    return service
  }

  /** Reads the journals. A job that was uploading when the app died comes back paused. */
  private async load(): Promise<void> {
    for (const rec of await this.store.loadAll()) {
      const s = rec.state
      if (s.status === 'validating')
        Object.assign(s, {
          status: 'failed',
          error: keyedFailure('CANCELLED', 'check-interrupted').appError,
        })
      const live = this.track(rec)
      // An upload that started has a journal: it says where the job stands.
      if (s.options && s.status !== 'done' && s.status !== 'cancelled') {
        const opened = await JobRunner.open(this.journalOf(s.id), this.kind(live), this.hooks(live))
        live.runner = opened.runner
        this.sync(live)
      } else if (s.status === 'done' || s.status === 'cancelled') this.dropRows(s.id)
    }
  }

  /** Jobs and saved mappings belong to the shop selected in the header. */
  private activeProfile(): string {
    return this.deps.shops.profile('active').profileId
  }

  private country(profileId: string): string {
    return this.deps.shops.profile({ profileId }).defaultCountry
  }

  async detect({
    fileId,
    overrides = {},
  }: {
    fileId: string
    overrides?: TableFileOverrides
  }): Promise<DetectResult> {
    const info = this.deps.files.info(fileId)
    const detection = await detectTableFile(this.deps.files.pathOf(fileId), overrides)
    const profileId = this.activeProfile()
    const savedMappings = (await this.store.loadMappings())[profileId] ?? []
    // The most recent saved mapping that knows one of these headers is the best guess.
    const saved = savedMappings.find((m) =>
      detection.headers.some((h) => autoMap([h], m)[0]?.kind !== 'ignore'),
    )
    return {
      file: { fileId, name: info.name, size: info.size },
      detection,
      suggested: autoMap(detection.headers, detection.hasHeader ? saved : null),
      savedMappings,
      defaultCountry: this.country(profileId),
    }
  }

  async validate(input: ValidateInput & { headers?: string[] }): Promise<ImportJobState> {
    const profileId = this.activeProfile()
    const info = this.deps.files.info(input.fileId)
    const mapping: ColumnMapping = input.mapping
    const mode = input.mode
    if (
      !mapping.some(
        (t) =>
          t.kind === 'field' &&
          (t.field === 'email' || (mode === 'audience' && t.field === 'phone')),
      )
    )
      throw mode === 'suppressed'
        ? keyedFailure('INVALID_INPUT', 'import-needs-email')
        : keyedFailure('INVALID_INPUT', 'import-needs-identifier')
    const id = randomUUID()
    const state: ImportJobState = {
      id,
      profileId,
      fileId: input.fileId,
      fileName: info.name,
      fileSize: info.size,
      mode,
      status: 'validating',
      createdAt: new Date().toISOString(),
      rowsRead: 0,
      counts: null,
      fieldIssues: [],
      options: null,
      upload: { sentRows: 0, batchesDone: 0, batchesTotal: 0, rowsPerSecond: 0, etaSeconds: null },
      startedUploadAt: null,
      finishedAt: null,
      durationMs: null,
      error: null,
      interrupted: false,
    }
    const rec: JobRecord = {
      state,
      config: {
        headers: input.headers ?? mapping.map((_, i) => `Column ${i + 1}`),
        table: input.table,
        mapping,
        duplicates: input.duplicates ?? 'first',
        dateOrder: input.dateOrder ?? 'dmy',
        country: this.country(profileId),
        sizeBytes: null,
        sha256: null,
      },
    }
    const live = this.track(rec)
    await this.store.save(rec)
    const run = runValidation(
      {
        path: this.deps.files.pathOf(input.fileId),
        table: input.table,
        mapping,
        mode,
        country: rec.config.country,
        dateOrder: rec.config.dateOrder,
        duplicates: rec.config.duplicates,
        outDir: this.store.dirOf(id),
      },
      (rowsRead) => {
        state.rowsRead = rowsRead
        live.emit({ ...state })
      },
      this.deps.builtWorkers,
    )
    live.validation = run
    live.checking = run.result
      .then(
        async (r) => {
          Object.assign(state, {
            status: 'review',
            counts: r.counts,
            fieldIssues: r.fieldIssues,
            rowsRead: r.counts.total,
          })
          Object.assign(rec.config, { sizeBytes: r.sizeBytes, sha256: r.sha256 })
        },
        (err: unknown) => {
          Object.assign(state, {
            status: state.status === 'cancelled' ? 'cancelled' : 'failed',
            error: appError(err),
          })
        },
      )
      .then(async () => {
        live.validation = null
        live.checking = null
        await this.persist(live)
      })
    live.emit({ ...state }, true)
    return { ...state }
  }

  /** Resolves when the job's current validation or upload run has stopped (tests, dispose). */
  async settled(id: string): Promise<ImportJobState> {
    const live = this.live(id)
    while (live.checking) await live.checking
    await live.runner?.settled()
    await live.saving
    return { ...live.rec.state }
  }

  async start({ jobId, options }: JobRef & { options: UploadOptions }): Promise<ImportJobState> {
    const live = this.live(jobId)
    if (live.rec.state.status !== 'review') throw keyedFailure('NOT_ALLOWED', 'import-started')
    const counts = live.rec.state.counts!
    Object.assign(live.rec.state, {
      options,
      upload: {
        sentRows: 0,
        batchesDone: 0,
        batchesTotal: Math.ceil(counts.toUpload / options.batchSize),
        rowsPerSecond: 0,
        etaSeconds: null,
      },
    })
    await rm(this.journalOf(jobId), { force: true })
    live.runner = JobRunner.create(this.journalOf(jobId), this.kind(live), this.hooks(live))
    return this.runUpload(live)
  }

  async resume({ jobId }: JobRef): Promise<ImportJobState> {
    const live = this.live(jobId)
    const s = live.rec.state
    if (!RESUMABLE.has(s.status) || !s.options || !live.runner)
      throw keyedFailure('NOT_ALLOWED', 'import-not-resumable')
    return this.runUpload(live)
  }

  async pause({ jobId }: JobRef): Promise<ImportJobState> {
    const live = this.live(jobId)
    if (live.rec.state.status !== 'uploading' || !live.runner)
      throw keyedFailure('NOT_ALLOWED', 'import-not-running')
    await live.runner.pause()
    return this.settled(jobId)
  }

  async cancel({ jobId: id }: JobRef): Promise<ImportJobState> {
    const live = this.live(id)
    const s = live.rec.state
    if (['done', 'cancelled'].includes(s.status)) return { ...s }
    if (live.runner) await live.runner.cancel()
    else {
      s.status = 'cancelled'
      s.finishedAt = new Date().toISOString()
      await live.validation?.cancel()
    }
    await this.settled(id)
    await this.persist(live)
    return { ...s }
  }

  list(): ImportJobState[] {
    const profileId = this.activeProfile()
    return [...this.jobs.values()]
      .map((j) => ({ ...j.rec.state }))
      .filter((s) => s.profileId === profileId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  async discard({ jobId }: JobRef): Promise<{ discarded: true }> {
    const live = this.live(jobId)
    if (live.checking || live.runner?.status === 'running')
      throw keyedFailure('NOT_ALLOWED', 'import-running')
    this.jobs.delete(jobId)
    await this.store.remove(jobId)
    return { discarded: true }
  }

  /** Rejected rows and rows with a dropped value, first `limit`, for the review table. */
  async issues({ jobId, limit }: JobRef & { limit: number }): Promise<RejectedRow[]> {
    const text = await readFile(
      join(this.store.dirOf(this.live(jobId).rec.state.id), ISSUES_FILE),
      'utf8',
    ).catch(() => '')
    const out: RejectedRow[] = []
    for (const line of text.split('\n')) {
      if (!line) continue
      out.push(JSON.parse(line) as RejectedRow)
      if (out.length >= limit) break
    }
    return out
  }

  /** The error report: the original row and the reason, CSV with BOM, formula-safe. */
  async errorReport({ jobId }: JobRef, dialect: CsvDialect): Promise<ExportedFile> {
    const rec = this.live(jobId).rec
    const rows = await this.issues({ jobId, limit: Number.MAX_SAFE_INTEGER })
    const { columns, imported, values } = dialect.words
    const base = rec.state.fileName.replace(/\.[^.]+$/, '')
    // The file's own columns follow under their own headers, so the report re-imports.
    return csvExport(
      `${base}-errors.csv`,
      [...headerOf(columns.importReport), ...rec.config.headers],
      rows.map((r) => [
        r.rowNumber,
        r.rejected ? imported.rejected : imported.partial,
        r.issues.map((i) => describeIssue(i, r.rejected, values.importIssues)).join('; '),
        ...r.fields,
      ]),
      dialect,
    )
  }

  async mappings(): Promise<SavedMapping[]> {
    return (await this.store.loadMappings())[this.activeProfile()] ?? []
  }

  async saveMapping({
    name,
    headers,
    mapping,
  }: {
    name: string
    headers: string[]
    mapping: ColumnMapping
  }): Promise<SavedMapping[]> {
    const profileId = this.activeProfile()
    const all = await this.store.loadMappings()
    const list = (all[profileId] ?? []).filter((m) => m.name !== name)
    list.unshift({
      id: randomUUID(),
      name,
      byHeader: mappingByHeader(headers, mapping),
      savedAt: new Date().toISOString(),
    })
    all[profileId] = list.slice(0, 50)
    await this.store.saveMappings(all)
    return all[profileId]
  }

  async deleteMapping({ id: mappingId }: { id: string }): Promise<SavedMapping[]> {
    const profileId = this.activeProfile()
    const all = await this.store.loadMappings()
    all[profileId] = (all[profileId] ?? []).filter((m) => m.id !== mappingId)
    await this.store.saveMappings(all)
    return all[profileId]
  }

  /** Stops every running job without marking it finished (they resume after restart). */
  async dispose(): Promise<void> {
    for (const live of this.jobs.values()) {
      await live.runner?.dispose()
      await live.validation?.cancel()
    }
  }

  private live(id: string): Live {
    const live = this.jobs.get(id)
    if (!live) throw keyedFailure('NOT_FOUND', 'import-gone')
    return live
  }

  private track(rec: JobRecord): Live {
    const live: Live = {
      rec,
      validation: null,
      checking: null,
      runner: null,
      run: { startedAt: 0, rows: 0 },
      saving: Promise.resolve(),
      emit: throttled((state) => this.deps.onChange?.(state), {
        ...(this.deps.progressEveryMs !== undefined ? { everyMs: this.deps.progressEveryMs } : {}),
        phase: (state) => state.status,
      }),
    }
    this.jobs.set(rec.state.id, live)
    return live
  }

  private journalOf(id: string): string {
    return join(this.store.dirOf(id), 'journal.jsonl')
  }

  /** The upload as a job of the runner: batches of rows.jsonl, each sent to the job's shop. */
  private kind(live: Live) {
    const s = live.rec.state
    const options = s.options!
    const endpoint = s.mode === 'suppressed' ? 'import.suppressed' : 'import.audience'
    return uploadKind(join(this.store.dirOf(s.id), ROWS_FILE), s.mode, options, {
      preflight: async () => {
        this.deps.shops.callable({ profileId: s.profileId }) // no secret: stay paused, say so
        await this.checkFileUnchanged(live.rec)
      },
      send: async (rows, signal) => {
        if (options.dryRun) return
        const params: Record<string, unknown> = { audience: rows }
        if (s.mode === 'audience' && options.segmentId !== undefined)
          params.segment_id = String(options.segmentId)
        // The job's own shop, whichever is active now.
        await this.deps.api.call(endpoint, { profileId: s.profileId }, params, {
          ...this.deps.callOptions,
          signal,
        })
      },
    })
  }

  private hooks(live: Live) {
    return {
      onUnit: (line: BatchLine) => {
        live.run.rows += line.n ?? 0
      },
      onChange: () => this.sync(live),
    }
  }

  /** Copies the runner's view (status, error, acknowledged batches) into the job's state. */
  private sync(live: Live): void {
    const runner = live.runner!
    const s = live.rec.state
    const status = STATUS[runner.status]
    const changed = status !== s.status
    if (changed && status === 'uploading') live.run = { startedAt: performance.now(), rows: 0 }
    let sentRows = 0
    let batchesDone = 0
    for (const line of runner.units.values())
      if (line.s === 'acked') {
        sentRows += line.n ?? 0
        batchesDone++
      }
    const seconds = Math.max(0.001, (performance.now() - live.run.startedAt) / 1000)
    const rate = live.run.rows / seconds
    Object.assign(s, { status, error: runner.error, interrupted: runner.interrupted })
    s.upload = {
      ...s.upload,
      sentRows,
      batchesDone,
      rowsPerSecond: Math.round(rate),
      etaSeconds:
        status === 'done'
          ? 0
          : rate > 0
            ? Math.ceil(((s.counts?.toUpload ?? 0) - sentRows) / rate)
            : null,
    }
    if (changed && (status === 'done' || status === 'cancelled' || status === 'failed')) {
      s.finishedAt = new Date().toISOString()
      s.durationMs = Date.parse(s.finishedAt) - Date.parse(s.startedUploadAt ?? s.createdAt)
    }
    if (changed) void this.persist(live)
    else live.emit({ ...s })
  }

  private async checkFileUnchanged(rec: JobRecord): Promise<void> {
    const path = this.deps.files.pathOf(rec.state.fileId)
    const size = (await stat(path).catch(() => null))?.size
    const changed = size !== rec.config.sizeBytes || (await sha256(path)) !== rec.config.sha256
    if (changed)
      throw new AppFailure(
        'NOT_ALLOWED',
        `"${rec.state.fileName}" changed since it was checked, so resuming could skip or repeat contacts. Start a new import with the file as it is now.`,
        { reason: 'file-changed', name: rec.state.fileName },
      )
  }

  private async runUpload(live: Live): Promise<ImportJobState> {
    const s = live.rec.state
    s.startedUploadAt ??= new Date().toISOString()
    await live.runner!.resume()
    return { ...s }
  }

  /** job.json after every status change (the journal has the batches); then the event. */
  /**
   * A finished job's checked rows (`rows.jsonl`, about twice the file: 150 MB for a
   * million-row export) are never read again: nothing resumes a done or cancelled upload,
   * and the report is `issues.jsonl`. Removed when the job finishes (and at start for jobs
   * that finished before), so imports do not pile up on the disk. Where the file is still
   * open (Windows refuses), it goes at the next start.
   */
  private dropRows(id: string): void {
    void rm(join(this.store.dirOf(id), ROWS_FILE), { force: true }).catch(() => {})
  }

  private persist(live: Live): Promise<void> {
    const { id, status } = live.rec.state
    if (status === 'done' || status === 'cancelled') this.dropRows(id)
    live.saving = live.saving.then(() => this.store.save(live.rec)).catch(() => {})
    live.emit({ ...live.rec.state }, true)
    return live.saving
  }
}

function appError(err: unknown) {
  return err instanceof AppFailure
    ? err.appError
    : { code: 'INTERNAL' as const, message: String((err as Error)?.message ?? err) }
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
