import type { ExportedFile } from '../../files'
import {
  npsLoadSchema,
  npsExportSchema,
  npsReviewsSchema,
  type NpsProgress,
  type NpsReport,
  type NpsReviewPage,
} from '../../nps'
import { channel, event } from '../define'
import { noInput } from './common'

export const npsChannels = {
  /** Fetches what the cache lacks for the active shop, then computes every metric. */
  'nps:load': channel<NpsReport>()(npsLoadSchema),
  /** One page of the period's reviews, filtered and sorted in main (from the cache). */
  'nps:reviews': channel<NpsReviewPage>()(npsReviewsSchema),
  /** Stops the running load; it ends as CANCELLED and keeps nothing half-fetched. */
  'nps:cancel': channel<{ cancelled: boolean }>()(noInput),
  /** The period's reviews as CSV (formula-safe), from the cache. */
  'nps:export': channel<ExportedFile>()(npsExportSchema),
} as const

export const npsEvents = {
  /** Requests and reviews fetched so far by a running NPS load. */
  'nps:progress': event<NpsProgress>(),
} as const
