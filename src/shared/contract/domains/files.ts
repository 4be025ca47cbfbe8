import { z } from 'zod'
import { filePurposes, fileIdSchema, type IntakeFile, type RecentFile } from '../../files'
import { channel, event } from '../define'
import { noInput } from './common'

export const filesChannels = {
  /** The native open dialog (Electron). The browser host answers with an empty list. */
  'files:pick': channel<IntakeFile[]>()(
    z.object({ purpose: z.enum(filePurposes), multiple: z.boolean().default(false) }).strict(),
  ),
  /** Files handed over before that still exist, newest first (the import screen's list). */
  'files:recent': channel<RecentFile[]>()(
    z
      .object({ purpose: z.enum(filePurposes), max: z.number().int().min(1).max(20).default(8) })
      .strict(),
  ),
  'files:info': channel<IntakeFile>()(fileIdSchema),
  /** Deletes an uploaded copy; a file dropped in place is only forgotten, never deleted. */
  'files:forget': channel<{ forgotten: true }>()(fileIdSchema),
  /**
   * Tables the OS asked the console to open (a double-clicked .csv, "Open with…", a path
   * on the command line) that no window has taken yet. Each is handed out once.
   */
  'files:take-opened': channel<IntakeFile[]>()(noInput),
} as const

export const filesEvents = {
  /** Files dropped onto an Electron window (the preload saw the drop and told main). */
  'files:dropped': event<IntakeFile[]>(),
  /** A table the OS asked the console to open while a window is already showing. */
  'files:opened': event<IntakeFile[]>(),
} as const
