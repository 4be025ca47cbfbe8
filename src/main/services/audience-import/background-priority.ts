import { existsSync, readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/**
 * Nice value of the threads that check a file: the window's threads (and any other work of
 * normal priority) run first whenever they are ready, so an import may use every core and
 * the app still answers at once. 10 weighs a thread at a tenth of a normal one in Linux's
 * scheduler.
 */
const BACKGROUND = 10

/** Linux's link to the reading thread's own entry, "<pid>/task/<tid>". */
const THREAD_SELF = '/proc/thread-self'

/**
 * Lowers the calling thread's priority, and only that thread's. On Linux a thread has its
 * own nice value: `setpriority` given a thread id changes that thread. Elsewhere a thread
 * id cannot be named this way (and `setPriority(0)` would slow the whole app), so the
 * thread keeps normal priority there; so it does if the system refuses.
 */
export function runInBackground(): void {
  let self: string
  try {
    self = readlinkSync(THREAD_SELF)
  } catch {
    return
  }
  const tid = Number(self.slice(self.lastIndexOf('/') + 1))
  if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return
  try {
    setPriority(tid, BACKGROUND)
  } catch {
    // Not allowed here: normal priority.
  }
}

/**
 * Whether checking threads can run below the window's priority here (Linux). Where they
 * cannot, a check leaves one core to the window instead.
 */
export function backgroundThreadsPossible(): boolean {
  return existsSync(THREAD_SELF)
}
