import type { ExportedFile } from '../../files'
import {
  customerLookupSchema,
  includesCheckSchema,
  membershipChangeSchema,
  segmentCatalogueImportSchema,
  segmentCreateSchema,
  segmentRefSchema,
  segmentUpdateSchema,
  type CustomerSegments,
  type IncludesAnswer,
  type SegmentEntry,
} from '../../segments'
import { channel, event } from '../define'
import { noInput } from './common'

/** Static segment membership for the active shop (see src/shared/segments.ts). */
export const segmentsChannels = {
  /** The console's own list of the shop's segments (PersonaClick cannot list them). */
  'segments:list': channel<SegmentEntry[]>()(noInput),
  'segments:create': channel<SegmentEntry>()(segmentCreateSchema),
  'segments:rename': channel<SegmentEntry>()(segmentUpdateSchema),
  /** Drops it from the console's list only; it stays in PersonaClick. */
  'segments:forget': channel<void>()(segmentRefSchema),
  'segments:export': channel<ExportedFile>()(noInput),
  /** Merges a shared list (CSV with id and name columns); answers how many rows it took. */
  'segments:import': channel<{ merged: number }>()(segmentCatalogueImportSchema),
  /** `/segments/get`: the customer's segments, named from the list. */
  'segments:lookup': channel<CustomerSegments>()(customerLookupSchema),
  /** `/segments/add` or `/segments/remove` for one customer. */
  'segments:change': channel<SegmentEntry>()(membershipChangeSchema),
  /** `/segments/includes`. */
  'segments:includes': channel<IncludesAnswer>()(includesCheckSchema),
} as const

export const segmentsEvents = {
  /** The shop's segment list changed (named, used, counted): reload it. */
  'segments:catalogue': event<{ profileId: string }>(),
} as const
