import { z } from 'zod'
import type { AppError } from './errors'
import { tableReadSettingsSchema, type TableFileDetection } from './table-file'

/** How a documented audience field is checked and normalised (POST /import/audience). */
export type FieldKind =
  'email' | 'phone' | 'string' | 'int' | 'bool' | 'gender' | 'date' | 'platform'

export const subscriptionFlags = [
  'email_bulk',
  'email_chain',
  'email_transactional',
  'sms_bulk',
  'sms_chain',
  'sms_transactional',
] as const
export type SubscriptionFlag = (typeof subscriptionFlags)[number]

/** Every standard audience element property in the reference, in its order. */
export const audienceFields = {
  email: 'email',
  phone: 'phone',
  loyalty_id: 'string',
  id: 'string',
  fb_id: 'string',
  vk_id: 'string',
  telegram_id: 'string',
  loyalty_card_location: 'string',
  loyalty_status: 'string',
  loyalty_bonuses: 'int',
  loyalty_bonuses_to_next_level: 'int',
  gender: 'gender',
  location: 'string',
  first_name: 'string',
  middle_name: 'string',
  last_name: 'string',
  age: 'int',
  birthday: 'date',
  bought_something: 'bool',
  email_bulk: 'bool',
  email_chain: 'bool',
  email_transactional: 'bool',
  sms_bulk: 'bool',
  sms_chain: 'bool',
  sms_transactional: 'bool',
  mobile_token: 'string',
  mobile_token_platform: 'platform',
} as const satisfies Record<string, FieldKind>
export type AudienceField = keyof typeof audienceFields
export const audienceFieldNames = Object.keys(audienceFields) as AudienceField[]

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

export const uploadOptionsSchema = z
  .object({
    segmentId: z.number().int().positive().optional(),
    /** Set for every row (overriding a mapped column); absent flags come from columns. */
    subscriptions: z.partialRecord(z.enum(subscriptionFlags), z.boolean()).default({}),
    batchSize: z.number().int().min(1).max(10_000).default(1000),
    dryRun: z.boolean().default(false),
  })
  .strict()
export type UploadOptions = z.output<typeof uploadOptionsSchema>

export interface FieldIssueSummary {
  /** An audience field, a custom key, or "row" for whole-row problems. */
  field: string
  reason: string
  count: number
  /** Up to 5 row numbers, as the spreadsheet shows them. */
  examples: number[]
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
  reasons: string[]
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
