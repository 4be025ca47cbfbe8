import type { ExportedFile } from '../../files'
import { tableOverridesSchema, type TableFileDetection } from '../../table-file'
import {
  customerLookupSchema,
  includesCheckSchema,
  membershipChangeSchema,
  segmentCatalogueImportSchema,
  segmentCreateSchema,
  segmentRefSchema,
  segmentBulkReviewSchema,
  segmentBulkStartSchema,
  segmentJobControlSchema,
  segmentUpdateSchema,
  type CustomerSegments,
  type IncludesAnswer,
  type SegmentBulkReview,
  type SegmentEntry,
  type SegmentJobState,
} from '../../segments'
import { z } from 'zod'
import { channel, event } from '../define'
import { withCsvChoice } from '../../csv-export'
import { csvOnly, jobReport, noInput } from './common'

/** Static segment membership for the active shop (see src/shared/segments.ts). */
export const segmentsChannels = {
  /** The console's own list of the shop's segments (PersonaClick cannot list them). */
  'segments:list': channel<SegmentEntry[]>()(noInput),
  'segments:create': channel<SegmentEntry>()(segmentCreateSchema),
  'segments:rename': channel<SegmentEntry>()(segmentUpdateSchema),
  /** Drops it from the console's list only; it stays in PersonaClick. */
  'segments:forget': channel<void>()(segmentRefSchema),
  /** An ID used elsewhere (an import's segment): listed, unnamed until named. */
  'segments:seen': channel<void>()(segmentRefSchema),
  'segments:export': channel<ExportedFile>()(csvOnly),
  /** Merges a shared list (CSV with id and name columns); answers how many rows it took. */
  'segments:import': channel<{ merged: number }>()(segmentCatalogueImportSchema),
  /** `/segments/get`: the customer's segments, named from the list. */
  'segments:lookup': channel<CustomerSegments>()(customerLookupSchema),
  /** `/segments/add` or `/segments/remove` for one customer. */
  'segments:change': channel<SegmentEntry>()(membershipChangeSchema),
  /** `/segments/includes`. */
  'segments:includes': channel<IncludesAnswer>()(includesCheckSchema),
  /** Encoding, delimiter, header and a preview of a bulk file (the import's detection). */
  'segments:bulk-detect': channel<TableFileDetection>()(
    z.object({ fileId: z.string().uuid(), overrides: tableOverridesSchema.optional() }).strict(),
  ),
  /** Valid, rejected and duplicate rows of a file or a handed-over list, before starting. */
  'segments:bulk-review': channel<SegmentBulkReview>()(segmentBulkReviewSchema),
  /** The rows that would not be sent, with the reason, as CSV. */
  'segments:bulk-rejected': channel<ExportedFile>()(withCsvChoice(segmentBulkReviewSchema)),
  'segments:bulk-jobs': channel<SegmentJobState[]>()(noInput),
  'segments:bulk-start': channel<SegmentJobState>()(segmentBulkStartSchema),
  'segments:bulk-control': channel<SegmentJobState>()(segmentJobControlSchema),
  /** One line per row: identifier, outcome, PersonaClick's reason, retries. */
  'segments:bulk-report': channel<ExportedFile>()(jobReport),
} as const

export const segmentsEvents = {
  /** The shop's segment list changed (named, used, counted): reload it. */
  'segments:catalogue': event<{ profileId: string }>(),
  /** A bulk change's progress or status changed. */
  'segments:job': event<SegmentJobState>(),
} as const
