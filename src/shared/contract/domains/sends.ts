import { withCsvChoice } from '../../csv-export'
import { z } from 'zod'
import type { ExportedFile } from '../../files'
import {
  bulkControlSchema,
  bulkStartSchema,
  sendDraftSchema,
  sendLogFilterSchema,
  sendRoutes,
  type BulkJobState,
  type SendLogEntry,
  type SendLogPage,
  type SendPreview,
} from '../../sends'
import {
  tableOverridesSchema,
  tableReadSettingsSchema,
  type TableFileDetection,
} from '../../table-file'
import { channel, event } from '../define'
import { jobReport, noInput } from './common'

/** Transactional sends for the active shop (see src/shared/sends.ts). */
export const sendsChannels = {
  /** Validates and shows exactly what would be sent (secret redacted) plus a curl. */
  'sends:preview': channel<SendPreview>()(sendDraftSchema),
  'sends:send': channel<SendLogEntry>()(sendDraftSchema),
  /** The recipient's recent transactional messages, for a send whose outcome is unknown. */
  'sends:recent-codes': channel<string[]>()(z.object({ route: z.enum(sendRoutes) }).strict()),
  'sends:log': channel<SendLogPage>()(sendLogFilterSchema),
  'sends:reveal': channel<{ email: string | null; phone: string | null }>()(
    z.object({ id: z.string().uuid() }).strict(),
  ),
  'sends:log-export': channel<ExportedFile>()(
    withCsvChoice(sendLogFilterSchema).extend({ full: z.boolean().default(false) }),
  ),
  /** Encoding, delimiter, header and a preview of a bulk CSV (the import's detection). */
  'sends:bulk-detect': channel<TableFileDetection>()(
    z.object({ fileId: z.string().uuid(), overrides: tableOverridesSchema.optional() }).strict(),
  ),
  /** How many rows (recipients) a bulk CSV holds, for the confirmation before Start. */
  'sends:bulk-count': channel<{ rows: number }>()(
    z.object({ fileId: z.string().uuid(), table: tableReadSettingsSchema }).strict(),
  ),
  'sends:bulk-jobs': channel<BulkJobState[]>()(noInput),
  'sends:bulk-start': channel<BulkJobState>()(bulkStartSchema),
  'sends:bulk-control': channel<BulkJobState>()(bulkControlSchema),
  'sends:bulk-report': channel<ExportedFile>()(jobReport),
} as const

export const sendsEvents = {
  /** A send was logged (recipient masked). */
  'sends:logged': event<SendLogEntry>(),
  /** A bulk send's progress or status changed. */
  'sends:bulk': event<BulkJobState>(),
} as const
