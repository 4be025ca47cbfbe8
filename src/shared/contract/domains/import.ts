import { z } from 'zod'
import type { ExportedFile } from '../../files'
import {
  mappingSchema,
  uploadOptionsSchema,
  validateInputSchema,
  type DetectResult,
  type ImportJobState,
  type RejectedRow,
  type SavedMapping,
} from '../../import'
import { tableOverridesSchema } from '../../table-file'
import { jobReport, noInput } from './common'
import { channel, event } from '../define'

const jobId = z.object({ jobId: z.string().uuid() }).strict()

/** Audience import: detect → map → validate (worker) → review → upload job. */
export const importChannels = {
  'import:detect': channel<DetectResult>()(
    z.object({ fileId: z.string().uuid(), overrides: tableOverridesSchema.default({}) }).strict(),
  ),
  'import:validate': channel<ImportJobState>()(
    validateInputSchema.extend({ headers: z.array(z.string().max(500)).max(500) }).strict(),
  ),
  'import:start': channel<ImportJobState>()(
    z.object({ jobId: z.string().uuid(), options: uploadOptionsSchema }).strict(),
  ),
  'import:pause': channel<ImportJobState>()(jobId),
  'import:resume': channel<ImportJobState>()(jobId),
  'import:cancel': channel<ImportJobState>()(jobId),
  'import:discard': channel<{ discarded: true }>()(jobId),
  /** The active shop's imports, newest first (the history). */
  'import:jobs': channel<ImportJobState[]>()(noInput),
  'import:issues': channel<RejectedRow[]>()(
    z
      .object({ jobId: z.string().uuid(), limit: z.number().int().min(1).max(1000).default(200) })
      .strict(),
  ),
  'import:error-report': channel<ExportedFile>()(jobReport),
  'import:mappings': channel<SavedMapping[]>()(noInput),
  'import:save-mapping': channel<SavedMapping[]>()(
    z
      .object({
        name: z.string().trim().min(1).max(100),
        headers: z.array(z.string().max(500)).max(500),
        mapping: mappingSchema,
      })
      .strict(),
  ),
  'import:delete-mapping': channel<SavedMapping[]>()(z.object({ id: z.string().uuid() }).strict()),
} as const

export const importEvents = {
  /** An audience import's status or progress changed. */
  'import:job': event<ImportJobState>(),
} as const
