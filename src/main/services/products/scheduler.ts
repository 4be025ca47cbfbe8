export interface SchedulerOptions {
  /** Time between the end of one run and the start of the next. */
  intervalMs: number
  run: () => Promise<void>
  /** Injected for tests. */
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  onError?: (err: unknown) => void
}

/**
 * Runs a job every `intervalMs` while the console runs, and on demand. One run at a time:
 * asking while a run is under way joins it, and the next scheduled run is set only when a
 * run has ended, so a slow API stretches the schedule instead of piling runs (and their
 * requests) on top of each other.
 */
export class SnapshotScheduler {
  private running: Promise<void> | null = null
  private timer: unknown = null
  private stopped = true
  private readonly setTimer: (fn: () => void, ms: number) => unknown
  private readonly clearTimer: (handle: unknown) => void

  constructor(private readonly opts: SchedulerOptions) {
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref())
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  }

  get busy(): boolean {
    return this.running !== null
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.schedule()
  }

  /** Runs now, or returns the run under way. The next scheduled run counts from its end. */
  runNow(): Promise<void> {
    if (this.running) return this.running
    this.cancelTimer()
    this.running = (async () => {
      try {
        await this.opts.run()
      } finally {
        this.running = null
        this.schedule()
      }
    })()
    return this.running
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.cancelTimer()
    await this.running?.catch(() => undefined)
  }

  private schedule(): void {
    if (this.stopped) return
    this.cancelTimer()
    this.timer = this.setTimer(() => {
      this.timer = null
      this.runNow().catch((err: unknown) => this.opts.onError?.(err))
    }, this.opts.intervalMs)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer)
    this.timer = null
  }
}
