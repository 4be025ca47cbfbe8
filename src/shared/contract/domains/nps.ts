import type { ExportedFile } from '../../files'
import {
  npsLoadSchema,
  npsPeriodSchema,
  npsReviewsSchema,
  type NpsProgress,
  type NpsReport,
  type NpsReviewPage,
} from '../../nps'
import { channel, event } from '../define'

export const npsChannels = {
  /** Fetches what the cache lacks for the active shop, then computes every metric. */
  'nps:load': channel<NpsReport>()(npsLoadSchema),
  /** One page of the period's reviews, filtered and sorted in main (from the cache). */
  'nps:reviews': channel<NpsReviewPage>()(npsReviewsSchema),
  /** The period's reviews as CSV (formula-safe), from the cache. */
  'nps:export': channel<ExportedFile>()(npsPeriodSchema),
} as const

export const npsEvents = {
  /** Requests and reviews fetched so far by a running NPS load. */
  'nps:progress': event<NpsProgress>(),
} as const
