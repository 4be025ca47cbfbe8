export type Sleep = (ms: number) => Promise<void>
export const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Evenly spaced starts at a job's rate (read at every start, as the marketer may change it;
 * 0 or less = no limit), on one clock shared by every unit in flight: with several requests
 * overlapping, the rate is held across them rather than per request. A start up to one
 * interval late (a timer or a busy event loop) keeps its place on the schedule, so such
 * slips do not add up over thousands of rows; a job further behind (a slow API, a pause)
 * starts afresh from now rather than bursting to catch up.
 */
export function pacer(rate: () => number, sleep: Sleep = realSleep): () => Promise<void> {
  let nextStart = 0
  return async () => {
    const perSecond = rate()
    if (perSecond <= 0) return
    const interval = 1000 / perSecond
    const now = Date.now()
    const at = nextStart >= now - interval ? nextStart : now
    nextStart = at + interval
    if (at > now) await sleep(at - now)
  }
}
