export type Sleep = (ms: number) => Promise<void>
export const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Evenly spaced starts at a job's rate (read at every start, as the marketer may change it;
 * 0 or less = no limit), on one clock shared by every unit in flight: with several requests
 * overlapping, the rate is held across them rather than per request. A job that falls behind
 * (a slow API) does not burst to catch up: the next start is never earlier than now.
 */
export function pacer(rate: () => number, sleep: Sleep = realSleep): () => Promise<void> {
  let nextStart = 0
  return async () => {
    const perSecond = rate()
    if (perSecond <= 0) return
    const at = Math.max(nextStart, Date.now())
    nextStart = at + 1000 / perSecond
    if (at > Date.now()) await sleep(at - Date.now())
  }
}
