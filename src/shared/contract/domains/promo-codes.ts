import { withCsvChoice } from '../../csv-export'
import { z } from 'zod'
import type { ExportedFile } from '../../files'
import {
  deleteSchema,
  purgeSchema,
  reviewInputSchema,
  thresholdSchema,
  uploadControlSchema,
  uploadStartSchema,
  type DeleteResult,
  type LowStockAlert,
  type PromoListsState,
  type StockChange,
  type UploadJobState,
  type UploadReview,
} from '../../promo-codes'
import { tableOverridesSchema, type TableFileDetection } from '../../table-file'
import { channel, event } from '../define'
import { noInput } from './common'

const listOnly = z.object({ listId: z.string().trim().min(1).max(40) }).strict()

/** Promo-code lists of the active shop (see src/shared/promo-codes.ts). */
export const promoCodesChannels = {
  /** Reads every list from PersonaClick (paging), takes a snapshot, returns them with history. */
  'promo-codes:lists': channel<PromoListsState>()(noInput),
  'promo-codes:threshold': channel<PromoListsState>()(thresholdSchema),
  /** Encoding, delimiter, header and columns of a codes file, to choose the column. */
  'promo-codes:detect': channel<TableFileDetection>()(
    z.object({ fileId: z.string().uuid(), overrides: tableOverridesSchema.optional() }).strict(),
  ),
  /** Reads, checks and de-duplicates codes for an upload; nothing is sent yet. */
  'promo-codes:review': channel<UploadReview>()(reviewInputSchema),
  'promo-codes:upload': channel<UploadJobState>()(uploadStartSchema),
  'promo-codes:uploads': channel<UploadJobState[]>()(noInput),
  'promo-codes:upload-control': channel<UploadJobState>()(uploadControlSchema),
  /** Every code this console uploaded to the list, as CSV (the codes never go to Activity). */
  'promo-codes:ledger-export': channel<ExportedFile>()(withCsvChoice(listOnly)),
  'promo-codes:purge': channel<StockChange>()(purgeSchema),
  'promo-codes:delete': channel<DeleteResult>()(deleteSchema),
} as const

export const promoCodesEvents = {
  /** An upload's progress or status changed. */
  'promo-codes:upload': event<UploadJobState>(),
  /** The lists were read again (the 30-minute snapshot, an upload's end). */
  'promo-codes:lists': event<PromoListsState & { profileId: string }>(),
  /** A list fell under its warning threshold. */
  'promo-codes:low-stock': event<LowStockAlert>(),
} as const
