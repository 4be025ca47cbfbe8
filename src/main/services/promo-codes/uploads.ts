import { randomUUID } from 'node:crypto'
import { mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { keyedFailure } from '../../../shared/errors'
import type {
  CodeSource,
  PromoListsState,
  UploadJobState,
  UploadReview,
} from '../../../shared/promo-codes'
import type { ApiClient } from '../../api'
import { JobFolders } from '../../jobs/job-folders'
import { JobRunner, type JobStatus } from '../../jobs/runner'
import { throttled, type Throttled } from '../../jobs/throttle'
import type { Logger } from '../../log/logger'
import type { ShopDirectory } from '../shops/shop-directory'
import type { Ledger } from './ledger'
import type { PromoLists } from './lists-service'
import { stageCodes, type FilesLike } from './review'
import { codeUploadKind, type CodeBatch, type CodeBatchLine } from './upload-kind'

const configSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  listId: z.string(),
  listName: z.string(),
  total: z.number(),
  batchSize: z.number(),
  before: z.number().nullable(),
  createdAt: z.string(),
})
type UploadConfig = z.infer<typeof configSchema>

interface Job {
  config: UploadConfig
  runner: JobRunner<CodeBatch, CodeBatchLine>
  after: number | null
  /** The list being read again after the upload finished. */
  reading?: Promise<void>
  announce: Throttled<UploadJobState>
}

interface StagedReview {
  profileId: string
  listId: string
  file: string
  count: number
}

export interface UploadsDeps {
  dataDir: string
  api: ApiClient
  shops: ShopDirectory
  files: FilesLike
  lists: PromoLists
  ledger: Ledger
  onChange?(state: UploadJobState): void
  /** The lists were read again after an upload ended. */
  onLists?(profileId: string, state: PromoListsState): void
  log?: Logger
}

const STATUS: Record<JobStatus, UploadJobState['status']> = {
  running: 'running',
  paused: 'paused',
  failed: 'paused',
  done: 'done',
  cancelled: 'cancelled',
}

/**
 * Promo-code uploads: a review stages the codes (`promo-codes/reviews/<id>.txt`); starting
 * moves them into the job's folder (`promo-codes/jobs/<id>/codes.txt`), so the batches a
 * journal numbers never change, and the job runner sends them in batches. Each acknowledged
 * batch goes to the list's ledger. When the upload ends the list is read again, because the
 * API drops repeats without saying how many: "sent N; the list had A before and B after".
 */
export class CodeUploads {
  private readonly jobs = new Map<string, Job>()
  private readonly reviews = new Map<string, StagedReview>()
  private readonly folders: JobFolders<UploadConfig>
  private readonly reviewDir: string

  private constructor(private readonly deps: UploadsDeps) {
    this.folders = new JobFolders(join(deps.dataDir, 'promo-codes', 'jobs'), configSchema)
    this.reviewDir = join(deps.dataDir, 'promo-codes', 'reviews')
  }

