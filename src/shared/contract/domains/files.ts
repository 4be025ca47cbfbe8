import { z } from 'zod'
import { filePurposes, fileIdSchema, type IntakeFile } from '../../files'
import { channel } from '../define'

export const filesChannels = {
  /** The native open dialog (Electron). The browser host answers with an empty list. */
  'files:pick': channel<IntakeFile[]>()(
    z.object({ purpose: z.enum(filePurposes), multiple: z.boolean().default(false) }).strict(),
  ),
  'files:info': channel<IntakeFile>()(fileIdSchema),
  /** Deletes an uploaded copy; a file dropped in place is only forgotten, never deleted. */
  'files:forget': channel<{ forgotten: true }>()(fileIdSchema),
} as const
