import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
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
import { toCsv } from '../files/csv'
import type { FileRegistry } from '../files/file-registry'
import type { ShopDirectory } from '../shops/shop-directory'
import { detectTableFile } from '../table-file'
import { JobStore, type JobRecord } from './job-store'
import { runValidation, type ValidationRun } from './run-validation'
import { uploadBatches } from './uploader'
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
}

interface Live {
  rec: JobRecord
  abort: AbortController | null
  validation: ValidationRun | null
  running: Promise<void> | null
  lastEmit: number
}

const RESUMABLE = new Set(['paused', 'failed'])

/** A job as the screen names it. */
interface JobRef {
  jobId: string
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
      if (s.status === 'uploading') Object.assign(s, { status: 'paused', interrupted: true })
      if (s.status === 'validating')
        Object.assign(s, {
          status: 'failed',
          error: keyedFailure('CANCELLED', 'check-interrupted').appError,
        })
      this.jobs.set(s.id, { rec, abort: null, validation: null, running: null, lastEmit: 0 })
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
      ackedBatches: 0,
    }
    const live: Live = { rec, abort: null, validation: null, running: null, lastEmit: 0 }
    this.jobs.set(id, live)
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
        this.emit(live)
      },
    )
    live.validation = run
    live.running = run.result
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
        live.running = null
        await this.persist(live, true)
      })
    this.emit(live, true)
    return { ...state }
  }

  /** Resolves when the job's current validation or upload run has stopped (tests, dispose). */
  async settled(id: string): Promise<ImportJobState> {
    const live = this.live(id)
    while (live.running) await live.running
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
    live.rec.ackedBatches = 0
    return this.runUpload(live)
  }

  async resume({ jobId }: JobRef): Promise<ImportJobState> {
    const live = this.live(jobId)
    const s = live.rec.state
    if (!RESUMABLE.has(s.status) || !s.options)
      throw keyedFailure('NOT_ALLOWED', 'import-not-resumable')
    await this.checkFileUnchanged(live.rec)
    return this.runUpload(live)
  }

  pause({ jobId }: JobRef): Promise<ImportJobState> {
    const live = this.live(jobId)
    if (live.rec.state.status !== 'uploading')
      throw keyedFailure('NOT_ALLOWED', 'import-not-running')
    live.rec.state.status = 'paused'
    live.abort?.abort()
    return this.settled(jobId)
  }

  async cancel({ jobId: id }: JobRef): Promise<ImportJobState> {
    const live = this.live(id)
    const s = live.rec.state
    if (['done', 'cancelled'].includes(s.status)) return { ...s }
    s.status = 'cancelled'
    s.finishedAt = new Date().toISOString()
    live.abort?.abort()
    await live.validation?.cancel()
    await this.settled(id)
    await this.persist(live, true)
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
    if (live.running) throw keyedFailure('NOT_ALLOWED', 'import-running')
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
  async errorReport({ jobId }: JobRef): Promise<ExportedFile> {
    const rec = this.live(jobId).rec
    const rows = await this.issues({ jobId, limit: Number.MAX_SAFE_INTEGER })
    const content = toCsv(
      ['Row', 'Outcome', 'Reason', ...rec.config.headers],
      rows.map((r) => [
        r.rowNumber,
        r.rejected ? 'not imported' : 'imported without a value',
        r.issues.map((i) => describeIssue(i, !r.rejected)).join('; '),
        ...r.fields,
      ]),
    )
    const base = rec.state.fileName.replace(/\.[^.]+$/, '')
    return { filename: `${base}-errors.csv`, mimeType: 'text/csv;charset=utf-8', content }
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
      live.abort?.abort()
      await live.validation?.cancel()
    }
  }

  private live(id: string): Live {
    const live = this.jobs.get(id)
    if (!live) throw keyedFailure('NOT_FOUND', 'import-gone')
    return live
  }

  private async checkFileUnchanged(rec: JobRecord): Promise<void> {
    const path = this.deps.files.pathOf(rec.state.fileId)
    const size = (await stat(path).catch(() => null))?.size
    const changed = size !== rec.config.sizeBytes || (await sha256(path)) !== rec.config.sha256
    if (changed) {
      const error = {
        code: 'NOT_ALLOWED' as const,
        message: `"${rec.state.fileName}" changed since it was checked, so resuming could skip or repeat contacts. Start a new import with the file as it is now.`,
        details: { reason: 'file-changed', name: rec.state.fileName },
      }
      rec.state.error = error
      throw new AppFailure(error.code, error.message, error.details)
    }
  }

  private async runUpload(live: Live): Promise<ImportJobState> {
    const s = live.rec.state
    const options = s.options!
    // The job's own shop, whichever is active now; no secret refuses before any batch.
    const shop = { profileId: this.deps.shops.callable({ profileId: s.profileId }).profileId }
    const abort = new AbortController()
    live.abort = abort
    Object.assign(s, { status: 'uploading', error: null, interrupted: false })
    s.startedUploadAt ??= new Date().toISOString()
    await this.persist(live, true)
    const endpoint = s.mode === 'suppressed' ? 'import.suppressed' : 'import.audience'
    const started = performance.now()
    let sentThisRun = 0
    const upload = uploadBatches(
      join(this.store.dirOf(s.id), ROWS_FILE),
      s.mode,
      options,
      live.rec.ackedBatches,
      {
        signal: abort.signal,
        send: async (batch) => {
          if (options.dryRun) return
          const params: Record<string, unknown> = { audience: batch }
          if (s.mode === 'audience' && options.segmentId !== undefined)
            params.segment_id = String(options.segmentId)
          await this.deps.api.call(endpoint, shop, params, {
            ...this.deps.callOptions,
            signal: abort.signal,
          })
        },
        acked: async (index, rows) => {
          live.rec.ackedBatches = index + 1
          sentThisRun += rows
          const rate = sentThisRun / Math.max(0.001, (performance.now() - started) / 1000)
          const left = (s.counts?.toUpload ?? 0) - (s.upload.sentRows + rows)
          s.upload = {
            ...s.upload,
            sentRows: s.upload.sentRows + rows,
            batchesDone: index + 1,
            rowsPerSecond: Math.round(rate),
            etaSeconds: rate > 0 ? Math.ceil(left / rate) : null,
          }
          await this.persist(live, false)
        },
      },
    )
    live.running = upload
      .then(
        (how) => {
          if (how === 'finished' && s.status === 'uploading') {
            s.status = 'done'
            s.upload.etaSeconds = 0
          }
        },
        (err: unknown) => {
          if (abort.signal.aborted) return // paused or cancelled: status already set
          Object.assign(s, { status: 'failed', error: appError(err) })
        },
      )
      .then(async () => {
        if (s.status === 'done' || s.status === 'cancelled' || s.status === 'failed') {
          s.finishedAt = new Date().toISOString()
          s.durationMs = Date.parse(s.finishedAt) - Date.parse(s.startedUploadAt ?? s.createdAt)
        }
        live.abort = null
        live.running = null
        await this.persist(live, true)
      })
    return { ...s }
  }

  private async persist(live: Live, force: boolean): Promise<void> {
    await this.store.save(live.rec)
    this.emit(live, force)
  }

  private emit(live: Live, force = false): void {
    const now = Date.now()
    if (!force && now - live.lastEmit < (this.deps.progressEveryMs ?? 200)) return
    live.lastEmit = now
    this.deps.onChange?.({ ...live.rec.state })
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
