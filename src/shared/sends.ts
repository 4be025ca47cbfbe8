import type { AppError } from './errors'
import { z } from 'zod'
import { tableReadSettingsSchema } from './table-file'
export { sendFailures } from './failures/sends'

/**
 * Transactional sends: types and schemas shared by main and the renderer. The two routes
 * are the multi-channel campaign (`POST /transact`) and the SMS campaign
 * (`POST /sms/transactional`).
 */
export const sendRoutes = ['transact', 'sms'] as const
export type SendRoute = (typeof sendRoutes)[number]

/** The reference: at most 10 files, 10 MB in total, for /transact attachments. */
export const MAX_ATTACHMENTS = 10
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

const attachmentSchema = z
  .object({ fileId: z.string().uuid(), name: z.string().max(300), size: z.number().min(0) })
  .strict()

/**
 * What the form sends. `variables` is deliberately `unknown`: "not an object" must reach
 * the service so the marketer gets a specific message, not a generic schema error.
 */
export const sendDraftSchema = z
  .object({
    route: z.enum(sendRoutes),
    code: z.string().max(200),
    email: z.string().max(400).optional(),
    phone: z.string().max(60).optional(),
    variables: z.unknown().optional(),
    sendEverywhere: z.boolean().optional(),
    // More than the limit is accepted here so the service can refuse it by name.
    attachments: z.array(attachmentSchema).max(100).optional(),
  })
  .strict()
export type SendDraft = z.input<typeof sendDraftSchema>

/** Final states of a send; `unknown` = the request left but no answer came back. */
export const sendStatuses = ['sent', 'failed', 'unknown'] as const
export type SendStatus = (typeof sendStatuses)[number]

/** One line of the send log. In lists `email`/`phone` are masked; `sends:reveal` unmasks. */
export interface SendLogEntry {
  id: string
  time: string
  profileId: string
  route: SendRoute
  campaign: string
  email: string | null
  phone: string | null
  /** The message code PersonaClick returned (for /notifications/:code). */
  messageCode: string | null
  status: SendStatus
  errorCode?: string
  error?: string
  /** What PersonaClick said about a failed send, as it said it. */
  apiMessage?: string
  /** The failure's key in `errors.messages`, when the console worded it itself. */
  errorKey?: string
  /** Why the console refused it before any request (a bulk row), for the screen to translate. */
  issues?: { field: string; reason: string; key?: string }[]
  source: 'single' | 'bulk'
  jobId?: string
  row?: number
  attachments?: number
}

export const sendLogFilterSchema = z
  .object({
    search: z.string().max(200).optional(),
    status: z.enum(sendStatuses).optional(),
    route: z.enum(sendRoutes).optional(),
    limit: z.number().int().min(1).max(50_000).optional(),
  })
  .strict()
export type SendLogFilter = z.input<typeof sendLogFilterSchema>

export interface SendLogPage {
  items: SendLogEntry[]
  total: number
}

/** What the confirmation shows: exactly the parameters that will travel, secret redacted. */
export interface SendPreview {
  method: 'POST'
  url: string
  encoding: 'json' | 'multipart'
  params: Record<string, unknown>
  files: { field: string; filename: string; size: number }[]
  curl: string
}

// ---- bulk ----------------------------------------------------------------------------

export const bulkMappingSchema = z
  .object({
    email: z.number().int().min(0).nullable(),
    phone: z.number().int().min(0).nullable(),
    variables: z
      .array(z.object({ name: z.string().min(1).max(100), column: z.number().int().min(0) }))
      .max(200),
  })
  .strict()
export type BulkMapping = z.infer<typeof bulkMappingSchema>

export const bulkStartSchema = z
  .object({
    fileId: z.string().uuid(),
    route: z.enum(sendRoutes),
    code: z.string().trim().min(1).max(200),
    sendEverywhere: z.boolean().default(false),
    mapping: bulkMappingSchema,
    ratePerSecond: z.number().min(0.1).max(1000).default(5),
    /** What the table detection decided (encoding, delimiter, header), passed back as is. */
    table: tableReadSettingsSchema,
  })
  .strict()
export type BulkStart = z.input<typeof bulkStartSchema>

export const bulkJobStatuses = ['running', 'paused', 'cancelled', 'done'] as const
export type BulkJobStatus = (typeof bulkJobStatuses)[number]

export interface BulkJobState {
  id: string
  profileId: string
  fileName: string
  route: SendRoute
  campaign: string
  status: BulkJobStatus
  /** Rows in the file (null until counted). */
  total: number | null
  sent: number
  failed: number
  unknown: number
  ratePerSecond: number
  createdAt: string
  /** Set when the job was found unfinished at start-up (crash or quit). */
  interrupted: boolean
  /** Why the job stopped by itself or cannot resume (no secret, unreadable file, full disk). */
  error?: AppError
}

export const bulkControlSchema = z
  .object({
    jobId: z.string().uuid(),
    action: z.enum(['pause', 'resume', 'cancel']),
    ratePerSecond: z.number().min(0.1).max(1000).optional(),
  })
  .strict()
