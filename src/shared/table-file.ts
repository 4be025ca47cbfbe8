import { z } from 'zod'
import {
  tableDelimiters,
  tableEncodings,
  type TableDelimiter,
  type TableEncoding,
} from './table-encodings'

/**
 * Reading spreadsheets exported as text (CSV, TSV, TXT). Shared by audience import and bulk
 * sends: main detects and streams the file (`src/main/services/table-file`), the renderer
 * shows the detection result and lets the marketer override any guess.
 */
export {
  tableDelimiters,
  tableEncodings,
  type TableDelimiter,
  type TableEncoding,
} from './table-encodings'

/** Any guess the marketer corrected; absent keys are detected. */
export const tableOverridesSchema = z
  .object({
    encoding: z.enum(tableEncodings).optional(),
    delimiter: z.enum(tableDelimiters).optional(),
    hasHeader: z.boolean().optional(),
  })
  .strict()
export type TableFileOverrides = z.infer<typeof tableOverridesSchema>

/** What `detectTableFile` found, from the first 64 KB only (a 1 GB file previews at once). */
export interface TableFileDetection {
  encoding: TableEncoding
  /** True when the encoding came from a byte-order mark (then it is certain). */
  bom: boolean
  delimiter: TableDelimiter
  /** Excel's `sep=;` first line was present (it is skipped when reading). */
  sepLine: boolean
  hasHeader: boolean
  /** Column names: the header row, or "Column 1", "Column 2"… without one. */
  headers: string[]
  /** Up to 20 data rows (header excluded), as text. */
  preview: string[][]
  columnCount: number
  sizeBytes: number
}

/** Everything needed to read the rows again (the detection plus any overrides, resolved). */
export interface TableReadSettings {
  encoding: TableEncoding
  delimiter: TableDelimiter
  hasHeader: boolean
  sepLine: boolean
}

export const tableReadSettingsSchema = z
  .object({
    encoding: z.enum(tableEncodings),
    delimiter: z.enum(tableDelimiters),
    hasHeader: z.boolean(),
    sepLine: z.boolean(),
  })
  .strict()
