/** Rows finished over the last few seconds: the rate a progress bar shows, and its ETA. */
export class JobSpeed {
  private times: number[] = []

  constructor(
    private readonly windowMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  tick(): void {
    const t = this.now()
    this.times.push(t)
    // Keep the window short; the array never grows past a window's worth of rows.
    if (this.times.length > 4096 || (this.times[0] ?? t) < t - this.windowMs) this.trim(t)
  }

  reset(): void {
    this.times = []
  }

  /** Null until two rows have finished in the window. */
  perSecond(): number | null {
    const t = this.now()
    this.trim(t)
    const first = this.times[0]
    if (this.times.length < 2 || first === undefined) return null
    const span = Math.max(t - first, 1)
    return Math.round(((this.times.length - 1) * 1000 * 10) / span) / 10
  }

  private trim(t: number): void {
    const from = this.times.findIndex((x) => x >= t - this.windowMs)
    this.times = from < 0 ? [] : this.times.slice(from)
  }
}
