import { AppFailure, keyedFailure, type AppError } from '../../shared/errors'
import { readJsonLines } from '../store/json-lines'
import { Journal } from './journal'

/** Where a job stands. `failed` stopped by itself and can be resumed, like `paused`. */
export type JobStatus = 'running' | 'paused' | 'failed' | 'done' | 'cancelled'

/** A unit's line in the journal: its key (`r`), its state (`s`) and the kind's own fields. */
export interface UnitLine {
  r: number
  s: string
  t: string
}

/** A change of the whole job: status changes, and a kind's own settings (e.g. a new rate). */
export interface ControlLine {
  ctl: string
  t: string
  err?: AppError
  [field: string]: unknown
}

/**
 * Thrown by a unit that was still waiting for its turn (the job's pace) when the job began
 * pausing or cancelling: it never started, so nothing is journalled and the next run does it.
 */
export class UnitNotStarted extends Error {
  constructor() {
    super('The job stopped before this unit started.')
  }
}

/** What a unit of work sees while it runs. */
export interface UnitStep<L> {
  /** Aborted on pause or cancel, only for kinds whose units may be done again. */
  signal: AbortSignal
  /**
   * Call after waiting for the unit's turn and before it takes effect: throws
   * `UnitNotStarted` once the job is pausing or cancelling, so a pause stops the units
   * queued behind the rate, not only new ones (with several in flight, up to
   * `concurrency` of them may be waiting).
   */
  mayStart(): void
  /**
   * Journals the unit as started (`s: 'pending'`, durably) before it takes effect: call it
   * right before the request. A crash after this line and before the result leaves the
   * unit "caught in flight", which the kind's `inFlight` rule settles on the next start.
   */
  begin(fields?: Partial<L>): Promise<void>
}

/**
 * One kind of resumable job (an import upload, a bulk send, …): what its units are, how
 * one is done, and what a unit caught in flight by a crash means.
 */
export interface JobKind<U extends { key: number }, L extends UnitLine> {
  /**
   * `redo`: doing a unit twice is harmless (the API upserts), so one caught in flight is
   * simply done again, and pause or cancel may abort it mid-request.
   * `unknown`: it may have taken effect (a message went out), so it is closed with
   * `caughtInFlight` and never done again, and pause waits for it to finish.
   */
  inFlight: 'redo' | 'unknown'
  /**
   * Units in flight at once (default 1). Each is still journalled on its own: a `redo` unit
   * when it is done, an `unknown` one `pending` before its request (`begin`) and when done.
   */
  concurrency?: number
  /** The units in order; those already in `done` are skipped by the runner anyway. */
  units(done: ReadonlyMap<number, L>): AsyncIterable<U>
  /** Does one unit and returns its result line (`r` and `t` are filled in by the runner). */
  run(unit: U, step: UnitStep<L>): Promise<Omit<L, 'r' | 't'>>
  /** For `unknown` kinds: the line that closes a unit found `pending` after a crash. */
  caughtInFlight?(started: L): Omit<L, 'r' | 't'>
  /**
   * Checked before every start and resume: throws a keyed `AppFailure` when the job cannot
   * run now (no secret, file gone or changed). The job then stays paused with that reason.
   */
  preflight?(): Promise<void>
}

export interface JobHooks<L> {
  /** A unit reached its result (after it is on disk): count it, log it. */
  onUnit?(line: L): void
  /** Anything visible changed (status, error, a unit started or finished). */
  onChange?(): void
}

export interface OpenedJob<U extends { key: number }, L extends UnitLine> {
  runner: JobRunner<U, L>
  /** Units closed on this open because a crash caught them in flight (`unknown` kinds). */
  caught: L[]
  /** Every control line, oldest first, for the kind's own settings. */
  controls: ControlLine[]
}

const PENDING = 'pending'
const now = (): string => new Date().toISOString()

/**
 * Runs one job's units (one at a time unless the kind asks for more), journalling each, and owns the
 * job's status. Every transition is total: start/resume from `paused` or `failed` either
 * runs or leaves the job `paused` with the reason; pause and cancel always land; a crash
 * brings the job back `paused` (`interrupted`) with its in-flight unit settled by its kind.
 */
export class JobRunner<U extends { key: number }, L extends UnitLine> {
  status: JobStatus = 'paused'
  error: AppError | null = null
  /** Found unfinished at start-up (the app died or quit while it ran). */
  interrupted = false
  private wanted: 'run' | 'pause' | 'cancel' = 'pause'
  private abort: AbortController | null = null
  private loop: Promise<void> | null = null
  private resuming: Promise<void> | null = null
  private readonly journal: Journal<L | ControlLine>

