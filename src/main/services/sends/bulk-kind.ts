import { checkSend, describeIssue, type SendIssue } from '../../../shared/sends-validate'
import { SHOP_CONCURRENCY } from '../../api'
import { pacer, type Sleep } from '../../jobs/pace'
import type { JobKind } from '../../jobs/runner'
import { rowToDraft, type BulkJobConfig, type BulkRow, type RowLine } from './bulk-rows'
import type { SendsService } from './sends-service'

const UNDECODABLE: SendIssue = { field: 'row', reason: 'undecodable' }

export type { Sleep }

/**
 * Requests a bulk send may have in flight at once: as many as the API client lets one shop
 * have. Starts are paced at the job's rate, so only as many overlap as the rate needs
 * (rate × answer time: 20/s at 300 ms is six), and a crash leaves at most that many unknown.
 */
export const BULK_SEND_IN_FLIGHT = SHOP_CONCURRENCY

export interface BulkKindDeps {
  sends: SendsService
  /** The job's rows, in file order: its snapshot, never the file as it is now. */
  rows: () => AsyncIterable<BulkRow>
  /** The rate the marketer set last (it may change while the job runs). */
  rate: () => number
  /** Before every start and resume (no secret, no file: refuse with the reason). */
  preflight: () => Promise<void>
  sleep?: Sleep
}

/**
 * A bulk send as a job: one unit per row of the file, started at the job's rate, requests
 * overlapping so a slow API does not slow the rate. Each row is journalled `pending` before
 * its request and with its outcome after. A message caught in flight may have gone out, so
 * it ends `unknown` and is never sent again; pause waits for the requests in flight rather
 * than abort them (aborting would make them unknown).
 */
export function bulkKind(
  job: BulkJobConfig,
  deps: BulkKindDeps,
): JobKind<BulkRow & { key: number }, RowLine> {
  const pace = pacer(() => deps.rate(), deps.sleep)
  return {
    inFlight: 'unknown',
    concurrency: BULK_SEND_IN_FLIGHT,
    preflight: deps.preflight,
    async *units() {
      for await (const row of deps.rows()) yield { ...row, key: row.rowNumber }
    },
    caughtInFlight: () => ({
      s: 'unknown',
      err: 'OUTCOME_UNKNOWN',
      msg: 'Interrupted while sending: check the notification history before sending again.',
    }),
    async run(row, step) {
      const draft = rowToDraft(row, job)
      const checked = checkSend(draft, deps.sends.defaultCountry(job.profileId))
      // A garbled row would send a customer a garbled name: refused like any bad value.
      const { issues, send } = row.undecodable
        ? { issues: [...checked.issues, UNDECODABLE], send: null }
        : checked
      if (!send)
        // Refused before any request: failed, with the reason and the recipient as the file
        // has it (so the report and the log show which value to fix), and nothing was sent.
        return {
          s: 'failed',
          email: draft.email ?? null,
          phone: draft.phone ?? null,
          err: 'INVALID_INPUT',
          msg: issues.map(describeIssue).join(' '),
          iss: issues.map((i) => ({
            field: i.field,
            reason: i.reason,
            ...(i.key !== undefined ? { key: i.key } : {}),
          })),
        }
      await pace()
      // Paused while this row waited for its turn: it was never sent and stays for resume.
      step.mayStart()
      await step.begin({ email: send.email ?? null, phone: send.phone ?? null })
      // The job's own shop: switching the active shop never redirects a running job.
      const outcome = await deps.sends.deliver(send, { profileId: job.profileId })
      return {
        s: outcome.status,
        code: outcome.messageCode,
        ...(outcome.errorCode ? { err: outcome.errorCode } : {}),
        ...(outcome.error ? { msg: outcome.error } : {}),
        ...(outcome.apiMessage ? { am: outcome.apiMessage } : {}),
      }
    },
  }
}
