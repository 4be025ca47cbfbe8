import { withCsvChoice } from '../../csv-export'
import type { ExportedFile, IntakeFile } from '../../files'
import {
  gapsFilterSchema,
  lookupSchema,
  pinSchema,
  searchGapsFilterSchema,
  waitingProductSchema,
  waitingSchema,
  watchExportSchema,
  type CatalogueGaps,
  type CategoryNode,
  type ProductLookup,
  type SearchGaps,
  type WaitingProduct,
  type Watchlist,
} from '../../products'
import { channel, event } from '../define'
import { noInput } from './common'

/** Product stats of the active shop (see src/shared/products.ts). */
export const productsChannels = {
  /** A product's card and its counters (public endpoints: no secret needed). */
  'products:lookup': channel<ProductLookup>()(lookupSchema),
  /** Not-widgetable products with the reason spelled out, and counts per reason. */
  'products:gaps': channel<CatalogueGaps>()(noInput),
  'products:gaps-export': channel<ExportedFile>()(withCsvChoice(gapsFilterSchema)),
  'products:categories': channel<CategoryNode[]>()(noInput),
  /** Searches that found nothing, ranked by how often they were made. */
  'products:search-gaps': channel<SearchGaps>()(noInput),
  'products:search-gaps-export': channel<ExportedFile>()(withCsvChoice(searchGapsFilterSchema)),
  /** Products customers wait for (back in stock / cheaper), with names. */
  'products:waiting': channel<WaitingProduct[]>()(waitingSchema),
  'products:waiting-export': channel<ExportedFile>()(withCsvChoice(waitingProductSchema)),
  /** One product's waiting contacts as a CSV file handle, for a bulk send's recipient list. */
  'products:waiting-handoff': channel<IntakeFile>()(waitingProductSchema),
  'products:watchlist': channel<Watchlist>()(noInput),
  'products:pin': channel<Watchlist>()(pinSchema),
  'products:unpin': channel<Watchlist>()(pinSchema),
  /** Takes a snapshot now (or joins the one under way). */
  'products:snapshot': channel<Watchlist>()(noInput),
  'products:watch-export': channel<ExportedFile>()(withCsvChoice(watchExportSchema)),
} as const

export const productsEvents = {
  /** A watchlist snapshot of this shop started or finished. */
  'products:watchlist': event<{ profileId: string; watchlist: Watchlist }>(),
} as const
