import { z } from 'zod'
import type { AppError } from './errors'
import { tableReadSettingsSchema } from './table-file'
export { segmentFailures } from './failures/segments'

/**
 * Static segment membership: types and schemas shared by main and the renderer. PersonaClick
 * has no endpoint that lists a shop's segments or their names, so the console keeps its own
 * catalogue per shop; `/segments/get` teaches it each segment's type.
 */
export const segmentTypes = ['static', 'dynamic'] as const
export type SegmentType = (typeof segmentTypes)[number]

/** A segment ID as PersonaClick numbers them: a positive integer. */
export const segmentIdSchema = z.number().int().positive().max(2_147_483_647)

/** One segment the console knows of, named by the marketer or only seen in an answer. */
export interface SegmentEntry {
  id: number
  /** null: seen in a lookup or an import, not named yet ("Segment 313 (unnamed)"). */
  name: string | null
  note: string
  /** Learned from `/segments/get`; null until a lookup has shown it. */
  type: SegmentType | null
  /** Last add, remove, check or lookup that involved it. */
  lastUsed: string | null
  /** Memberships this console added and removed (bulk jobs included). */
  added: number
  removed: number
}

const segmentName = z.string().trim().min(1).max(200)
const segmentNote = z.string().trim().max(1000)

export const segmentCreateSchema = z
  .object({ id: segmentIdSchema, name: segmentName, note: segmentNote.default('') })
  .strict()
export type SegmentCreate = z.input<typeof segmentCreateSchema>

export const segmentUpdateSchema = z
  .object({ id: segmentIdSchema, name: segmentName, note: segmentNote.optional() })
  .strict()

export const segmentRefSchema = z.object({ id: segmentIdSchema }).strict()

/** A catalogue shared as CSV (id, name, note, type): its text, as the file holds it. */
export const segmentCatalogueImportSchema = z.object({ fileId: z.string().uuid() }).strict()

/** An email or a phone typed by the marketer; main reads it with the shop's country. */
const contact = z.string().trim().min(1).max(400)

export const customerLookupSchema = z.object({ contact }).strict()

export const membershipChangeSchema = z
  .object({ contact, segmentId: segmentIdSchema, action: z.enum(['add', 'remove']) })
  .strict()
export type MembershipChange = z.infer<typeof membershipChangeSchema>

export const includesCheckSchema = z.object({ contact, segmentId: segmentIdSchema }).strict()

/** The contact as the console read it: what was sent to PersonaClick. */
export interface ReadContact {
  email: string | null
  phone: string | null
}

/** `/segments/get` for one customer, with the catalogue's names and types. */
export interface CustomerSegments {
  contact: ReadContact
  /** false: PersonaClick does not know this customer. */
  found: boolean
  segments: SegmentEntry[]
}

export interface IncludesAnswer {
  contact: ReadContact
  segmentId: number
  includes: boolean
}

// ---- bulk change from a file (or a list handed over by another screen) ------------------

/** `check` adds or removes nothing: each row's `/segments/includes` answer goes to a CSV. */
export const segmentBulkActions = ['add', 'remove', 'check'] as const
export type SegmentBulkAction = (typeof segmentBulkActions)[number]

export const segmentBulkMappingSchema = z
  .object({
    email: z.number().int().min(0).nullable(),
    phone: z.number().int().min(0).nullable(),
  })
  .strict()
export type SegmentBulkMapping = z.infer<typeof segmentBulkMappingSchema>

/** Contacts handed over in memory (e.g. a product's subscribers), as their screen had them. */
export const handedContactSchema = z
  .object({ email: z.string().max(400).optional(), phone: z.string().max(60).optional() })
  .strict()
export type HandedContact = z.infer<typeof handedContactSchema>
export const MAX_HANDED_CONTACTS = 100_000

export const segmentBulkSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('file'),
      fileId: z.string().uuid(),
      table: tableReadSettingsSchema,
      mapping: segmentBulkMappingSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('list'),
      /** What the list is, in the words of the screen that handed it over. */
      label: z.string().trim().min(1).max(200),
      contacts: z.array(handedContactSchema).min(1).max(MAX_HANDED_CONTACTS),
    })
    .strict(),
])
export type SegmentBulkSource = z.infer<typeof segmentBulkSourceSchema>

/** Why a row is not sent: the import's reason codes, plus a repeat of an earlier row. */
export const rowRejections = [
  'email-invalid',
  'phone-invalid',
  'no-identifier',
  'duplicate',
] as const
export type RowRejection = (typeof rowRejections)[number]

export interface SegmentBulkReview {
  total: number
  valid: number
  rejected: number
  duplicates: number
  /** The first rejected rows, to show what is wrong (the CSV has them all). */
  samples: { row: number; value: string; reason: RowRejection }[]
}

export const segmentBulkReviewSchema = z.object({ source: segmentBulkSourceSchema }).strict()

/** Requests per second a bulk job starts by default; 0 turns the limit off. */
export const DEFAULT_SEGMENT_RATE = 10

export const segmentBulkStartSchema = z
  .object({
    source: segmentBulkSourceSchema,
    action: z.enum(segmentBulkActions),
    segmentId: segmentIdSchema,
    /** 0: as fast as the shop's connection allows (the client's concurrency still holds). */
    ratePerSecond: z.number().min(0).max(1000).default(DEFAULT_SEGMENT_RATE),
  })
  .strict()
export type SegmentBulkStart = z.input<typeof segmentBulkStartSchema>

export const segmentJobStatuses = ['running', 'paused', 'cancelled', 'done'] as const

/** A row's outcome: sent rows end `ok` (or `in` / `out` for a check), others say why not. */
export const rowOutcomes = ['ok', 'in', 'out', 'failed', ...rowRejections] as const
export type RowOutcome = (typeof rowOutcomes)[number]

export interface SegmentJobState {
  id: string
  profileId: string
  /** The file's name, or the label of a handed-over list. */
  sourceName: string
  action: SegmentBulkAction
  segmentId: number
  status: (typeof segmentJobStatuses)[number]
  /** Rows in the job (every row of the file, rejected ones included). */
  total: number
  /** Rows with an outcome, and how they ended. */
  done: number
  ok: number
  failed: number
  skipped: number
  /** check: members and non-members. */
  members: number
  nonMembers: number
  /** Rows that needed more than one request (a 429, a 5xx, a dropped connection). */
  retried: number
  /** 0 = no limit. */
  ratePerSecond: number
  /** Over the last few seconds of this run; null when not running. */
  rowsPerSecond: number | null
  etaSeconds: number | null
  createdAt: string
  interrupted: boolean
  error?: AppError
}

export const segmentJobControlSchema = z
  .object({
    jobId: z.string().uuid(),
    action: z.enum(['pause', 'resume', 'cancel']),
    ratePerSecond: z.number().min(0).max(1000).optional(),
  })
  .strict()