  private constructor(
    file: string,
    private readonly kind: JobKind<U, L>,
    /** The last line of every unit ever attempted, merged over its `pending` line. */
    readonly units: Map<number, L>,
    private readonly hooks: JobHooks<L>,
  ) {
    this.journal = new Journal(file)
  }

  /** A job with an empty journal, not yet started. */
  static create<U extends { key: number }, L extends UnitLine>(
    file: string,
    kind: JobKind<U, L>,
    hooks: JobHooks<L> = {},
  ): JobRunner<U, L> {
    return new JobRunner(file, kind, new Map(), hooks)
  }

  /** Replays a journal, settles units caught in flight, and restores the status. */
  static async open<U extends { key: number }, L extends UnitLine>(
    file: string,
    kind: JobKind<U, L>,
    hooks: JobHooks<L> = {},
  ): Promise<OpenedJob<U, L>> {
    const { lines } = await readJsonLines<L | ControlLine>(file, (raw) =>
      typeof raw === 'object' && raw !== null && ('ctl' in raw || 'r' in raw)
        ? (raw as L | ControlLine)
        : null,
    )
    const units = new Map<number, L>()
    const controls: ControlLine[] = []
    for (const line of lines) {
      if ('ctl' in line) controls.push(line)
      // Details travel on the pending line; keep them when the result arrives.
      else units.set(line.r, { ...units.get(line.r), ...line })
    }
    const runner = new JobRunner(file, kind, units, hooks)
    const caught: L[] = []
    for (const [key, line] of units) {
      if (line.s !== PENDING) continue
      if (kind.inFlight === 'redo') {
        units.delete(key)
        continue
      }
      if (!kind.caughtInFlight)
        throw new Error('an "unknown" job kind must say how to close a unit')
      const closed = { ...kind.caughtInFlight(line), r: key, t: now() } as L
      await runner.journal.append(closed)
      const merged = { ...line, ...closed }
      units.set(key, merged)
      caught.push(merged)
    }
    await runner.journal.close()
    const last = [...controls].reverse().find((c) => STATUS_OF[c.ctl] !== undefined)
    const status = last ? STATUS_OF[last.ctl]! : 'running'
    runner.status = status === 'running' ? 'paused' : status
    runner.interrupted = status === 'running'
    runner.error = last?.err ?? null
    return { runner, caught, controls }
  }

  /** Appends a control line of the kind's own (e.g. a new sending rate). */
  async note(ctl: string, fields: Record<string, unknown> = {}): Promise<void> {
    await this.journal.append({ ...fields, ctl, t: now() })
    if (!this.loop) await this.journal.close()
  }

  /** Starts or resumes. Refused (keyed) when finished or already running. */
  resume(): Promise<void> {
    // Two clicks on Resume start one run.
    this.resuming ??= this.startRun().finally(() => {
      this.resuming = null
    })
    return this.resuming
  }

  private async startRun(): Promise<void> {
    if (this.status === 'done' || this.status === 'cancelled' || this.status === 'running')
      throw keyedFailure('NOT_ALLOWED', 'job-not-resumable')
    // A pause that is still winding down (waiting for its unit in flight) ends first.
    await this.loop
    try {
      await this.kind.preflight?.()
    } catch (err) {
      await this.settle('paused', toAppError(err))
      throw err
    }
    this.wanted = 'run'
    this.error = null
    this.interrupted = false
    await this.settle('running', null)
    this.loop = this.runLoop().finally(() => {
      this.loop = null
    })
  }

  /** Stops after the unit in flight (`unknown` kinds) or at once (`redo` kinds). */
  async pause(): Promise<void> {
    if (this.status !== 'running') throw keyedFailure('NOT_ALLOWED', 'job-not-running')
    this.wanted = 'pause'
    if (this.kind.inFlight === 'redo') this.abort?.abort()
    await this.settle('paused', null)
  }

  /** Ends the job for good; a unit in flight is treated as for pause. */
  async cancel(): Promise<void> {
    if (this.status === 'done' || this.status === 'cancelled') return
    this.wanted = 'cancel'
    if (this.kind.inFlight === 'redo') this.abort?.abort()
    if (!this.loop) await this.settle('cancelled', null)
    else this.hooks.onChange?.()
  }

