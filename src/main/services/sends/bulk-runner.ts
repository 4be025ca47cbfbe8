import type { TableReadSettings } from '../../../shared/table-file'
import type { BulkJobState, BulkMapping, SendDraft, SendRoute } from '../../../shared/sends'
import { checkSend, describeIssue } from '../../../shared/sends-validate'
import type { BulkJournal, RowLine } from './bulk-journal'
import type { SendsService } from './sends-service'

export interface BulkRow {
  rowNumber: number
  fields: readonly string[]
}

/** Where a job's rows come from: the table-file reader in the app, arrays in tests. */
export type RowSource = (job: Pick<BulkJobConfig, 'fileId' | 'table'>) => AsyncIterable<BulkRow>

/** Rows a source yields: the job's total, and the count the marketer confirms. */
export async function countRows(rows: AsyncIterable<unknown>): Promise<number> {
  let n = 0
  for await (const _ of rows) n++
  return n
}

/** What `job.json` holds: everything needed to resume after a restart. */
export interface BulkJobConfig {
  id: string
  profileId: string
  fileId: string
  fileName: string
  route: SendRoute
  code: string
  sendEverywhere: boolean
  mapping: BulkMapping
  table: TableReadSettings
  ratePerSecond: number
  createdAt: string
}

export function rowToDraft(
  row: BulkRow,
  job: Pick<BulkJobConfig, 'route' | 'code' | 'sendEverywhere' | 'mapping'>,
): SendDraft {
  const cell = (i: number | null): string | undefined =>
    i === null ? undefined : (row.fields[i] ?? '').trim() || undefined
  const variables: Record<string, string> = {}
  for (const v of job.mapping.variables) variables[v.name] = row.fields[v.column] ?? ''
  const email = job.route === 'transact' ? cell(job.mapping.email) : undefined
  const phone = cell(job.mapping.phone)
  return {
    route: job.route,
    code: job.code,
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    variables,
    sendEverywhere: job.sendEverywhere,
  }
}

export type Sleep = (ms: number) => Promise<void>
const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Runs one job: one row at a time, paced, each row journalled `pending` before its request
 * and its result before the next row. Pause and cancel take effect between rows; a
 * request in flight is never aborted (aborting would turn it into an `unknown`).
 */
export class BulkRunner {
  private paused = false
  private cancelled = false
  private wake: (() => void) | null = null
  private lastStart = 0

  constructor(
    readonly job: BulkJobConfig,
    readonly state: BulkJobState,
    private readonly rows: Map<number, RowLine>,
    private readonly deps: {
      journal: BulkJournal
      sends: SendsService
      source: RowSource
      onRow: (line: RowLine) => void
      onChange: () => void
      sleep?: Sleep
    },
  ) {}

  pause(): void {
    this.paused = true
  }

  resume(): void {
    this.paused = false
    this.wake?.()
  }

  cancel(): void {
    this.cancelled = true
    this.wake?.()
  }

  async run(): Promise<'done' | 'cancelled'> {
    const sleep = this.deps.sleep ?? realSleep
    const country = this.deps.sends.defaultCountry(this.job.profileId)
    if (this.state.total === null) {
      this.state.total = await countRows(this.deps.source(this.job))
      this.deps.onChange()
    }
    for await (const row of this.deps.source(this.job)) {
      // Attempted before (this run or before a restart): never again.
      if (this.rows.has(row.rowNumber)) continue
      await this.waitWhilePaused()
      if (this.cancelled) return 'cancelled'
      const draft = rowToDraft(row, this.job)
      const { issues, send } = checkSend(draft, country)
      if (!send) {
        // Refused before any request: failed, with the reason and the recipient as the file
        // has it (so the report and the log show which value to fix), and nothing was sent.
        await this.record({
          r: row.rowNumber,
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
          t: now(),
        })
        continue
      }
      const gap = 1000 / this.state.ratePerSecond
      const wait = this.lastStart + gap - Date.now()
      if (wait > 0) await sleep(wait)
      this.lastStart = Date.now()
      const recipient = { email: send.email ?? null, phone: send.phone ?? null }
      await this.record({ r: row.rowNumber, s: 'pending', ...recipient, t: now() })
      // The job's own shop: switching the active shop never redirects a running job.
      const outcome = await this.deps.sends.deliver(send, { profileId: this.job.profileId })
      await this.record({
        r: row.rowNumber,
        s: outcome.status,
        code: outcome.messageCode,
        ...(outcome.errorCode ? { err: outcome.errorCode } : {}),
        ...(outcome.error ? { msg: outcome.error } : {}),
        ...(outcome.apiMessage ? { am: outcome.apiMessage } : {}),
        t: now(),
      })
    }
    return 'done'
  }

  private async waitWhilePaused(): Promise<void> {
    while (this.paused && !this.cancelled) {
      await new Promise<void>((resolve) => (this.wake = resolve))
      this.wake = null
    }
  }

  /** Durable first, then counted and announced. */
  private async record(line: RowLine): Promise<void> {
    await this.deps.journal.append(line)
    const merged = { ...this.rows.get(line.r), ...line }
    this.rows.set(line.r, merged)
    if (line.s !== 'pending') {
      this.state[line.s] += 1
      this.deps.onRow(merged)
    }
    this.deps.onChange()
  }
}

const now = (): string => new Date().toISOString()