  static async open(deps: UploadsDeps): Promise<CodeUploads> {
    const uploads = new CodeUploads(deps)
    // Reviews live for one session: a review from before a restart is stale.
    await rm(uploads.reviewDir, { recursive: true, force: true })
    await uploads
      .load()
      .catch((err: unknown) => deps.log?.error('promo-code uploads failed to load', { error: err }))
    return uploads
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
      const after = opened.controls.filter((c) => c.ctl === 'after').at(-1)?.available
      if (typeof after === 'number') job.after = after
      this.jobs.set(config.id, job)
    }
  }

  /** Reads and checks the codes; nothing is sent until `start`. */
  async review(profileId: string, listId: string, source: CodeSource): Promise<UploadReview> {
    const reviewId = randomUUID()
    const file = join(this.reviewDir, `${reviewId}.txt`)
    const taken = await this.deps.ledger.set(profileId, listId)
    const review = await stageCodes({
      reviewId,
      listId,
      source,
      taken,
      file,
      files: this.deps.files,
    })
    this.reviews.set(reviewId, { profileId, listId, file, count: review.count })
    return review
  }

  list(profileId: string): UploadJobState[] {
    return [...this.jobs.values()]
      .filter((j) => j.config.profileId === profileId)
      .map((j) => this.stateOf(j))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  owns(profileId: string, jobId: string): boolean {
    return this.jobs.get(jobId)?.config.profileId === profileId
  }

  async start(profileId: string, reviewId: string, batchSize: number): Promise<UploadJobState> {
    const staged = this.reviews.get(reviewId)
    if (!staged || staged.profileId !== profileId)
      throw keyedFailure('NOT_FOUND', 'promo-review-gone')
    if (staged.count === 0) throw keyedFailure('INVALID_INPUT', 'promo-nothing-to-send')
    this.deps.shops.callable({ profileId }) // no secret: refuse now, not at batch 1
    const list = await this.deps.lists.find(profileId, staged.listId)
    const config: UploadConfig = {
      id: randomUUID(),
      profileId,
      listId: staged.listId,
      listName: list.name,
      total: staged.count,
      batchSize,
      before: list.available,
      createdAt: new Date().toISOString(),
    }
    this.reviews.delete(reviewId)
    // The codes are in the job's folder before `job.json` exists: a job on disk has its codes.
    await mkdir(this.folders.dirOf(config.id), { recursive: true, mode: 0o700 })
    await rename(staged.file, this.codesOf(config.id))
    await this.folders.save(config.id, config)
    const job = this.prepare(config)
    this.jobs.set(config.id, job)
    await job.runner.resume()
    return this.stateOf(job)
  }

  async control(jobId: string, action: 'pause' | 'resume' | 'cancel'): Promise<UploadJobState> {
    const job = this.requireJob(jobId)
    const { status } = job.runner
    if (status === 'done' || status === 'cancelled') return this.stateOf(job)
    if (action === 'pause' && status === 'running') await job.runner.pause()
    else if (action === 'resume' && status !== 'running') await job.runner.resume()
    else if (action === 'cancel') await job.runner.cancel()
    job.announce(this.stateOf(job), true)
    return this.stateOf(job)
  }

  /** Resolves when the job's current run ends, with the list read again if it finished. */
  async settled(jobId: string): Promise<UploadJobState> {
    const job = this.requireJob(jobId)
    await job.runner.settled()
    await job.reading
    return this.stateOf(job)
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.runner.dispose()))
  }

  private codesOf(jobId: string): string {
    return join(this.folders.dirOf(jobId), 'codes.txt')
  }

  private requireJob(jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (!job) throw keyedFailure('NOT_FOUND', 'promo-upload-gone')
    return job
  }

  private prepare(config: UploadConfig): Job {
    const job = {
      config,
      after: null,
      announce: throttled<UploadJobState>((s) => this.deps.onChange?.(s), {
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
    const { profileId, listId, batchSize } = job.config
    return codeUploadKind(this.codesOf(job.config.id), batchSize, {
      preflight: async () => {
        this.deps.shops.callable({ profileId })
      },
      send: async (codes, signal) => {
        await this.deps.api.call(
          'promoCodes.upload',
          { profileId },
          { id: listId, codes },
          { signal },
        )
        await this.deps.ledger.add(profileId, listId, codes)
      },
    })
  }

  private hooks(job: Job) {
    return {
      onChange: () => {
        if (job.runner.status === 'done' && job.after === null && !job.reading)
          job.reading = this.readAfter(job)
        job.announce(this.stateOf(job))
      },
    }
  }

  /** The list read again once the upload is done: how many codes it holds now. */
  private async readAfter(job: Job): Promise<void> {
    const { profileId, listId } = job.config
    try {
      const state = await this.deps.lists.refresh(profileId)
      const list = state.lists.find((l) => l.id === listId)
      if (list) {
        job.after = list.available
        await job.runner.note('after', { available: list.available })
      }
      this.deps.onLists?.(profileId, state)
    } catch (err) {
      this.deps.log?.warn('promo list not read after upload', { error: err })
    }
    job.announce(this.stateOf(job), true)
  }

  private stateOf(job: Job): UploadJobState {
    let sent = 0
    for (const line of job.runner.units.values()) if (line.s === 'acked') sent += line.n ?? 0
    const { config, runner } = job
    return {
      id: config.id,
      profileId: config.profileId,
      listId: config.listId,
      listName: config.listName,
      status: STATUS[runner.status],
      total: config.total,
      sent,
      batchSize: config.batchSize,
      before: config.before,
      after: job.after,
      createdAt: config.createdAt,
      interrupted: runner.interrupted,
      ...(runner.error ? { error: runner.error } : {}),
    }
  }
}