  /** Resolves when the current run has stopped (tests, dispose, the crash harness). */
  async settled(): Promise<void> {
    while (this.loop) await this.loop
  }

  /** Stops running without a status change, so the job resumes after a restart. */
  async dispose(): Promise<void> {
    this.wanted = 'pause'
    this.abort?.abort()
    await this.settled()
    await this.journal.close()
  }

  private async runLoop(): Promise<void> {
    const abort = new AbortController()
    this.abort = abort
    let end: JobStatus | null = null
    let error: AppError | null = null
    // Several units may run at once; the first failure stops new ones, lets those in flight
    // land in the journal, then fails the run. A unit holds its slot until its line is on
    // disk, so a crash leaves at most `concurrency` units unjournalled.
    const limit = Math.max(1, this.kind.concurrency ?? 1)
    const running = new Set<Promise<void>>()
    let failure: { err: unknown } | null = null
    try {
      try {
        for await (const unit of this.kind.units(this.units)) {
          if (this.wanted !== 'run' || failure) break
          if (this.units.has(unit.key)) continue
          const task = this.runUnit(unit, abort.signal).catch((err: unknown) => {
            if (!(err instanceof UnitNotStarted)) failure ??= { err }
          })
          running.add(task)
          void task.then(() => running.delete(task))
          if (running.size >= limit) await Promise.race(running)
          if (this.wanted !== 'run' || failure) break
        }
      } finally {
        await Promise.all(running)
      }
      if (failure) throw (failure as { err: unknown }).err
      if (this.wanted === 'run') end = 'done'
    } catch (err) {
      // A unit aborted by pause or cancel is not a failure: the status says what happened.
      if (!abort.signal.aborted) {
        end = 'failed'
        error = toAppError(err)
      }
    } finally {
      this.abort = null
    }
    if (this.wanted === 'cancel') end = 'cancelled'
    try {
      await this.closeCaught()
      if (end) await this.settle(end, error)
    } catch {
      // The disk refused a line: what is in memory is right for this session, and after a
      // restart the job comes back paused with its in-flight unit settled by its kind.
    } finally {
      await this.journal.close().catch(() => {})
    }
  }

  private async runUnit(unit: U, signal: AbortSignal): Promise<void> {
    const key = unit.key
    const step: UnitStep<L> = {
      signal,
      mayStart: () => {
        if (this.wanted !== 'run') throw new UnitNotStarted()
      },
      begin: async (fields) => {
        const line = { ...fields, r: key, s: PENDING, t: now() } as L
        await this.journal.append(line)
        this.units.set(key, line)
      },
    }
    const result = await this.kind.run(unit, step)
    const line = { ...result, r: key, t: now() } as L
    await this.journal.append(line)
    const merged = { ...this.units.get(key), ...line }
    this.units.set(key, merged)
    this.hooks.onUnit?.(merged)
    this.hooks.onChange?.()
  }

  /**
   * A unit still `pending` when the run stops (aborted, or its result could not be written):
   * a redo unit is forgotten and runs again; any other is closed as if a crash caught it.
   */
  private async closeCaught(): Promise<void> {
    for (const [key, line] of this.units) {
      if (line.s !== PENDING) continue
      if (this.kind.inFlight === 'redo') {
        this.units.delete(key)
        continue
      }
      const closed = { ...line, ...this.kind.caughtInFlight!(line), r: key, t: now() } as L
      this.units.set(key, closed)
      this.hooks.onUnit?.(closed)
      await this.journal.append(closed)
    }
  }

  private async settle(status: JobStatus, error: AppError | null): Promise<void> {
    this.status = status
    this.error = error
    await this.journal.append({ ctl: CTL_OF[status], t: now(), ...(error ? { err: error } : {}) })
    if (!this.loop) await this.journal.close()
    this.hooks.onChange?.()
  }
}

/** Status ↔ control line. `resumed`/`paused` keep the words older bulk journals used. */
const CTL_OF: Record<JobStatus, string> = {
  running: 'resumed',
  paused: 'paused',
  failed: 'failed',
  done: 'done',
  cancelled: 'cancelled',
}
const STATUS_OF: Record<string, JobStatus> = Object.fromEntries(
  Object.entries(CTL_OF).map(([status, ctl]) => [ctl, status as JobStatus]),
)

/** Any thrown value as the one error shape; an unexpected one is keyed, its cause kept. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppFailure) return err.appError
  return keyedFailure('INTERNAL', 'job-stopped', {
    cause: String((err as Error)?.message ?? err),
  }).appError
}
