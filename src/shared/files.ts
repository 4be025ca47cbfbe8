import { z } from 'zod'
export { fileFailures } from './failures/files'

/**
 * A file the marketer handed to the console (dropped, picked or uploaded). The renderer
 * only ever holds this handle; main keeps the path and reads the file itself.
 */
export interface IntakeFile {
  fileId: string
  name: string
  size: number
}

/** A file handed over earlier that can still be read: offered again as a recent file. */
export interface RecentFile extends IntakeFile {
  addedAt: string
}

export const filePurposes = ['table', 'attachment'] as const
export type FilePurpose = (typeof filePurposes)[number]

/** Extensions the native picker offers per purpose (the drop zone checks the same list). */
export const fileExtensions: Record<FilePurpose, readonly string[]> = {
  table: ['csv', 'tsv', 'txt'],
  attachment: [],
}

export const fileIdSchema = z.object({ fileId: z.string().uuid() }).strict()

/** Largest upload the browser host accepts (the Electron host reads files in place). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3

export const UPLOAD_PATH = '/upload'

/** A file the renderer offers for download; its content is already safe to hand over. */
export interface ExportedFile {
  filename: string
  mimeType: string
  content: string
}
