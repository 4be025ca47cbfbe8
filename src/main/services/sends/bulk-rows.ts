import type { TableReadSettings } from '../../../shared/table-file'
import type { BulkMapping, SendDraft, SendRoute, SendStatus } from '../../../shared/sends'
import type { UnitLine } from '../../jobs/runner'

export interface BulkRow {
  rowNumber: number
  fields: readonly string[]
  /** The file's bytes for this row are not valid in its encoding: its text is garbled. */
  undecodable?: true
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
  /** The rows were copied into the job's folder at start (`rows.jsonl`); absent on older jobs. */
  snapshot?: boolean
}

/** A row's line in the job's journal (`r` is its row number in the file). */
export interface RowLine extends UnitLine {
  s: 'pending' | SendStatus
  email?: string | null
  phone?: string | null
  code?: string | null
  err?: string
  msg?: string
  /** PersonaClick's own reason for a failure. */
  am?: string
  /** Refused rows: which checks failed (field.reason), so the log can say it in any language. */
  iss?: { field: string; reason: string; key?: string }[]
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
