import { z } from 'zod'
import type { AppError } from './errors'
import { audienceFieldNames, subscriptionFlags, type AudienceField } from './audience-fields'
import { tableReadSettingsSchema, type TableEncoding, type TableFileDetection } from './table-file'
export { importFailures } from './failures/import'
export {
  audienceFieldNames,
  audienceFields,
  subscriptionFlags,
  type AudienceField,
  type FieldKind,
  type SubscriptionFlag,
} from './audience-fields'

export const mappingTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ignore') }).strict(),
  z
    .object({ kind: z.literal('field'), field: z.enum(audienceFieldNames as [AudienceField]) })
    .strict(),
  // Custom CRM properties go into the audience element under their own key.
  z
    .object({
      kind: z.literal('custom'),
      key: z
        .string()
        .trim()
        .regex(/^[\p{L}\p{N}_.-]{1,64}$/u),
    })
    .strict(),
])
export type MappingTarget = z.infer<typeof mappingTargetSchema>
/** One target per column, by column index. */
export const mappingSchema = z.array(mappingTargetSchema).max(500)
export type ColumnMapping = MappingTarget[]

export const importModes = ['audience', 'suppressed'] as const
export type ImportMode = (typeof importModes)[number]
export const duplicateRules = ['first', 'last'] as const
export type DuplicateRule = (typeof duplicateRules)[number]
export const dateOrders = ['dmy', 'mdy'] as const
export type DateOrder = (typeof dateOrders)[number]

export const validateInputSchema = z
  .object({
    fileId: z.string().uuid(),
    table: tableReadSettingsSchema,
    mapping: mappingSchema,
    mode: z.enum(importModes),
    duplicates: z.enum(duplicateRules).default('first'),
    dateOrder: z.enum(dateOrders).default('dmy'),
  })
  .strict()
export type ValidateInput = z.input<typeof validateInputSchema>

/**
 * Batches in flight at once during an upload: a few hide the API's round trip; past eight
 * the API's own work per batch, not the round trip, sets the pace. Always within the API
 * client's per-shop cap (16), which the other jobs of the shop share.
 */
export const uploadConcurrency = { min: 1, max: 8, default: 4 } as const

export const uploadOptionsSchema = z
  .object({
    segmentId: z.number().int().positive().optional(),
    /** Set for every row (overriding a mapped column); absent flags come from columns. */
    subscriptions: z.partialRecord(z.enum(subscriptionFlags), z.boolean()).default({}),
    batchSize: z.number().int().min(1).max(10_000).default(1000),
    /** Absent in jobs started before it existed: they run `uploadConcurrency.default`. */
    concurrency: z.number().int().min(uploadConcurrency.min).max(uploadConcurrency.max).optional(),
    dryRun: z.boolean().default(false),
  })
  .strict()
export type UploadOptions = z.output<typeof uploadOptionsSchema>

/**
 * Why a value or a row was not imported. Codes, so the screen and the downloadable error
 * report say it in the marketer's language (`import.reasons` in the catalogue); the short
 * English here names each code for a reader of this file.
 */
export const issueText = {
  'email-invalid': 'not a valid email address',
  'phone-invalid': 'not a valid phone number',
  'bool-invalid': 'not yes/no',
  'gender-invalid': 'not m or f',
  'int-invalid': 'not a whole number',
  'int-negative': 'not a whole number of 0 or more',
  'date-invalid': 'not a date (use YYYY-MM-DD)',
  'date-unreal-dmy': 'not a real date (read as day/month)',
  'date-unreal-mdy': 'not a real date (read as month/day)',
  'date-out-of-range': 'date out of range',
  'platform-invalid': 'not ios or android',
  'no-email': 'no email',
  'no-identifier': 'no email or phone',
  'duplicate-first-kept': 'duplicate (first row kept)',
  'duplicate-last-kept': 'duplicate (last row kept)',
  'duplicate-of': 'duplicate of row {row}',
  'replaced-by': 'duplicate: replaced by row {row}',
  'encoding-invalid': 'bytes not valid in the chosen encoding (row not imported)',
  'phone-shared': 'shares a phone with another contact (both kept)',
  'shares-phone-with': 'shares a phone with row {row} (both kept)',
} as const
export type IssueReason = keyof typeof issueText

/**
 * Warnings that only point something out: the row is imported whole. Every other warning
 * means the value was left out of the contact.
 */
const notes: ReadonlySet<IssueReason> = new Set(['phone-shared', 'shares-phone-with'])

/** Whether a problem of a kept row means its value was left out (not a mere note). */
export function leavesValueOut(i: RowIssue, rejected: boolean): boolean {
  return !rejected && !notes.has(i.reason)
}

/** One problem of one row: the field ("row" for whole-row problems) and the reason. */
export interface RowIssue {
  field: string
  reason: IssueReason
  /** The other row of a duplicate pair, as the spreadsheet numbers it. */
  row?: number
}

/** The words a report line is made of: a reason per code (and `leftOut`), field names. */
export interface IssueWords {
  reasons: Readonly<Record<IssueReason | 'leftOut', string>>
  fields: Readonly<Record<string, string>>
}

/** One problem as the error report says it, in the words given (the marketer's language). */
export function describeIssue(i: RowIssue, rejected: boolean, words: IssueWords): string {
  const text = words.reasons[i.reason].replace('{row}', String(i.row ?? ''))
  const line = i.field === 'row' ? text : `${words.fields[i.field] ?? i.field}: ${text}`
  return leavesValueOut(i, rejected) ? words.reasons.leftOut.replace('{line}', line) : line
}

export interface FieldIssueSummary {
  /** An audience field, a custom key, or "row" for whole-row problems. */
  field: string
  reason: IssueReason
  count: number
  /** Up to 5 row numbers, as the spreadsheet shows them. */
  examples: number[]
  /** For undecodable rows: the encoding that part of the file seems to be saved in. */
  suggestedEncoding?: TableEncoding
}

export interface ValidationCounts {
  total: number
  valid: number
  rejected: number
  duplicates: number
  /** Rows kept with one value dropped (e.g. an unknown gender). */
  withWarnings: number
  toUpload: number
}

export type ImportStatus =
  'validating' | 'review' | 'uploading' | 'paused' | 'done' | 'failed' | 'cancelled'

export interface ImportJobState {
  id: string
  profileId: string
  fileId: string
  fileName: string
  fileSize: number
  mode: ImportMode
  status: ImportStatus
  createdAt: string
  /** Validation progress (rows read) while validating. */
  rowsRead: number
  counts: ValidationCounts | null
  fieldIssues: FieldIssueSummary[]
  options: UploadOptions | null
  upload: {
    sentRows: number
    batchesDone: number
    batchesTotal: number
    rowsPerSecond: number
    etaSeconds: number | null
  }
  startedUploadAt: string | null
  finishedAt: string | null
  durationMs: number | null
  /** Why it stopped (failed), or why it cannot resume (file changed). */
  error: AppError | null
  /** A restart found it mid-upload: it waits for the marketer to resume. */
  interrupted: boolean
}

export interface RejectedRow {
  rowNumber: number
  fields: string[]
  issues: RowIssue[]
  rejected: boolean
}

export interface SavedMapping {
  id: string
  name: string
  /** Target by lower-cased header name: reusable on any file with the same headers. */
  byHeader: Record<string, MappingTarget>
  savedAt: string
}

export interface DetectResult {
  file: { fileId: string; name: string; size: number }
  detection: TableFileDetection
  suggested: ColumnMapping
  savedMappings: SavedMapping[]
  defaultCountry: string
}
