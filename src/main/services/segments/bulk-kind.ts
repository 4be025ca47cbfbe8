import { AppFailure, type ErrorCode } from '../../../shared/errors'
import type { ApiClient } from '../../api'
import type { JobKind } from '../../jobs/runner'
import { pacer, realSleep, type Sleep } from '../../jobs/pace'
import { fromSnapshot, type SegmentJobConfig, type SegmentLine, type SegmentRow } from './bulk-rows'
import { contactParams } from './contact'
import type { BulkRow } from '../sends/bulk-rows'

export type { Sleep }

/** Requests in flight per job: the API client's per-shop concurrency. */
export const SEGMENT_JOB_CONCURRENCY = 4

/** Failures that say "not now" rather than "not this row": the row is asked again. */
const TRANSIENT = new Set<ErrorCode>([
  'API_RATE_LIMITED',
  'API_SERVER_ERROR',
  'API_UNAVAILABLE',
  'NETWORK_UNREACHABLE',
  'TIMEOUT',
  'OUTCOME_UNKNOWN',
])
/** Failures no other row would escape (wrong shop, wrong key): the job stops with the reason. */
const FATAL = new Set<ErrorCode>(['API_WRONG_SHOP_ID', 'API_WRONG_SECRET'])
/** Rounds of the client's own retries a row gets before it is reported failed. */
const ROUNDS = 6

export interface SegmentKindDeps {
  api: ApiClient
  /** The job's rows, from its snapshot. */
  rows: () => AsyncIterable<BulkRow>
  /** The rate the marketer set last (it may change while the job runs); 0 = no limit. */
  rate: () => number
  preflight: () => Promise<void>
  sleep?: Sleep
}

/**
 * A bulk add, remove or check as a job: one unit per row, up to four at once, started no
 * faster than the job's rate. Adding someone already in (or removing someone already out)
 * changes nothing, so a row caught in flight by a crash or a pause is simply asked again.
 * A row the client gave up on for a passing reason (429, 5xx, a dropped connection) is asked
 * again too; its report line counts the extra requests as retries, never as two results.
 */
export function segmentKind(
  job: SegmentJobConfig,
  deps: SegmentKindDeps,
): JobKind<SegmentRow & { key: number }, SegmentLine> {
  const sleep = deps.sleep ?? realSleep
  const endpoint =
    job.action === 'add'
      ? ('segments.add' as const)
      : job.action === 'remove'
        ? ('segments.remove' as const)
        : ('segments.includes' as const)

  const pace = pacer(() => deps.rate(), sleep)

  return {
    inFlight: 'redo',
    concurrency: SEGMENT_JOB_CONCURRENCY,
    preflight: deps.preflight,
    async *units() {
      for await (const row of deps.rows()) {
        const r = fromSnapshot(row)
        yield { ...r, key: r.rowNumber }
      }
    },
    async run(row, step) {
      if (row.rejection) return { s: row.rejection }
      const params = { ...contactParams(row), segment_id: job.segmentId }
      let retries = 0
      for (let round = 0; ; round++) {
        await pace()
        step.mayStart()
        try {
          // The job's own shop: switching the active shop never redirects a running job.
          const result = await deps.api.call(endpoint, { profileId: job.profileId }, params, {
            signal: step.signal,
          })
          retries += result.retries
          const s = job.action === 'check' ? (result.data === true ? 'in' : 'out') : 'ok'
          return { s, ...(retries ? { n: retries } : {}) }
        } catch (err) {
          if (!(err instanceof AppFailure) || step.signal.aborted) throw err
          const { code, details } = err.appError
          // No secret, no shop: nothing to do for any row until the marketer acts.
          if (FATAL.has(code) || details?.messageKey !== undefined) throw err
          retries += Number(details?.retries ?? 0)
          if (TRANSIENT.has(code) && round < ROUNDS - 1) {
            retries += 1
            await sleep(500 * (round + 1))
            continue
          }
          const am = details?.apiMessage
          return {
            s: 'failed',
            err: code,
            ...(typeof am === 'string' && am ? { am } : {}),
            ...(retries ? { n: retries } : {}),
          }
        }
      }
    },
  }
}
