/**
 * The sandbox's own clock, which product counters move with. It follows the wall clock
 * (so the Demo shop's counters change while the console runs) unless the sandbox was
 * started at a fixed instant (`now`), in which case it stands still; either way tests move
 * it with `advance()` / `set()`. Every answer carries it in the HTTP `Date` header, the
 * instant the answer describes, as a real server's does.
 */
export class SandboxClock {
  private offset = 0

  constructor(
    /** A fixed start (ms); null = follow the wall clock. */
    private readonly frozenAt: number | null,
    private readonly wall: () => number = Date.now,
  ) {}

  private base(): number {
    return this.frozenAt ?? this.wall()
  }

  now(): Date {
    return new Date(this.base() + this.offset)
  }

  /** Moves the clock forward (or back, with a negative amount). */
  advance(ms: number): void {
    this.offset += ms
  }

  /** Puts the clock at an instant. */
  set(at: Date | string | number): void {
    this.offset = new Date(at).getTime() - this.base()
  }
}
